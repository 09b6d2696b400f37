// Plain-Node entry of Sesame (`sesame serve`, `npm start` without Electron). Bundled by
// vite.headless.config.ts into out/headless/headless.js, which bin/sesame.mjs imports.
// Owns: wiring process (argv, env, stdio, signals, exit code) into hosts/headless/cli.ts, and finding the
// built renderer next to the bundle. Must not: import electron or hold any logic of its own.
import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../package.json';
import { readFileOrNull } from './hosts/config';
import { installShutdown, runCli } from './hosts/headless/cli';
import type { CliOutcome } from './hosts/headless/cli';

const here = dirname(fileURLToPath(import.meta.url));

/** out/renderer next to out/headless (bundle), or out/renderer from the source tree. */
export function findRendererDir(): string | null {
  for (const dir of [resolve(here, '../renderer'), resolve(here, '../out/renderer')]) {
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return null;
}

/** Run the CLI with this process's argv (without node and script), env and stdio. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<CliOutcome> {
  const outcome = await runCli(argv, {
    env: process.env,
    cwd: process.cwd(),
    homeDir: homedir(),
    platform: process.platform,
    readFile: readFileOrNull,
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    rendererDir: findRendererDir(),
    version: pkg.version,
  });
  if (outcome.kind === 'exit') process.exitCode = outcome.code;
  else installShutdown(outcome.handle, process, (text) => process.stderr.write(text + '\n'));
  return outcome;
}

function isDirectRun(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isDirectRun()) {
  main().catch((err: unknown) => {
    process.stderr.write(`sesame: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
