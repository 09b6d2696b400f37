// Builds Sesame's one validated configuration: defaults < config file < env SESAME_* < flags
// (DESIGN.md rule 5). Pure: the caller passes argv-derived flags, the env object, the home folder, the
// platform and a file reader, so every precedence rule is unit-testable.
// Owns: the default data folder, locating the config file, layering the sources. Must not: start anything,
// print, or read process.env / the disk directly.
import { dirname, posix, resolve, win32 } from 'node:path';
import { defaultConfig, validateConfig } from '../../core/config';
import type { SesameConfig } from '../../core/config';
import type { CliFlags } from './cli-args';
import { applyPatch, parseDir, Problems } from './patch';
import { envPatch, filePatch, flagsPatch } from './sources';
import type { Env } from './sources';

export interface ResolveConfigInput {
  flags: CliFlags;
  env: Env;
  cwd: string;
  homeDir: string;
  platform: string;
  /** The file's text, or null when it does not exist (other read errors throw). */
  readFile(path: string): string | null;
  /** Replaces the platform default data folder (Electron passes its userData folder). */
  defaultDataDir?: string;
}

export interface BuiltConfig {
  config: SesameConfig;
  /** The config file that was read, or null when there was none. */
  configFile: string | null;
}

/** `~/.sesame` (Windows: `%LOCALAPPDATA%\Sesame`). */
export function defaultDataDir(platform: string, env: Env, homeDir: string): string {
  if (platform === 'win32') return win32.join(env.LOCALAPPDATA || win32.join(homeDir, 'AppData', 'Local'), 'Sesame');
  return posix.join(homeDir, '.sesame');
}

export function resolveConfig(input: ResolveConfigInput): BuiltConfig {
  const { flags, env, cwd, homeDir } = input;
  const p = new Problems();
  const here = { base: cwd, homeDir };

  const fromEnv = envPatch(env, p, here);
  const fromFlags = flagsPatch(flags, p, here);
  p.throwIfAny();

  // The config file lives in the data folder unless named explicitly; the folder itself may come from env/flags.
  const baseDir = fromFlags.dataDir ?? fromEnv.dataDir ?? input.defaultDataDir ?? defaultDataDir(input.platform, env, homeDir);
  const explicit = flags.config ?? (env.SESAME_CONFIG || undefined);
  const source = flags.config !== undefined ? '--config' : 'SESAME_CONFIG';
  const configPath = explicit !== undefined ? parseDir(p, source, explicit, cwd, homeDir) : resolve(baseDir, 'config.json');
  p.throwIfAny();

  let configFile: string | null = null;
  let fromFile = {};
  if (configPath !== undefined) {
    let text: string | null;
    try {
      text = input.readFile(configPath);
    } catch (err) {
      throw new Error(`Could not read the config file ${configPath}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    if (text === null && explicit !== undefined) {
      throw new Error(`The config file ${configPath} (from ${source}) does not exist.`);
    }
    if (text !== null) {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (err) {
        throw new Error(`The config file ${configPath} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, {
          cause: err,
        });
      }
      fromFile = filePatch(json, configPath, p, { base: dirname(configPath), homeDir });
      p.throwIfAny();
      configFile = configPath;
    }
  }

  let config = defaultConfig(baseDir);
  config = applyPatch(config, fromFile);
  config = applyPatch(config, fromEnv);
  config = applyPatch(config, fromFlags);
  // A token fixed in the file but switched off later (or vice versa) must not leave a stale token behind.
  if (!config.ui.tokenRequired) config.ui.token = null;
  return { config: validateConfig(config), configFile };
}
