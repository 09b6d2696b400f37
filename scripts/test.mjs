// `npm test`: everything CI checks, in order, stopping at the first failure:
// generated protocol code in sync, type-check (node/web/headless), lint, build (headless + Electron host),
// unit + conformance tests (vitest), browser end-to-end tests (Playwright + Debian Chromium).
import { spawnSync } from 'node:child_process';

const steps = [
  ['generated protocol tables are current', 'node', ['scripts/generate-protocols.mjs', '--check']],
  ['type-check (node, web, headless)', 'npm', ['run', '--silent', 'typecheck']],
  ['lint (layering rules)', 'node_modules/.bin/eslint', ['.']],
  ['build', 'node', ['scripts/build.mjs', 'all']],
  ['unit + conformance tests', 'node_modules/.bin/vitest', ['run']],
  ['browser end-to-end tests', 'node_modules/.bin/playwright', ['test']],
];

const started = Date.now();
let passed = 0;
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const t = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n[sesame] step failed: ${name} (exit ${r.status ?? r.signal})`);
    console.log(`steps: ${passed} passed, 1 failed`);
    process.exit(1);
  }
  passed++;
  console.log(`--- ${name}: ok in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
console.log(`\n[sesame] all checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
