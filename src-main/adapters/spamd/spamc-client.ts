// A SPAMC client over TCP (issue 5): sends a raw message to SpamAssassin's spamd and reads the verdict,
// implementing core's SpamChecker. One connection per request (spamd answers and closes); a connect,
// idle and size limit on every request. Never shells out to spamc.
// Owns: the socket, its timeouts and turning failures into "not available" outcomes.
// Must not: cache (core/inspect/spam.ts does) or parse the protocol text (protocol.ts does).
import { connect } from 'node:net';
import type { SpamChecker, SpamVerdict } from '../../core/inspect/spam';
import { unavailable } from '../../core/inspect/spam';
import { encodeRequest, parseReportRules, parseResponse, parseSymbols, type SpamcCommand, type SpamdResponse } from './protocol';

export interface SpamcOptions {
  host: string;
  port: number;
  /** Whole-request limit in ms (spamd may take a few seconds on a cold child); default 30 s. */
  timeoutMs?: number;
}

/** Largest answer read (a REPORT is a few KB; CHECK/SYMBOLS far less). */
const MAX_RESPONSE = 1024 * 1024;

/** Parses `host:port` (IPv6 as `[::1]:783`); the port defaults to 783. Throws on nonsense. */
export function parseSpamdAddress(text: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(text.trim());
  const port = m?.[3] === undefined ? 783 : Number(m[3]);
  if (!m || port < 1 || port > 65535) throw new Error(`spamd address must look like host:port, not ${JSON.stringify(text)}`);
  return { host: m[1] ?? m[2], port };
}

/** Sends one SPAMC request and resolves with spamd's parsed answer; rejects on network or protocol failure. */
export function spamcRequest(opts: SpamcOptions, command: SpamcCommand, raw: Buffer): Promise<SpamdResponse> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const socket = connect({ host: opts.host, port: opts.port });
    const finish = (err: Error | null, value?: SpamdResponse) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(value!);
    };
    const timer = setTimeout(() => finish(new Error(`spamd at ${opts.host}:${opts.port} did not answer within ${opts.timeoutMs ?? 30_000} ms`)), opts.timeoutMs ?? 30_000);
    socket.on('connect', () => socket.end(encodeRequest(command, raw)));
    socket.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE) return finish(new Error('spamd answered with more than 1 MB'));
      chunks.push(chunk);
    });
    socket.on('end', () => {
      if (size === 0) return finish(new Error(`spamd at ${opts.host}:${opts.port} closed the connection without answering`));
      try {
        finish(null, parseResponse(Buffer.concat(chunks)));
      } catch (err) {
        finish(err as Error);
      }
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'ECONNREFUSED' ? 'nothing listens there' : err.message;
      finish(new Error(`Cannot reach spamd at ${opts.host}:${opts.port}: ${why}`));
    });
  });
}

/** core's SpamChecker over spamd: REPORT gives the verdict and the rule table in one round trip. */
export function createSpamcChecker(opts: SpamcOptions): SpamChecker {
  const server = `${opts.host}:${opts.port}`;
  return {
    async check(raw): Promise<SpamVerdict> {
      let res: SpamdResponse;
      try {
        res = await spamcRequest(opts, 'REPORT', raw);
      } catch (err) {
        return unavailable((err as Error).message);
      }
      let rules = parseReportRules(res.body);
      if (rules.length === 0 && res.score !== 0) {
        // A report template without the table: fall back to the bare rule names.
        try {
          const sym = await spamcRequest(opts, 'SYMBOLS', raw);
          rules = parseSymbols(sym.body).map((name) => ({ name, score: 0, description: '' }));
        } catch {
          /* keep the verdict without rules */
        }
      }
      return { available: true, isSpam: res.isSpam, score: res.score, threshold: res.threshold, rules, server };
    },
  };
}
