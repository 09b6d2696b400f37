// Sesame's configuration: one validated object, built by a host (defaults < config file < env SESAME_* < flags)
// and passed down. No module reads process.env or globals for configuration.
// Owns: the shape and the defaults. Must not: read files or the environment (hosts/config does).
import { DEFAULT_MAX_MESSAGES } from './limits';

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SesameConfig {
  /** Where SQLite, the TLS certificate and preferences live. */
  dataDir: string;
  region: string;
  accountId: string;
  aws: { host: string; port: number };
  smtp: {
    host: string;
    /** Plain + STARTTLS port. */
    port: number;
    /** Implicit TLS port; null disables it. */
    tlsPort: number | null;
    /** `any`: any credentials (or none) accepted and recorded; `strict`: AUTH required and checked against SES SMTP passwords. */
    authMode: 'any' | 'strict';
  };
  ui: {
    host: string;
    port: number;
    /** false only when explicitly turned off (`--no-ui-token`), which warns. */
    tokenRequired: boolean;
    /** Fixed token (tests/CI); otherwise one is generated per launch. */
    token: string | null;
  };
  /** Access keys: used to derive SES SMTP passwords and shown in the "Connect your app" panel. */
  credentials: AccessKey[];
  retention: { maxMessages: number };
  /**
   * Applied to the SES account at every start when set (null = keep what the data folder holds). A new
   * data folder starts as a new SES account: sandbox, 200 per 24 h, 1 per second, identities verified by
   * link. CI usually sets autoVerify (and production / larger limits).
   */
  account: {
    autoVerify: boolean | null;
    sandbox: boolean | null;
    /** -1 = unlimited, as SES reports it. */
    max24HourSend: number | null;
    maxSendRate: number | null;
  };
  /** Message inspection: SpamAssassin's spamd as `host:port` (tried lazily, when a score is asked for); null = off. */
  /**
   * The Chromium used for PNG export of previews outside Electron: a path, `auto` (the first installed of the
   * usual places) or null (off).
   */
  inspect: { spamd: string | null; chromium: string | null };
}

/**
 * Default ports avoid Mailpit/MailHog (1025/8025), MailDev (1080/1025) and LocalStack (4566).
 * 2587 and 2465 are SES's own alternative SMTP ports (STARTTLS and TLS wrapper).
 */
export const DEFAULT_PORTS = { aws: 4577, ui: 4578, smtp: 2587, smtpTls: 2465 } as const;

/** spamd's own default address; nothing there just means "spam score not available". */
export const DEFAULT_SPAMD = '127.0.0.1:783';

export const DEFAULT_CREDENTIALS: AccessKey = {
  accessKeyId: 'AKIASESAMELOCAL00001',
  secretAccessKey: 'sesame/local/secret/key/0000000000000000',
};

export function defaultConfig(dataDir: string): SesameConfig {
  return {
    dataDir,
    region: 'us-east-1',
    accountId: '000000000000',
    aws: { host: '127.0.0.1', port: DEFAULT_PORTS.aws },
    smtp: { host: '127.0.0.1', port: DEFAULT_PORTS.smtp, tlsPort: DEFAULT_PORTS.smtpTls, authMode: 'any' },
    ui: { host: '127.0.0.1', port: DEFAULT_PORTS.ui, tokenRequired: true, token: null },
    credentials: [DEFAULT_CREDENTIALS],
    retention: { maxMessages: DEFAULT_MAX_MESSAGES },
    account: { autoVerify: null, sandbox: null, max24HourSend: null, maxSendRate: null },
    inspect: { spamd: DEFAULT_SPAMD, chromium: 'auto' },
  };
}

/** Throws a readable error for an invalid config (the host prints it and exits non-zero). */
export function validateConfig(c: SesameConfig): SesameConfig {
  const problems: string[] = [];
  const port = (name: string, v: number | null) => {
    if (v === null) return;
    if (!Number.isInteger(v) || v < 0 || v > 65535) problems.push(`${name} must be a port number 0..65535 (got ${v})`);
  };
  port('aws.port', c.aws.port);
  port('smtp.port', c.smtp.port);
  port('smtp.tlsPort', c.smtp.tlsPort);
  port('ui.port', c.ui.port);
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(c.region)) problems.push(`region looks wrong: ${c.region}`);
  if (!/^\d{12}$/.test(c.accountId)) problems.push(`accountId must be 12 digits (got ${c.accountId})`);
  if (!['any', 'strict'].includes(c.smtp.authMode)) problems.push(`smtp.authMode must be any|strict`);
  if (!Number.isInteger(c.retention.maxMessages) || c.retention.maxMessages < 1) problems.push('retention.maxMessages must be ≥ 1');
  if (c.credentials.length === 0) problems.push('at least one access key is needed');
  const q = c.account.max24HourSend;
  if (q !== null && !(q === -1 || (Number.isInteger(q) && q >= 0))) problems.push(`account.max24HourSend must be -1 (unlimited) or a whole number ≥ 0 (got ${q})`);
  const r = c.account.maxSendRate;
  if (r !== null && !(Number.isFinite(r) && r > 0)) problems.push(`account.maxSendRate must be a number > 0 (got ${r})`);
  if (problems.length) throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return c;
}
