// Builds Sesame. `headless`: the React UI (out/renderer) + the plain-Node host (out/headless).
// `all`: additionally the Electron main process and preload (out/main, out/preload) via electron-vite,
// which works without Electron's binary, so CI type-checks and builds the desktop host everywhere.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const target = process.argv[2] ?? 'all';
const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args) => execFileSync(bin(cmd), args, { stdio: 'inherit' });

if (!existsSync(bin('vite'))) {
  console.error('[sesame] dependencies are missing: run `npm install` first.');
  process.exit(1);
}
run('vite', ['build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn']);
run('vite', ['build', '--config', 'vite.headless.config.ts', '--logLevel', 'warn']);
if (target === 'all') {
  // The renderer is already built; electron-vite builds main + preload (and its own renderer pass).
  run('electron-vite', ['build', '--logLevel', 'warn']);
}
console.log(`[sesame] build (${target}) done`);
