// Second install pass under the project's own Node 22.
//
// Owns: making a plain `npm install` complete on machines whose system Node is older than 22 or
// that cannot download Electron's binary. The `node` devDependency puts Node 22 first on PATH for
// every npm script (this one included), so here `npm` itself runs under Node 22. Under an older
// Node, npm skips optional dependencies whose engines need Node 22 (electron); this pass installs
// them, with Electron's binary download switched off unless SESAME_ELECTRON_DOWNLOAD=1.
// Must not: loop (the nested install sets SESAME_POSTINSTALL), or fail the install because
// Electron is unavailable; the headless host needs none of it.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (process.env.SESAME_POSTINSTALL) process.exit(0);

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  console.warn(`[sesame] postinstall is running under Node ${process.version}; expected the bundled Node 22.`);
}

if (!existsSync('node_modules/electron/package.json')) {
  const env = { ...process.env, SESAME_POSTINSTALL: '1' };
  console.log(`[sesame] completing the install under Node ${process.version} (adds the Electron package)`);
  try {
    execSync('npm install --no-audit --no-fund', { stdio: 'inherit', env });
  } catch (err) {
    console.warn('[sesame] the second install pass failed; the headless host still works.', err.message);
  }
}
