// Bad input on every door gets a clear error in that protocol's own form, and never takes the process down
// or loses what was already accepted: after each abuse the same server still answers and still has its mail.
// Seeded malformed raw messages (test/helpers/malformed-mail.ts) go through SES v1 SendRawEmail, SES v2
// Content.Raw and SMTP DATA; each is accepted or refused as a client error, and a refusal stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { SendRawEmailCommand } from '@aws-sdk/client-ses';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import nodemailer from 'nodemailer';
import { malformedMessages } from '../helpers/malformed-mail';
import type { PeerError } from '../helpers/rejection';
import { sesClient, sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

let sesame: TestSesame;
let acceptedId: string;

beforeAll(async () => {
  sesame = await startTestSesame();
  const client = sesv2Client(sesame);
  acceptedId = (await client.send(new SendEmailCommand({
    FromEmailAddress: 'keep@example.com', Destination: { ToAddresses: ['d@example.com'] },
    Content: { Simple: { Subject: { Data: 'accepted before the abuse' }, Body: { Text: { Data: 'x' } } } },
  }))).MessageId!;
  client.destroy();
});
afterAll(async () => {
  await sesame?.cleanup();
});

/**
 * Writes raw bytes to a port and resolves with whatever comes back before the peer closes (or 2 s). With
 * `afterGreeting` it waits for the first reply line first (SMTP servers refuse clients that talk too soon).
 */
function rawExchange(port: number, bytes: Buffer | string, afterGreeting = false): Promise<string> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    let got = '';
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      sock.write(bytes, () => setTimeout(() => sock.end(), 300));
    };
    const done = () => resolve(got);
    sock.on('data', (d) => {
      got += d.toString('latin1');
      if (afterGreeting && got.includes('\r\n')) send();
    });
    sock.on('error', done);
    sock.on('close', done);
    sock.setTimeout(2000, () => sock.destroy());
    if (!afterGreeting) sock.on('connect', send);
  });
}

const v2 = (path: string, init: RequestInit) => fetch(`${sesame.urls.aws}${path}`, init);
const form = (body: string) => v2('/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

describe('bad input on the AWS port', () => {
  it('malformed JSON is a v2 SerializationException', async () => {
    const res = await v2('/v2/email/outbound-emails', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"Content": ' });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toMatch(/^SerializationException/);
    expect(((await res.json()) as { message: string }).message).toBeTruthy();
  });

  it('a wrongly typed member is a v2 BadRequestException', async () => {
    const res = await v2('/v2/email/outbound-emails', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Content: { Simple: 'nope' } }) });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toMatch(/^BadRequestException/);
  });

  it('v1 without required members is an XML ValidationError; an unknown action is InvalidAction', async () => {
    const missing = await form('Action=SendEmail&Version=2010-12-01');
    expect(missing.status).toBe(400);
    const xml = await missing.text();
    expect(xml).toContain('<ErrorResponse');
    expect(xml).toContain('<Code>ValidationError</Code>');
    const unknown = await form('Action=BakeCake&Version=2010-12-01');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code>');
  });

  it('garbage bytes instead of HTTP get a 400 or a closed connection, and the server keeps serving', async () => {
    const reply = await rawExchange(sesame.ports.aws, Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x00, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a]));
    expect(reply === '' || reply.startsWith('HTTP/1.1 400')).toBe(true);
    const health = await v2('/_sesame/health', {});
    expect(health.status).toBe(200);
  });
});

describe('bad input on SMTP', () => {
  it('nonsense commands get 5xx replies and the session goes on', async () => {
    const reply = await rawExchange(sesame.ports.smtp, 'EHLO x\r\nFLY ME TO THE MOON\r\nMAIL FROM:<broken\r\nQUIT\r\n', true);
    expect(reply).toMatch(/^220 /);
    expect(reply).toMatch(/\r\n5\d\d /);
    expect(reply).toMatch(/221 /);
  });

  it('a message without a From header is refused as SES refuses it, not a crash', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sesame.ports.smtp, tls: { rejectUnauthorized: false } });
    const err = await transport
      .sendMail({ envelope: { from: 'a@example.com', to: ['b@example.com'] }, raw: 'just a body line, no header block\r\n' })
      .then(() => null, (e: { responseCode?: number; response?: string }) => e);
    transport.close();
    expect(err?.responseCode).toBe(554);
    expect(err?.response).toBe("554 Transaction failed: Missing required header 'From'.");
  });
});

/** Codes a malformed message may legitimately earn (SES client errors), per door. */
const V1_CODES = ['InvalidParameterValue', 'MessageRejected', 'ConfigurationSetDoesNotExist'];
const V2_CODES = ['BadRequestException', 'MessageRejected', 'NotFoundException'];

describe('malformed raw mail through every door', () => {
  const corpus = malformedMessages(40, 424242);

  /** Sends through one door; returns 'accepted' or the refusal, failing on anything that is not a client error. */
  async function through(label: string, send: () => Promise<unknown>, codes: string[]): Promise<string> {
    const total = sesame.engine.messages.counts().total;
    const outcome: 'accepted' | PeerError = await send().then(
      () => 'accepted' as const,
      (e: PeerError) => e,
    );
    if (typeof outcome === 'string') {
      expect(sesame.engine.messages.counts().total, label).toBe(total + 1);
      return outcome;
    }
    expect([outcome.$metadata?.httpStatusCode, codes.includes(outcome.name)], `${label}: ${outcome.name} ${outcome.message}`).toEqual([400, true]);
    expect(outcome.message, label).toBeTruthy();
    expect(sesame.engine.messages.counts().total, label).toBe(total);
    return outcome.name;
  }

  it('SES v1 SendRawEmail answers 200 or a 400 XML client error, and stores only what it accepts', async () => {
    const client = sesClient(sesame);
    const outcomes = new Set<string>();
    for (const { label, data } of corpus) {
      outcomes.add(await through(label, () => client.send(new SendRawEmailCommand({ RawMessage: { Data: data } })), V1_CODES));
    }
    client.destroy();
    expect(outcomes.has('accepted') && outcomes.size > 1).toBe(true);
  });

  it('SES v2 Content.Raw answers 200 or a 400 JSON client error, and stores only what it accepts', async () => {
    const client = sesv2Client(sesame);
    const outcomes = new Set<string>();
    for (const { label, data } of corpus) {
      outcomes.add(await through(label, () => client.send(new SendEmailCommand({ Content: { Raw: { Data: data } } })), V2_CODES));
    }
    client.destroy();
    expect(outcomes.has('accepted') && outcomes.size > 1).toBe(true);
  });

  it('SMTP DATA answers 250 Ok or a 5xx reply in SMTP form, never 451 or a dropped connection', async () => {
    // One pooled connection: a refused DATA leaves the SMTP session usable, as it must.
    const transport = nodemailer.createTransport({ pool: true, maxConnections: 1, host: '127.0.0.1', port: sesame.ports.smtp, tls: { rejectUnauthorized: false } });
    const replies = new Set<string>();
    for (const { label, data } of corpus) {
      const total = sesame.engine.messages.counts().total;
      const reply = await transport.sendMail({ envelope: { from: 'fuzz@example.com', to: ['rcpt@example.com'] }, raw: data }).then(
        (info) => info.response,
        (e: PeerError) => e.response ?? `no reply: ${e.message}`,
      );
      expect(reply, label).toMatch(/^(250 Ok [0-9a-f]{16}-\S+|55[2-4] .+)$/);
      expect(sesame.engine.messages.counts().total, label).toBe(total + (reply.startsWith('250') ? 1 : 0));
      replies.add(reply.slice(0, 3));
    }
    transport.close();
    expect([...replies].sort()).toEqual(['250', '554']);
  });
});

describe('after all that', () => {
  it('the same server still accepts mail and still has what it accepted before', async () => {
    expect((await sesame.engine.messages.get(acceptedId))?.subject).toBe('accepted before the abuse');
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sesame.ports.smtp, tls: { rejectUnauthorized: false } });
    const info = await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'still alive', text: 'x' });
    transport.close();
    expect(info.response).toMatch(/^250 Ok /);
  });
});
