// The `sesame` command line for the plain-Node host: `serve` (default), `--help`, `--version`.
// Owns: running a command with injected I/O (argv, env, files, output), the start-up banner and ready line,
// exit codes (0 ok, 1 failure, 2 usage), and clean shutdown on SIGINT/SIGTERM (a second signal forces exit).
// Must not: import electron, or read process.* itself (src-main/headless.ts passes it in).
import type { SesameConfig } from '../../core/config';
import { startSesame } from '../app';
import type { SesameHandle, StartSesameOptions } from '../app';
import { resolveConfig } from '../config/build-config';
import { parseCommandLine, USAGE, UsageError } from '../config/cli-args';
import type { Env } from '../config/sources';

export interface CliIo {
  env: Env;
  cwd: string;
  homeDir: string;
  platform: string;
  /** File text, or null when it does not exist. */
  readFile(path: string): string | null;
  out(text: string): void;
  err(text: string): void;
  rendererDir: string | null;
  version: string;
  /** Injected for tests; defaults to startSesame. */
  start?: (config: SesameConfig, opts: StartSesameOptions) => Promise<SesameHandle>;
}

export type CliOutcome = { kind: 'exit'; code: number } | { kind: 'serving'; handle: SesameHandle };

export async function runCli(argv: readonly string[], io: CliIo): Promise<CliOutcome> {
  let command;
  let flags;
  let readyJson;
  try {
    ({ command, flags, readyJson } = parseCommandLine(argv));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`sesame: ${err.message}\n\n${USAGE}`);
    return { kind: 'exit', code: 2 };
  }
  if (command === 'help') {
    io.out(USAGE);
    return { kind: 'exit', code: 0 };
  }
  if (command === 'version') {
    io.out(io.version);
    return { kind: 'exit', code: 0 };
  }

  let config: SesameConfig;
  try {
    ({ config } = resolveConfig({ flags, env: io.env, cwd: io.cwd, homeDir: io.homeDir, platform: io.platform, readFile: io.readFile }));
  } catch (err) {
    io.err(`sesame: ${err instanceof Error ? err.message : String(err)}`);
    return { kind: 'exit', code: 1 };
  }

  try {
    const handle = await (io.start ?? startSesame)(config, { host: 'headless', rendererDir: io.rendererDir, version: io.version });
    io.out(formatBanner(handle));
    if (readyJson) io.out(readyLine(handle));
    return { kind: 'serving', handle };
  } catch (err) {
    io.err(`sesame: could not start: ${err instanceof Error ? err.message : String(err)}`);
    return { kind: 'exit', code: 1 };
  }
}

/** What `serve` prints once every door is open: compact on purpose, it is read in CI logs too. */
export function formatBanner(h: SesameHandle): string {
  const { info, urls, ports } = h;
  const tls = ports.smtpTls === null ? 'TLS port off' : `${ports.smtpTls} (TLS)`;
  const lines = [
    `Sesame ${info.version}: Amazon SES on your desk (${info.host}, region ${info.region}, account ${info.accountId})`,
    '',
    `  SES API   ${urls.aws}   (SES v2 + v1; LocalStack-style messages at ${urls.aws}/_aws/ses)`,
    `  SMTP      ${info.smtp.host}  port ${ports.smtp} (STARTTLS) · ${tls} · auth ${info.smtp.authMode}`,
    `            username ${info.smtp.username}`,
    `            password ${info.smtp.password}`,
    `  UI        ${urls.ui}`,
    `  Data      ${info.dataDir} (keeps the newest ${info.retention.maxMessages} messages)`,
    '',
    `  AWS_ENDPOINT_URL_SES=${urls.aws}`,
    `  AWS_ENDPOINT_URL_SESV2=${urls.aws}`,
  ];
  if (h.config.ui.token === null && !h.config.ui.tokenRequired) {
    lines.push(
      '',
      '  WARNING: the UI token is off (--no-ui-token / SESAME_UI_NO_TOKEN). Any program or web page that can',
      '  reach this port can read every captured message. Use it only on a machine you alone use, such as CI.',
    );
  }
  if (h.config.ui.host !== '127.0.0.1' || h.config.aws.host !== '127.0.0.1' || h.config.smtp.host !== '127.0.0.1') {
    lines.push('', `  Note: bound to ${[...new Set([h.config.aws.host, h.config.smtp.host, h.config.ui.host])].join(', ')}, not only 127.0.0.1.`);
  }
  return lines.join('\n');
}

/** `{"ready":{…}}` on one line: what scripts and tests need to reach every door. */
export function readyLine(h: SesameHandle): string {
  return JSON.stringify({
    ready: {
      aws: h.urls.aws,
      ui: h.urls.ui,
      smtp: h.urls.smtp,
      smtpTls: h.urls.smtpTls,
      ports: h.ports,
      token: new URL(h.urls.ui).searchParams.get('token'),
      dataDir: h.config.dataDir,
      version: h.info.version,
    },
  });
}

/** The bits of `process` shutdown needs, injectable for tests. */
export interface SignalTarget {
  on(signal: 'SIGINT' | 'SIGTERM', fn: () => void): unknown;
  removeListener(signal: 'SIGINT' | 'SIGTERM', fn: () => void): unknown;
  exit(code: number): void;
}

/**
 * First SIGINT/SIGTERM: close every door and the database, then exit 0 (1 if closing failed).
 * A second signal while closing exits at once with 130. Returns a function that uninstalls the handlers.
 */
export function installShutdown(handle: SesameHandle, proc: SignalTarget, log: (text: string) => void): () => void {
  let stopping = false;
  const onSignal = () => {
    if (stopping) {
      log('sesame: forced exit.');
      proc.exit(130);
      return;
    }
    stopping = true;
    log('sesame: shutting down…');
    handle.close().then(
      () => proc.exit(0),
      (err: unknown) => {
        log(`sesame: error while shutting down: ${err instanceof Error ? err.message : String(err)}`);
        proc.exit(1);
      },
    );
  };
  proc.on('SIGINT', onSignal);
  proc.on('SIGTERM', onSignal);
  return () => {
    proc.removeListener('SIGINT', onSignal);
    proc.removeListener('SIGTERM', onSignal);
  };
}
