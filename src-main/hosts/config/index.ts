// The host's entry to configuration: argv + env (+ an optional default data folder) → one validated
// SesameConfig. Both hosts use it: the headless CLI (through cli.ts, which also needs the command) and
// Electron (which passes its userData folder as the default data folder).
// Owns: filling in the real process facts (cwd, home, platform, file reads) when the caller doesn't inject
// them. Must not: print or exit (callers report the thrown UsageError / Error their own way).
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { SesameConfig } from '../../core/config';
import { resolveConfig } from './build-config';
import { parseCommandLine } from './cli-args';
import type { Env } from './sources';

export { defaultDataDir, resolveConfig } from './build-config';
export type { BuiltConfig, ResolveConfigInput } from './build-config';
export { parseCommandLine, USAGE, UsageError } from './cli-args';
export type { CliFlags, Command, CommandLine } from './cli-args';
export type { Env } from './sources';

/** Read a file as UTF-8; null when it does not exist. */
export function readFileOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null;
    throw err;
  }
}

export interface BuildConfigOptions {
  /** Flags only (no `node`, script or command); unknown flags throw UsageError. */
  argv: readonly string[];
  env: Env;
  /** Replaces ~/.sesame (Electron: app.getPath('userData')). */
  defaultDataDir?: string;
  cwd?: string;
  homeDir?: string;
  platform?: string;
  readFile?: (path: string) => string | null;
}

/** defaults < config file < env SESAME_* < flags, validated. Throws with a readable message. */
export function buildConfig(opts: BuildConfigOptions): SesameConfig {
  const { flags } = parseCommandLine(opts.argv);
  return resolveConfig({
    flags,
    env: opts.env,
    cwd: opts.cwd ?? process.cwd(),
    homeDir: opts.homeDir ?? homedir(),
    platform: opts.platform ?? process.platform,
    readFile: opts.readFile ?? readFileOrNull,
    ...(opts.defaultDataDir !== undefined ? { defaultDataDir: opts.defaultDataDir } : {}),
  }).config;
}
