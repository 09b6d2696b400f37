#!/usr/bin/env node
// `sesame`: runs the headless host built by `npm run build:headless` (vite.headless.config.ts →
// out/headless/headless.js). Plain JavaScript so it runs without a TypeScript toolchain.
import { existsSync } from 'node:fs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`sesame needs Node.js 22.12 or newer (this is ${process.version}). Inside the repository, npm scripts use the bundled Node 22 (npm run serve).\n`);
  process.exit(1);
}

const entry = new URL('../out/headless/headless.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'sesame: the headless build is missing (out/headless/headless.js).\n' +
      'Build it from the repository root with:  npm run build:headless   (or: npm run serve)\n',
  );
  process.exit(1);
}

const { main } = await import(entry.href);
await main(process.argv.slice(2));
