// The SES SMTP door: two smtp-server listeners — `config.smtp.port` (plain, STARTTLS advertised, never
// required) and `config.smtp.tlsPort` (implicit TLS, unless null) — sharing one set of hooks.
// Owns: listener options (banner, SIZE, AUTH mode, TLS certificate, which checks smtp-server leaves to
// envelope.ts so they are answered in SES's words), start-up and shut-down.
// Must not: decide anything about mail (data.ts hands it to the engine) or let a client error crash the process.
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { systemClock, type Clock } from '../../core/clock';
import type { SesameConfig } from '../../core/config';
import type { Engine } from '../../core/engine-api';
import { randomIds, type Ids } from '../../core/ids';
import { MAX_MESSAGE_BYTES_V2, SMTP_BANNER } from '../../core/limits';
import { createDataHook, type SmtpLog } from './data';
import { onMailFrom, onRcptTo } from './envelope';
import { authOptions, createAuthHook } from './session';
import { loadOrCreateTlsCert } from './tls-cert';
import { createTranscriptRecorder } from './transcript';

export interface SmtpHandle {
  /** Bound plain/STARTTLS port (the real one when configured as 0). */
  port: number;
  /** Bound implicit-TLS port, or null when disabled. */
  tlsPort: number | null;
  close(): Promise<void>;
}

export interface StartSmtpOptions {
  engine: Engine;
  config: SesameConfig;
  ids?: Ids;
  /** Certificate validity is judged against it. */
  clock?: Clock;
  /** Unexpected failures (451 replies, socket errors); defaults to console.error. */
  log?: SmtpLog;
}

/** How long close() lets open sessions finish before they get `421` and are cut. */
const CLOSE_TIMEOUT_MS = 3_000;

const defaultLog: SmtpLog = (message, err) => console.error(`[smtp] ${message}:`, err);

export async function startSmtpServer(opts: StartSmtpOptions): Promise<SmtpHandle> {
  const { engine, config } = opts;
  const ids = opts.ids ?? randomIds;
  const log = opts.log ?? defaultLog;
  const tls = await loadOrCreateTlsCert(config.dataDir, opts.clock ?? systemClock);
  const transcript = createTranscriptRecorder();

  const shared: SMTPServerOptions = {
    ...greeting(ids),
    ...authOptions(config),
    key: tls.key,
    cert: tls.cert,
    size: MAX_MESSAGE_BYTES_V2,
    // smtp-server refuses an oversized `SIZE=` itself, in its own words, unless the limit is hidden: EHLO then
    // advertises `SIZE` without the number (RFC 1870 allows it) and envelope.ts answers `552 Message is too long.`.
    hideSize: true,
    // Address syntax beyond the basics is checked in envelope.ts (same rules), so it can answer SES's 553s.
    lenientAddressParsing: true,
    // DNS is never looked up behind the user's back (house rule); clientHostname becomes `[ip]`.
    disableReverseLookup: true,
    // Not a log: smtp-server's C:/S: entries feed the per-session transcript kept on each message.
    logger: transcript.logger,
    closeTimeout: CLOSE_TIMEOUT_MS,
    onAuth: createAuthHook(config),
    onMailFrom,
    onRcptTo,
    onData: createDataHook({ engine, ids, log, transcript }),
  };

  const plain = await listen(new SMTPServer({ ...shared, secure: false }), config.smtp.port, config.smtp.host, log);
  let secure: Listener | null = null;
  if (config.smtp.tlsPort !== null) {
    try {
      secure = await listen(new SMTPServer({ ...shared, secure: true }), config.smtp.tlsPort, config.smtp.host, log);
    } catch (err) {
      await plain.close();
      throw err;
    }
  }

  return {
    port: plain.port,
    tlsPort: secure ? secure.port : null,
    close: async () => {
      await Promise.all([plain.close(), secure?.close()]);
    },
  };
}

/**
 * SES greets with `220 email-smtp.amazonaws.com ESMTP SimpleEmailService-d-VCSHDP1YZ A1b2C3d4E5f6G7h8I9j0`
 * (ses-facts §A.3): host, service with a host tag, and an opaque id. We use per-server random ones.
 */
function greeting(ids: Ids): Pick<SMTPServerOptions, 'name' | 'banner' | 'heloResponse'> {
  const [name, service] = SMTP_BANNER.split(' ESMTP ');
  const hex = (ids.uuid() + ids.uuid()).replace(/-/g, '').toUpperCase();
  return {
    name,
    banner: `${service}-d-${hex.slice(0, 9)} ${hex.slice(9, 29)}`,
    // SES answers EHLO with just its host name.
    heloResponse: '%s',
  };
}

interface Listener {
  port: number;
  close(): Promise<void>;
}

function listen(server: SMTPServer, port: number, host: string, log: SmtpLog): Promise<Listener> {
  return new Promise((resolve, reject) => {
    const failed = (err: Error) => reject(err);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      // Client-side trouble (resets, bad TLS handshakes) arrives here; without a listener it would throw.
      server.on('error', (err) => log('SMTP connection error', err));
      const address = server.server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
