// A partial configuration from one source (config file, environment, flags), the value parsers every
// source shares, and the merge that layers sources: defaults < file < env < flags (DESIGN.md rule 5).
// Owns: value syntax and error texts naming where a bad value came from. Must not: read files or the
// environment; whole-config rules (region shape, account id) stay in core/config.ts validateConfig.
import { isAbsolute, resolve } from 'node:path';
import type { AccessKey, SesameConfig } from '../../core/config';

export interface ConfigPatch {
  dataDir?: string;
  region?: string;
  accountId?: string;
  /** Bind address for every door; a door's own `host` in the same source wins over it. */
  host?: string;
  aws?: { host?: string; port?: number };
  smtp?: { host?: string; port?: number; tlsPort?: number | null; authMode?: 'any' | 'strict' };
  ui?: { host?: string; port?: number; tokenRequired?: boolean; token?: string | null };
  credentials?: AccessKey[];
  retention?: { maxMessages?: number };
  account?: { autoVerify?: boolean; sandbox?: boolean; max24HourSend?: number; maxSendRate?: number };
  inspect?: { spamd?: string | null; chromium?: string | null };
}

/** Collects problems so one run reports every bad value at once. */
export class Problems {
  readonly list: string[] = [];
  add(text: string): undefined {
    this.list.push(text);
    return undefined;
  }
  throwIfAny(): void {
    if (this.list.length) throw new Error(`Invalid configuration:\n  - ${this.list.join('\n  - ')}`);
  }
}

const show = (v: unknown) => JSON.stringify(v);

export function parsePort(p: Problems, source: string, raw: unknown, allowOff = false): number | null | undefined {
  if (allowOff && (raw === 'off' || raw === null)) return null;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,5}$/.test(raw.trim()) ? Number(raw) : NaN;
  if (Number.isInteger(n) && n >= 0 && n <= 65535) return n;
  return p.add(`${source} must be a port number 0..65535${allowOff ? ' or "off"' : ''} (got ${show(raw)})`);
}

export function parsePositiveInt(p: Problems, source: string, raw: unknown): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,12}$/.test(raw.trim()) ? Number(raw) : NaN;
  if (Number.isSafeInteger(n) && n >= 1) return n;
  return p.add(`${source} must be a whole number ≥ 1 (got ${show(raw)})`);
}

/** A daily quota: -1 (unlimited, as SES reports it) or a whole number ≥ 0. */
export function parseDailyQuota(p: Problems, source: string, raw: unknown): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^(-1|\d{1,12})$/.test(raw.trim()) ? Number(raw) : NaN;
  if (n === -1 || (Number.isSafeInteger(n) && n >= 0)) return n;
  return p.add(`${source} must be -1 (unlimited) or a whole number ≥ 0 (got ${show(raw)})`);
}

/** A send rate: a number > 0 (messages per second; SES reports it as a double). */
export function parseRate(p: Problems, source: string, raw: unknown): number | undefined {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
  if (Number.isFinite(n) && n > 0) return n;
  return p.add(`${source} must be a number > 0 (got ${show(raw)})`);
}

export function parseAuthMode(p: Problems, source: string, raw: unknown): 'any' | 'strict' | undefined {
  if (raw === 'any' || raw === 'strict') return raw;
  return p.add(`${source} must be "any" or "strict" (got ${show(raw)})`);
}

export function parseToken(p: Problems, source: string, raw: unknown): string | undefined {
  if (typeof raw === 'string' && /^[A-Za-z0-9._~-]{1,256}$/.test(raw)) return raw;
  return p.add(`${source} must be 1..256 characters of A-Z a-z 0-9 . _ ~ - (got ${show(raw)})`);
}

/** A browser for PNG export: an absolute path, `auto`, or `off` / null. */
export function parseChromium(p: Problems, source: string, raw: unknown): string | null | undefined {
  if (raw === null || raw === 'off') return null;
  if (raw === 'auto') return 'auto';
  if (typeof raw === 'string' && isAbsolute(raw.trim())) return raw.trim();
  return p.add(`${source} must be an absolute path to a Chromium or Chrome executable, "auto" or "off" (got ${show(raw)})`);
}

/** spamd's address: `host:port`, `[v6]:port`, a bare host (port 783), or `off` / null (no spam score). */
export function parseSpamd(p: Problems, source: string, raw: unknown): string | null | undefined {
  if (raw === null || raw === 'off') return null;
  const m = typeof raw === 'string' ? /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9_.-]+)(?::(\d{1,5}))?$/.exec(raw.trim()) : null;
  if (m && (m[1] === undefined || (Number(m[1]) >= 1 && Number(m[1]) <= 65535))) return (raw as string).trim();
  return p.add(`${source} must be host:port (e.g. 127.0.0.1:783) or "off" (got ${show(raw)})`);
}

export function parseText(p: Problems, source: string, raw: unknown): string | undefined {
  if (typeof raw === 'string' && raw.trim() !== '' && !/\s/.test(raw.trim())) return raw.trim();
  return p.add(`${source} must be a non-empty word (got ${show(raw)})`);
}

export function parseBool(p: Problems, source: string, raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  const s = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (['1', 'true', 'yes', 'on'].includes(s)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(s)) return false;
  return p.add(`${source} must be 1 or 0 (got ${show(raw)})`);
}

/** A directory: `~/` expands to the home directory, relative paths resolve against `base`. */
export function parseDir(p: Problems, source: string, raw: unknown, base: string, homeDir: string): string | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return p.add(`${source} must be a directory path (got ${show(raw)})`);
  const s = raw.trim();
  const expanded = s === '~' ? homeDir : s.startsWith('~/') ? homeDir + s.slice(1) : s;
  return isAbsolute(expanded) ? expanded : resolve(base, expanded);
}

function assignDefined<T extends object>(target: T, src: Partial<T> | undefined): void {
  if (!src) return;
  for (const [k, v] of Object.entries(src)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
}

/** Apply one source over a complete config (returns a new object; inputs are not changed). */
export function applyPatch(base: SesameConfig, patch: ConfigPatch): SesameConfig {
  const c: SesameConfig = {
    ...base,
    aws: { ...base.aws },
    smtp: { ...base.smtp },
    ui: { ...base.ui },
    credentials: [...base.credentials],
    retention: { ...base.retention },
    account: { ...base.account },
    inspect: { ...base.inspect },
  };
  if (patch.dataDir !== undefined) c.dataDir = patch.dataDir;
  if (patch.region !== undefined) c.region = patch.region;
  if (patch.accountId !== undefined) c.accountId = patch.accountId;
  if (patch.host !== undefined) c.aws.host = c.smtp.host = c.ui.host = patch.host;
  assignDefined(c.aws, patch.aws);
  assignDefined(c.smtp, patch.smtp);
  assignDefined(c.ui, patch.ui);
  assignDefined(c.retention, patch.retention);
  assignDefined(c.account, patch.account);
  assignDefined(c.inspect, patch.inspect);
  if (patch.credentials !== undefined) c.credentials = patch.credentials.map((k) => ({ ...k }));
  return c;
}
