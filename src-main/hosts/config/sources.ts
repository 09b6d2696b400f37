// The three configuration sources above the defaults, each turned into a ConfigPatch:
// the JSON config file, the SESAME_* environment variables, and the command-line flags.
// Owns: which name in each source sets which setting. Must not: read files or process.env itself (the
// caller passes the text and the env object), or merge sources (build-config.ts does).
import type { AccessKey } from '../../core/config';
import type { CliFlags } from './cli-args';
import type { ConfigPatch, Problems } from './patch';
import { parseAuthMode, parseBool, parseChromium, parseDailyQuota, parseDir, parsePort, parsePositiveInt, parseRate, parseSpamd, parseText, parseToken } from './patch';

export type Env = Readonly<Record<string, string | undefined>>;

export interface PathContext {
  /** Relative paths resolve against this (cwd for env and flags, the file's folder for the file). */
  base: string;
  homeDir: string;
}

/** SESAME_* variables. Empty strings count as unset. */
export function envPatch(env: Env, p: Problems, ctx: PathContext): ConfigPatch {
  const v = (name: string) => {
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const out: ConfigPatch = { aws: {}, smtp: {}, ui: {}, retention: {}, account: {} };
  if (v('SESAME_AUTO_VERIFY') !== undefined) out.account!.autoVerify = parseBool(p, 'SESAME_AUTO_VERIFY', v('SESAME_AUTO_VERIFY'));
  if (v('SESAME_SANDBOX') !== undefined) out.account!.sandbox = parseBool(p, 'SESAME_SANDBOX', v('SESAME_SANDBOX'));
  if (v('SESAME_MAX_24_HOUR_SEND')) out.account!.max24HourSend = parseDailyQuota(p, 'SESAME_MAX_24_HOUR_SEND', v('SESAME_MAX_24_HOUR_SEND'));
  if (v('SESAME_MAX_SEND_RATE')) out.account!.maxSendRate = parseRate(p, 'SESAME_MAX_SEND_RATE', v('SESAME_MAX_SEND_RATE'));
  if (v('SESAME_DATA_DIR')) out.dataDir = parseDir(p, 'SESAME_DATA_DIR', v('SESAME_DATA_DIR'), ctx.base, ctx.homeDir);
  if (v('SESAME_SPAMD')) out.inspect = { spamd: parseSpamd(p, 'SESAME_SPAMD', v('SESAME_SPAMD')) };
  if (v('SESAME_CHROMIUM')) out.inspect = { ...out.inspect, chromium: parseChromium(p, 'SESAME_CHROMIUM', v('SESAME_CHROMIUM')) };
  if (v('SESAME_REGION')) out.region = parseText(p, 'SESAME_REGION', v('SESAME_REGION'));
  if (v('SESAME_ACCOUNT_ID')) out.accountId = parseText(p, 'SESAME_ACCOUNT_ID', v('SESAME_ACCOUNT_ID'));
  if (v('SESAME_HOST')) out.host = parseText(p, 'SESAME_HOST', v('SESAME_HOST'));
  if (v('SESAME_AWS_PORT')) out.aws!.port = parsePort(p, 'SESAME_AWS_PORT', v('SESAME_AWS_PORT')) ?? undefined;
  if (v('SESAME_SMTP_PORT')) out.smtp!.port = parsePort(p, 'SESAME_SMTP_PORT', v('SESAME_SMTP_PORT')) ?? undefined;
  if (v('SESAME_SMTP_TLS_PORT')) out.smtp!.tlsPort = parsePort(p, 'SESAME_SMTP_TLS_PORT', v('SESAME_SMTP_TLS_PORT'), true);
  if (v('SESAME_SMTP_AUTH')) out.smtp!.authMode = parseAuthMode(p, 'SESAME_SMTP_AUTH', v('SESAME_SMTP_AUTH'));
  if (v('SESAME_UI_PORT')) out.ui!.port = parsePort(p, 'SESAME_UI_PORT', v('SESAME_UI_PORT')) ?? undefined;
  const noToken = env.SESAME_UI_NO_TOKEN !== undefined && parseBool(p, 'SESAME_UI_NO_TOKEN', env.SESAME_UI_NO_TOKEN);
  if (v('SESAME_UI_TOKEN') && noToken) p.add('SESAME_UI_TOKEN and SESAME_UI_NO_TOKEN=1 contradict each other');
  if (v('SESAME_UI_TOKEN')) {
    out.ui!.token = parseToken(p, 'SESAME_UI_TOKEN', v('SESAME_UI_TOKEN'));
    out.ui!.tokenRequired = true;
  } else if (noToken) {
    out.ui!.token = null;
    out.ui!.tokenRequired = false;
  }
  if (v('SESAME_MAX_MESSAGES')) out.retention!.maxMessages = parsePositiveInt(p, 'SESAME_MAX_MESSAGES', v('SESAME_MAX_MESSAGES'));
  const id = v('SESAME_ACCESS_KEY_ID');
  const secret = v('SESAME_SECRET_ACCESS_KEY');
  if ((id === undefined) !== (secret === undefined)) {
    p.add('SESAME_ACCESS_KEY_ID and SESAME_SECRET_ACCESS_KEY must be set together');
  } else if (id !== undefined && secret !== undefined) {
    out.credentials = [{ accessKeyId: id, secretAccessKey: secret }];
  }
  return out;
}

/** Command-line flags (already split by cli-args.ts). */
export function flagsPatch(f: CliFlags, p: Problems, ctx: PathContext): ConfigPatch {
  const out: ConfigPatch = { aws: {}, smtp: {}, ui: {}, retention: {}, account: {} };
  if (f.autoVerify) out.account!.autoVerify = true;
  if (f.sandbox !== undefined) out.account!.sandbox = parseBool(p, '--sandbox', f.sandbox);
  if (f.production) {
    if (f.sandbox !== undefined) p.add('--production and --sandbox contradict each other');
    out.account!.sandbox = false;
  }
  if (f.max24HourSend !== undefined) out.account!.max24HourSend = parseDailyQuota(p, '--max-24-hour-send', f.max24HourSend);
  if (f.maxSendRate !== undefined) out.account!.maxSendRate = parseRate(p, '--max-send-rate', f.maxSendRate);
  if (f.dataDir !== undefined) out.dataDir = parseDir(p, '--data-dir', f.dataDir, ctx.base, ctx.homeDir);
  if (f.spamd !== undefined) out.inspect = { spamd: parseSpamd(p, '--spamd', f.spamd) };
  if (f.chromium !== undefined) out.inspect = { ...out.inspect, chromium: parseChromium(p, '--chromium', f.chromium) };
  if (f.region !== undefined) out.region = parseText(p, '--region', f.region);
  if (f.accountId !== undefined) out.accountId = parseText(p, '--account-id', f.accountId);
  if (f.host !== undefined) out.host = parseText(p, '--host', f.host);
  if (f.awsPort !== undefined) out.aws!.port = parsePort(p, '--aws-port', f.awsPort) ?? undefined;
  if (f.smtpPort !== undefined) out.smtp!.port = parsePort(p, '--smtp-port', f.smtpPort) ?? undefined;
  if (f.smtpTlsPort !== undefined) out.smtp!.tlsPort = parsePort(p, '--smtp-tls-port', f.smtpTlsPort, true);
  if (f.smtpAuth !== undefined) out.smtp!.authMode = parseAuthMode(p, '--smtp-auth', f.smtpAuth);
  if (f.uiPort !== undefined) out.ui!.port = parsePort(p, '--ui-port', f.uiPort) ?? undefined;
  if (f.uiToken !== undefined) {
    out.ui!.token = parseToken(p, '--ui-token', f.uiToken);
    out.ui!.tokenRequired = true;
  } else if (f.noUiToken) {
    out.ui!.token = null;
    out.ui!.tokenRequired = false;
  }
  if (f.maxMessages !== undefined) out.retention!.maxMessages = parsePositiveInt(p, '--max-messages', f.maxMessages);
  return out;
}

const FILE_KEYS: Record<string, readonly string[] | null> = {
  dataDir: null,
  region: null,
  accountId: null,
  host: null,
  aws: ['host', 'port'],
  smtp: ['host', 'port', 'tlsPort', 'authMode'],
  ui: ['host', 'port', 'tokenRequired', 'token'],
  credentials: null,
  retention: ['maxMessages'],
  account: ['autoVerify', 'sandbox', 'max24HourSend', 'maxSendRate'],
  inspect: ['spamd', 'chromium'],
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parsed JSON of a config file: a partial SesameConfig (plus `host` for every door). Unknown keys are errors. */
export function filePatch(json: unknown, file: string, p: Problems, ctx: PathContext): ConfigPatch {
  const out: ConfigPatch = {};
  if (!isObject(json)) {
    p.add(`${file}: the config file must hold a JSON object`);
    return out;
  }
  for (const [key, value] of Object.entries(json)) {
    const nested = FILE_KEYS[key];
    if (nested === undefined) {
      p.add(`${file}: unknown setting "${key}" (known: ${Object.keys(FILE_KEYS).join(', ')})`);
      continue;
    }
    if (nested === null || !isObject(value)) continue;
    for (const k of Object.keys(value)) {
      if (!nested.includes(k)) p.add(`${file}: unknown setting "${key}.${k}" (known: ${nested.join(', ')})`);
    }
  }
  const at = (name: string) => `${file}: ${name}`;
  const j = json;
  const section = (name: string): Record<string, unknown> => {
    const s = j[name];
    if (s === undefined) return {};
    if (!isObject(s)) return p.add(at(`${name} must be an object`)) ?? {};
    return s;
  };
  if (j.dataDir !== undefined) out.dataDir = parseDir(p, at('dataDir'), j.dataDir, ctx.base, ctx.homeDir);
  if (j.region !== undefined) out.region = parseText(p, at('region'), j.region);
  if (j.accountId !== undefined) out.accountId = parseText(p, at('accountId'), j.accountId);
  if (j.host !== undefined) out.host = parseText(p, at('host'), j.host);
  const aws = section('aws');
  const smtp = section('smtp');
  const ui = section('ui');
  const retention = section('retention');
  const account = section('account');
  out.account = {};
  if (account.autoVerify !== undefined) out.account.autoVerify = parseBool(p, at('account.autoVerify'), account.autoVerify);
  if (account.sandbox !== undefined) out.account.sandbox = parseBool(p, at('account.sandbox'), account.sandbox);
  if (account.max24HourSend !== undefined) out.account.max24HourSend = parseDailyQuota(p, at('account.max24HourSend'), account.max24HourSend);
  if (account.maxSendRate !== undefined) out.account.maxSendRate = parseRate(p, at('account.maxSendRate'), account.maxSendRate);
  out.aws = {};
  out.smtp = {};
  out.ui = {};
  out.retention = {};
  if (aws.host !== undefined) out.aws.host = parseText(p, at('aws.host'), aws.host);
  if (aws.port !== undefined) out.aws.port = parsePort(p, at('aws.port'), aws.port) ?? undefined;
  if (smtp.host !== undefined) out.smtp.host = parseText(p, at('smtp.host'), smtp.host);
  if (smtp.port !== undefined) out.smtp.port = parsePort(p, at('smtp.port'), smtp.port) ?? undefined;
  if (smtp.tlsPort !== undefined) out.smtp.tlsPort = parsePort(p, at('smtp.tlsPort'), smtp.tlsPort, true);
  if (smtp.authMode !== undefined) out.smtp.authMode = parseAuthMode(p, at('smtp.authMode'), smtp.authMode);
  if (ui.host !== undefined) out.ui.host = parseText(p, at('ui.host'), ui.host);
  if (ui.port !== undefined) out.ui.port = parsePort(p, at('ui.port'), ui.port) ?? undefined;
  if (ui.tokenRequired !== undefined) out.ui.tokenRequired = parseBool(p, at('ui.tokenRequired'), ui.tokenRequired);
  if (ui.token !== undefined) out.ui.token = ui.token === null ? null : parseToken(p, at('ui.token'), ui.token);
  if (retention.maxMessages !== undefined) {
    out.retention.maxMessages = parsePositiveInt(p, at('retention.maxMessages'), retention.maxMessages);
  }
  const inspect = section('inspect');
  if (inspect.spamd !== undefined) out.inspect = { spamd: parseSpamd(p, at('inspect.spamd'), inspect.spamd) };
  if (inspect.chromium !== undefined) out.inspect = { ...out.inspect, chromium: parseChromium(p, at('inspect.chromium'), inspect.chromium) };
  if (j.credentials !== undefined) out.credentials = parseCredentials(j.credentials, at('credentials'), p);
  return out;
}

function parseCredentials(raw: unknown, source: string, p: Problems): AccessKey[] | undefined {
  const ok =
    Array.isArray(raw) &&
    raw.length > 0 &&
    raw.every((k) => isObject(k) && typeof k.accessKeyId === 'string' && k.accessKeyId !== '' && typeof k.secretAccessKey === 'string' && k.secretAccessKey !== '');
  if (!ok) return p.add(`${source} must be a non-empty list of {"accessKeyId", "secretAccessKey"}`);
  return (raw as AccessKey[]).map((k) => ({ accessKeyId: k.accessKeyId, secretAccessKey: k.secretAccessKey }));
}
