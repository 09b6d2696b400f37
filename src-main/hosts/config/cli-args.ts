// The command line of `sesame`: commands, flags (node:util parseArgs), and the usage text.
// Owns: turning argv into a command and raw flag strings, with a clear error (plus usage) for anything
// unknown. Must not: interpret values (values.ts does) or touch the environment or files.
import { parseArgs } from 'node:util';
import { DEFAULT_PORTS } from '../../core/config';

export type Command = 'serve' | 'help' | 'version';

/** Raw flag values, as typed. */
export interface CliFlags {
  dataDir?: string;
  region?: string;
  accountId?: string;
  awsPort?: string;
  smtpPort?: string;
  smtpTlsPort?: string;
  uiPort?: string;
  host?: string;
  smtpAuth?: string;
  uiToken?: string;
  noUiToken?: boolean;
  maxMessages?: string;
  config?: string;
  autoVerify?: boolean;
  sandbox?: string;
  production?: boolean;
  max24HourSend?: string;
  maxSendRate?: string;
  spamd?: string;
  chromium?: string;
}

/** A mistake on the command line: the CLI prints the message, then the usage, and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const OPTION_HELP: [flag: string, text: string, env: string][] = [
  ['--data-dir <dir>', 'where mail and state are kept (default ~/.sesame)', 'SESAME_DATA_DIR'],
  ['--config <file>', 'JSON config file (default <data-dir>/config.json)', 'SESAME_CONFIG'],
  ['--region <region>', 'SES region (default us-east-1)', 'SESAME_REGION'],
  ['--account-id <digits>', '12-digit AWS account id (default 000000000000)', 'SESAME_ACCOUNT_ID'],
  ['--host <address>', 'bind address of every door (default 127.0.0.1)', 'SESAME_HOST'],
  ['--aws-port <port>', `SES API port, v2 + v1 (default ${DEFAULT_PORTS.aws})`, 'SESAME_AWS_PORT'],
  ['--smtp-port <port>', `SMTP port, plain + STARTTLS (default ${DEFAULT_PORTS.smtp})`, 'SESAME_SMTP_PORT'],
  ['--smtp-tls-port <port>', `SMTP implicit-TLS port or "off" (default ${DEFAULT_PORTS.smtpTls})`, 'SESAME_SMTP_TLS_PORT'],
  ['--smtp-auth any|strict', 'any credentials, or check SES SMTP passwords (default any)', 'SESAME_SMTP_AUTH'],
  ['--ui-port <port>', `web UI port (default ${DEFAULT_PORTS.ui})`, 'SESAME_UI_PORT'],
  ['--ui-token <token>', 'fixed UI token instead of a per-launch one', 'SESAME_UI_TOKEN'],
  ['--no-ui-token', 'no UI token: anything on this machine can read your mail', 'SESAME_UI_NO_TOKEN=1'],
  ['--max-messages <n>', 'keep the newest n messages (default 50000)', 'SESAME_MAX_MESSAGES'],
  ['--auto-verify', 'every identity verified at once, every sender allowed (CI)', 'SESAME_AUTO_VERIFY=1'],
  ['--sandbox on|off', 'SES sandbox (a new data folder starts on)', 'SESAME_SANDBOX'],
  ['--production', 'same as --sandbox off', ''],
  ['--max-24-hour-send <n>', 'daily quota, -1 = unlimited (new account: 200)', 'SESAME_MAX_24_HOUR_SEND'],
  ['--max-send-rate <n>', 'messages per second (new account: 1)', 'SESAME_MAX_SEND_RATE'],
  ['--spamd host:port|off', 'SpamAssassin spamd for spam scores (default 127.0.0.1:783)', 'SESAME_SPAMD'],
  ['--chromium <path>|auto|off', 'browser for PNG export of previews (default auto: an installed Chromium)', 'SESAME_CHROMIUM'],
  ['--ready-json', 'once serving, also print {"ready":{…}} on one line', ''],
  ['-h, --help', 'show this help', ''],
  ['-v, --version', 'print the version', ''],
];

export const USAGE = [
  'Usage: sesame [serve] [options]',
  '       sesame --help | --version',
  '',
  'Runs Amazon SES locally: the SES v2 and v1 APIs, SMTP, and a web UI showing every message.',
  '',
  'Options (most also settable by environment variable, or in the config file):',
  ...OPTION_HELP.map(([flag, text, env]) => `  ${flag.padEnd(24)}${env ? text.padEnd(62) + env : text}`.trimEnd()),
  '',
  'Access key shown to SDKs and used for SMTP passwords: SESAME_ACCESS_KEY_ID + SESAME_SECRET_ACCESS_KEY.',
  'Port 0 picks a free port. Precedence: defaults < config file < environment < flags.',
].join('\n');

const OPTIONS = {
  'data-dir': { type: 'string' },
  region: { type: 'string' },
  'account-id': { type: 'string' },
  'aws-port': { type: 'string' },
  'smtp-port': { type: 'string' },
  'smtp-tls-port': { type: 'string' },
  'ui-port': { type: 'string' },
  host: { type: 'string' },
  'smtp-auth': { type: 'string' },
  'ui-token': { type: 'string' },
  'no-ui-token': { type: 'boolean' },
  'max-messages': { type: 'string' },
  config: { type: 'string' },
  'auto-verify': { type: 'boolean' },
  sandbox: { type: 'string' },
  production: { type: 'boolean' },
  'max-24-hour-send': { type: 'string' },
  'max-send-rate': { type: 'string' },
  spamd: { type: 'string' },
  chromium: { type: 'string' },
  'ready-json': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Parse argv (without `node` and the script). Throws UsageError. */
export interface CommandLine {
  command: Command;
  flags: CliFlags;
  /** `--ready-json`: print a machine-readable ready line when serving. */
  readyJson: boolean;
}

export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new UsageError(`Unknown option ${unknown[1]}.`);
    throw new UsageError(msg.replace(/\. To specify.*$/s, '.'));
  }
  const { values: v, positionals } = parsed;
  if (positionals.length > 1) throw new UsageError(`Unexpected argument: ${positionals[1]}.`);
  const word = positionals[0];
  if (word !== undefined && word !== 'serve' && word !== 'help' && word !== 'version') {
    throw new UsageError(`Unknown command: ${word}. The commands are serve (the default), help and version.`);
  }
  const command: Command = v.help || word === 'help' ? 'help' : v.version || word === 'version' ? 'version' : 'serve';
  if (v['ui-token'] !== undefined && v['no-ui-token']) throw new UsageError('--ui-token and --no-ui-token contradict each other.');
  const flags: CliFlags = {};
  const put = <K extends keyof CliFlags>(k: K, value: CliFlags[K] | undefined) => {
    if (value !== undefined) flags[k] = value;
  };
  put('dataDir', v['data-dir']);
  put('region', v.region);
  put('accountId', v['account-id']);
  put('awsPort', v['aws-port']);
  put('smtpPort', v['smtp-port']);
  put('smtpTlsPort', v['smtp-tls-port']);
  put('uiPort', v['ui-port']);
  put('host', v.host);
  put('smtpAuth', v['smtp-auth']);
  put('uiToken', v['ui-token']);
  put('noUiToken', v['no-ui-token']);
  put('maxMessages', v['max-messages']);
  put('config', v.config);
  put('autoVerify', v['auto-verify']);
  put('sandbox', v.sandbox);
  put('production', v.production);
  put('max24HourSend', v['max-24-hour-send']);
  put('maxSendRate', v['max-send-rate']);
  put('spamd', v.spamd);
  put('chromium', v.chromium);
  return { command, flags, readyJson: v['ready-json'] === true };
}
