// Test harness for the SMTP door: a fake engine that records SendRequests, a temp data directory,
// and startSmtpServer on port 0 (plain/STARTTLS and implicit TLS) with a recording log.
// Must not: reimplement engine rules, except where a test passes its own `send` to stand in for one.
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { startSmtpServer, type SmtpHandle } from '../../../../src-main/adapters/smtp/server';
import { defaultConfig, type SesameConfig } from '../../../../src-main/core/config';
import type { Engine, SendRequest, SendResult } from '../../../../src-main/core/engine-api';
import { sequentialIds } from '../../../../src-main/core/ids';

export const MESSAGE_ID = /^[0-9a-f]{16}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-000000$/;

export interface Harness {
  smtp: SmtpHandle;
  config: SesameConfig;
  /** Every SendRequest the fake engine received, in order. */
  calls: SendRequest[];
  /** Every (message, error) the server logged. */
  logs: { message: string; err: unknown }[];
  /** Ids the fake engine handed out, in order. */
  issued: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  authMode?: 'any' | 'strict';
  tlsPort?: boolean;
  dataDir?: string;
  /** Stand-in for the engine's send; default accepts and issues an SES-shaped MessageId. */
  send?: (req: SendRequest) => Promise<SendResult> | SendResult;
}

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'sesame-smtp-'));
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const ownDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? (await makeDataDir());
  const base = defaultConfig(dataDir);
  const config: SesameConfig = {
    ...base,
    smtp: { host: '127.0.0.1', port: 0, tlsPort: opts.tlsPort === false ? null : 0, authMode: opts.authMode ?? 'any' },
  };
  const calls: SendRequest[] = [];
  const logs: Harness['logs'] = [];
  const issued: string[] = [];
  let n = 0;
  const accept = (): SendResult => {
    n += 1;
    const messageId = `0100019b${n.toString(16).padStart(8, '0')}-1c2d3e4f-0000-4000-8000-${n.toString(16).padStart(12, '0')}-000000`;
    issued.push(messageId);
    return { messageId };
  };
  // Not async on purpose: a `send` that throws synchronously must be survived too.
  const engine = {
    sending: {
      send: (req: SendRequest) => {
        calls.push(req);
        return opts.send ? opts.send(req) : accept();
      },
    },
  } as unknown as Engine;
  const smtp = await startSmtpServer({
    engine,
    config,
    ids: sequentialIds(),
    log: (message, err) => logs.push({ message, err }),
  });
  return {
    smtp,
    config,
    calls,
    logs,
    issued,
    close: async () => {
      await smtp.close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** nodemailer over the plain port; STARTTLS required unless `plain` is set. */
export function starttlsTransport(
  port: number,
  auth?: { user: string; pass: string; method?: 'PLAIN' | 'LOGIN' },
  plain = false,
) {
  return nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    requireTLS: !plain,
    ignoreTLS: plain,
    tls: { rejectUnauthorized: false },
    ...(auth ? { auth: { user: auth.user, pass: auth.pass }, authMethod: auth.method ?? 'PLAIN' } : {}),
  });
}

/** What nodemailer rejects with when the server answers with an error. */
export interface SmtpClientError {
  responseCode: number;
  response: string;
}

export async function sendExpectingError(p: Promise<unknown>): Promise<SmtpClientError> {
  const outcome = await p.then(
    (info) => ({ ok: true as const, info }),
    (err: SmtpClientError) => ({ ok: false as const, err }),
  );
  if (outcome.ok) throw new Error(`expected the server to refuse, got ${JSON.stringify(outcome.info)}`);
  return outcome.err;
}

/** A raw SMTP dialogue: write lines, read replies (for what no client library shows: greeting, EHLO). */
export async function rawDialogue(port: number, lines: string[]): Promise<string> {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  let wake: () => void = () => {};
  socket.on('data', (d: Buffer) => {
    received += d.toString('utf8');
    wake();
  });
  const closed = new Promise<void>((r) => socket.once('close', () => r()));
  // A reply is complete when its last line has a space after the code (`250 ...`, not `250-...`).
  const replyAfter = (from: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => /(^|\n)\d{3} [^\n]*\r\n$/.test(received.slice(from)) && resolve();
      wake = check;
      socket.once('close', () => reject(new Error(`connection closed; got: ${received}`)));
      check();
    });
  await replyAfter(0);
  for (const line of lines) {
    const from = received.length;
    socket.write(`${line}\r\n`);
    await replyAfter(from);
  }
  socket.end();
  await closed;
  return received;
}
