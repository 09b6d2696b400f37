// `npm start`: the desktop window where Electron's binary is installed (and a display exists);
// otherwise the same Sesame headless, printing the UI's URL. Extra arguments go to Sesame.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);

/**
 * The Electron binary's path when it has been downloaded, else null. Read the package's path.txt directly:
 * `require('electron')` would try to download a missing binary on the spot (Electron ≥ 45).
 */
function electronBinary() {
  const dir = 'node_modules/electron';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
  if (!existsSync(join(dir, 'path.txt'))) return null;
  const bin = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const electron = electronBinary();
const build = (target) => execFileSync(process.execPath, ['scripts/build.mjs', target], { stdio: 'inherit' });

let child;
if (electron && hasDisplay && process.env.SESAME_HEADLESS !== '1') {
  build('all');
  child = spawn(electron, ['.', ...args], { stdio: 'inherit' });
} else {
  const why = !electron
    ? "Electron's binary is not installed here (`npm exec install-electron` fetches it where GitHub is reachable)"
    : !hasDisplay
      ? 'there is no display'
      : 'SESAME_HEADLESS=1';
  console.log(`[sesame] ${why}: running headless. Open the UI URL below in a browser.`);
  build('headless');
  child = spawn(process.execPath, ['bin/sesame.mjs', 'serve', ...args], { stdio: 'inherit' });
}
// Ctrl-C / SIGTERM go to Sesame, which shuts down cleanly (exit 0). A child killed by any other signal
// (a crash) exits like a shell reports it: 128 + the signal number.
let forwarded = null;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    forwarded = sig;
    child.kill(sig);
  });
}
child.on('exit', (code, signal) => {
  if (code !== null) process.exit(code);
  process.exit(signal === forwarded ? 0 : 128 + (os.constants.signals[signal] ?? 0));
});
