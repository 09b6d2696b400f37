// `npm start`: the desktop window where Electron's binary is installed (and a display exists);
// otherwise the same Sesame headless, printing the UI's URL. Extra arguments go to Sesame.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);

function electronBinary() {
  try {
    const require = createRequire(import.meta.url);
    const path = require('electron'); // the package exports the binary's path, or throws when it isn't downloaded
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
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
    ? "Electron's binary is not installed here (run `node node_modules/electron/install.js` where GitHub is reachable)"
    : !hasDisplay
      ? 'there is no display'
      : 'SESAME_HEADLESS=1';
  console.log(`[sesame] ${why}: running headless. Open the UI URL below in a browser.`);
  build('headless');
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  child = spawn(process.execPath, ['bin/sesame.mjs', 'serve', ...args], { stdio: 'inherit', env: { ...process.env, SESAME_VERSION: version } });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
