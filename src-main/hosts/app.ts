// Composes one running Sesame from a validated config: the engine (SQLite in <dataDir>/sesame.db), the AWS
// endpoint (SES v2 + v1 + retrospection), SMTP, and the UI API. Both hosts (Electron and headless) call
// startSesame; tests call it through test/helpers/start-headless.ts.
// Owns: start-up order, the UI token, ServerInfo, shutting everything down (idempotently), and turning a
// failed bind into an error that names the port and the flag/env to change it. Must not: parse argv or env
// (hosts/config does), print (the hosts do), or import electron.
import { randomBytes } from 'node:crypto';
import { promises as realDns } from 'node:dns';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerInfo } from '../contract/ui-api';
import type { SesameConfig } from '../core/config';
import { createEngine } from '../core/engine';
import type { Engine } from '../core/engine-api';
import { consoleLog } from '../core/events/bus';
import { openPreferences, type PreferencesStore } from '../core/preferences/preferences';
import { connectHost, urlHost } from '../adapters/http/http-io';
import { startAwsEndpoint } from '../adapters/aws-endpoint/server';
import { fetchOutboundHttp } from '../adapters/deliveries/outbound-http';
import { httpProbe, lookupAll } from '../adapters/link-check/http-probe';
import { loadOrCreateSnsSigning } from '../adapters/deliveries/signing-cert';
import { createLineAppender } from '../adapters/event-sinks/append-line';
import { startSmtpServer } from '../adapters/smtp/server';
import { sesSmtpPassword } from '../adapters/smtp/smtp-password';
import { startUiApi } from '../adapters/ui-api/server';
import { createSpamcChecker, parseSpamdAddress } from '../adapters/spamd/spamc-client';
import { createAwsRequestHandler } from '../protocols/pipeline';
import { startDeliveryTimer, startOutcomeTimer } from './due-timer';
import { createPreviewCapturer, findChromium } from '../adapters/screenshot/chromium-png';

export interface StartSesameOptions {
  host: 'headless' | 'electron';
  /** The built renderer (out/renderer), or null when there is none. */
  rendererDir: string | null;
  version: string;
}

export interface SesameHandle {
  config: SesameConfig;
  engine: Engine;
  /** App preferences (lowdb, <dataDir>/preferences.json). */
  preferences: PreferencesStore;
  urls: {
    aws: string;
    /** The UI URL with its token. */
    ui: string;
    smtp: string;
    smtpTls: string | null;
  };
  ports: { aws: number; smtp: number; smtpTls: number | null; ui: number };
  info: ServerInfo;
  close(): Promise<void>;
}

export async function startSesame(config: SesameConfig, opts: StartSesameOptions): Promise<SesameHandle> {
  mkdirSync(config.dataDir, { recursive: true });
  const preferences = await openPreferences(config.dataDir);
  // The AWS endpoint's URL, known once it listens; the engine reads it when it writes a link (verification email).
  let awsUrl: string | undefined;
  // SNS signs every HTTP/HTTPS envelope; the key and certificate live in <dataDir>/sns/.
  const snsSigning = await loadOrCreateSnsSigning(config.dataDir);
  const engine = createEngine({
    region: config.region,
    accountId: config.accountId,
    dbPath: join(config.dataDir, 'sesame.db'),
    maxMessages: config.retention.maxMessages,
    account: {
      ...(config.account.autoVerify !== null ? { autoVerify: config.account.autoVerify } : {}),
      ...(config.account.sandbox !== null ? { sandbox: config.account.sandbox } : {}),
      ...(config.account.max24HourSend !== null ? { max24HourSend: config.account.max24HourSend } : {}),
      ...(config.account.maxSendRate !== null ? { maxSendRate: config.account.maxSendRate } : {}),
    },
    publicUrls: { aws: () => awsUrl },
    outboundHttp: fetchOutboundHttp,
    snsSigning,
    appendLine: createLineAppender(),
    realDns: (name, rrtype) => realDns.resolve(name, rrtype), // authentication inspection fallback, off unless enabled
    spamChecker: config.inspect.spamd === null ? undefined : createSpamcChecker(parseSpamdAddress(config.inspect.spamd)), // lazily: one connection per check
    linkCheck: { resolve: lookupAll, probe: httpProbe }, // link check: SSRF rules in core/inspect/link-check.ts
  });

  // Everything opened so far, closed in reverse when a later door fails or on shutdown.
  const closers: (() => Promise<void>)[] = [];
  // Scheduled outcomes (retries, delayed complaints) run in real time too, not only under time travel.
  const outcomeTimer = startOutcomeTimer(engine, consoleLog);
  closers.push(async () => outcomeTimer.stop());
  // SNS HTTP/HTTPS delivery retries, likewise in real time.
  const deliveryTimer = startDeliveryTimer(engine, consoleLog);
  closers.push(async () => deliveryTimer.stop());
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    closers.length = 0;
    engine.close();
  };

  try {
    const handler = createAwsRequestHandler({ engine });
    const aws = await startAwsEndpoint({ engine, handler, host: config.aws.host, port: config.aws.port }).catch(
      (err: unknown) => Promise.reject(startupError(err, 'aws', config)),
    );
    closers.push(aws.close);
    awsUrl = aws.url;

    const smtp = await startSmtpServer({ engine, config }).catch((err: unknown) =>
      Promise.reject(startupError(err, 'smtp', config)),
    );
    closers.push(smtp.close);

    // PNG export of previews through the machine's Chromium (launched on first use, closed when idle).
    const capturer = createPreviewCapturer(findChromium(config.inspect.chromium));
    closers.push(() => capturer.close());
    const token = config.ui.tokenRequired ? (config.ui.token ?? randomBytes(16).toString('hex')) : null;
    let info: ServerInfo | null = null;
    const ui = await startUiApi({
      engine,
      info: () => info as ServerInfo,
      preferences,
      host: config.ui.host,
      port: config.ui.port,
      token,
      rendererDir: opts.rendererDir,
      png: capturer.executable === null ? undefined : capturer,
    }).catch((err: unknown) => Promise.reject(startupError(err, 'ui', config)));
    closers.push(ui.close);

    const key = config.credentials[0];
    const smtpHost = connectHost(config.smtp.host);
    info = {
      name: 'Sesame',
      version: opts.version,
      region: config.region,
      accountId: config.accountId,
      awsEndpoint: aws.url,
      smtp: {
        host: smtpHost,
        port: smtp.port,
        tlsPort: smtp.tlsPort,
        authMode: config.smtp.authMode,
        username: key.accessKeyId,
        password: sesSmtpPassword(key.secretAccessKey, config.region),
      },
      credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey },
      uiUrl: ui.url,
      retention: { maxMessages: config.retention.maxMessages },
      dataDir: config.dataDir,
      pngExport: capturer.executable !== null,
      host: opts.host,
    };

    let closing: Promise<void> | null = null;
    return {
      config,
      engine,
      preferences,
      urls: {
        aws: aws.url,
        ui: ui.url,
        smtp: `smtp://${urlHost(config.smtp.host)}:${smtp.port}`,
        smtpTls: smtp.tlsPort === null ? null : `smtps://${urlHost(config.smtp.host)}:${smtp.tlsPort}`,
      },
      ports: { aws: aws.port, smtp: smtp.port, smtpTls: smtp.tlsPort, ui: ui.port },
      info,
      close: () => (closing ??= closeAll()),
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}

// Start-up failures a user can fix: a port already taken, a port they may not bind, an address that isn't
// on this machine. Each message names the door, the port, and the flag and environment variable to change.

export type DoorName = 'aws' | 'smtp' | 'smtpTls' | 'ui';

const DOORS: Record<DoorName, { label: string; flag: string; env: string }> = {
  aws: { label: 'the SES API', flag: '--aws-port', env: 'SESAME_AWS_PORT' },
  smtp: { label: 'SMTP', flag: '--smtp-port', env: 'SESAME_SMTP_PORT' },
  smtpTls: { label: 'SMTP over TLS', flag: '--smtp-tls-port', env: 'SESAME_SMTP_TLS_PORT' },
  ui: { label: 'the UI', flag: '--ui-port', env: 'SESAME_UI_PORT' },
};

export class StartupError extends Error {
  readonly door: DoorName;
  readonly port: number | null;
  readonly code: string | undefined;
  constructor(message: string, door: DoorName, port: number | null, code: string | undefined, cause: unknown) {
    super(message, { cause });
    this.name = 'StartupError';
    this.door = door;
    this.port = port;
    this.code = code;
  }
}

/** Turn a listen error into a StartupError naming the door (the SMTP pair is told apart by port). */
export function startupError(err: unknown, started: 'aws' | 'smtp' | 'ui', config: SesameConfig): unknown {
  const e = err as { code?: string; port?: number; address?: string; message?: string };
  if (!e || typeof e !== 'object' || !['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL'].includes(e.code ?? '')) return err;
  let door: DoorName = started;
  if (started === 'smtp' && config.smtp.tlsPort !== null && e.port === config.smtp.tlsPort && e.port !== config.smtp.port) {
    door = 'smtpTls';
  }
  const configured = { aws: config.aws.port, smtp: config.smtp.port, smtpTls: config.smtp.tlsPort, ui: config.ui.port }[door];
  const port = typeof e.port === 'number' ? e.port : configured;
  const host = door === 'aws' ? config.aws.host : door === 'ui' ? config.ui.host : config.smtp.host;
  const d = DOORS[door];
  const change = `Choose another with ${d.flag} <port> or ${d.env}=<port> (0 picks a free port)${door === 'smtpTls' ? ', or turn it off with "off"' : ''}.`;
  let text: string;
  if (e.code === 'EADDRINUSE') text = `Port ${port} on ${host} (${d.label}) is already in use — is another Sesame or mail tool running? ${change}`;
  else if (e.code === 'EACCES') text = `Not allowed to listen on port ${port} on ${host} (${d.label}). ${change}`;
  else text = `Address ${host} is not available on this machine (${d.label}). Change it with --host or SESAME_HOST.`;
  return new StartupError(text, door, port ?? null, e.code, err);
}
