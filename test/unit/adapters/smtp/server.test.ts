// The SMTP door in mode `any` with real peers over loopback: greeting/EHLO, nodemailer over STARTTLS with
// AUTH PLAIN and LOGIN, no AUTH, implicit TLS, and what reaches the engine (raw bytes, envelope, caller).
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES_V2 } from '../../../../src-main/core/limits';
import { MESSAGE_ID, rawDialogue, startHarness, starttlsTransport, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const last = () => h.calls[h.calls.length - 1];

describe('listeners', () => {
  it('bind port 0 to real, distinct ports', () => {
    expect(h.smtp.port).toBeGreaterThan(0);
    expect(h.smtp.tlsPort).toBeGreaterThan(0);
    expect(h.smtp.tlsPort).not.toBe(h.smtp.port);
  });

  it('greet like SES and advertise STARTTLS, SIZE and AUTH PLAIN LOGIN', async () => {
    const out = await rawDialogue(h.smtp.port, ['EHLO client.test', 'QUIT']);
    expect(out).toMatch(/^220 email-smtp\.amazonaws\.com ESMTP SimpleEmailService-d-[0-9A-F]{9} [0-9A-F]{20}\r\n/);
    expect(out).toContain('250-email-smtp.amazonaws.com\r\n');
    expect(out).toContain('250-STARTTLS\r\n');
    // Bare SIZE: with the number, smtp-server would refuse a big SIZE= in its own words (envelope.ts).
    expect(out).toMatch(/250[- ]SIZE\r\n/);
    expect(MAX_MESSAGE_BYTES_V2).toBe(41943040);
    expect(out).toMatch(/250[- ]AUTH PLAIN LOGIN\r\n/);
  });

  it('report tlsPort null when the implicit TLS port is disabled', async () => {
    const only = await startHarness({ tlsPort: false });
    try {
      expect(only.smtp.tlsPort).toBeNull();
      expect(only.smtp.port).toBeGreaterThan(0);
    } finally {
      await only.close();
    }
  });
});

describe('submission over STARTTLS', () => {
  it.each(['PLAIN', 'LOGIN'] as const)('AUTH %s: engine gets the raw message, envelope (with Bcc) and caller facts', async (method) => {
    const transport = starttlsTransport(h.smtp.port, { user: `AKIA${method}USER`, pass: 'whatever', method });
    const before = h.calls.length;
    const info = await transport.sendMail({
      from: 'App <app@example.com>',
      to: 'to@example.com',
      cc: 'cc@example.com',
      bcc: 'hidden@example.com',
      subject: `hello ${method}`,
      text: 'body text',
    });
    transport.close();

    expect(h.calls.length).toBe(before + 1);
    const req = last();
    const id = h.issued[h.issued.length - 1];
    expect(id).toMatch(MESSAGE_ID);
    expect(info.response).toBe(`250 Ok ${id}`);

    expect(req.from).toBe('app@example.com');
    expect(req.destination?.to?.sort()).toEqual(['cc@example.com', 'hidden@example.com', 'to@example.com']);
    expect(req.content.kind).toBe('raw');
    const raw = req.content.kind === 'raw' ? req.content.data.toString('utf8') : '';
    expect(raw).toContain(`Subject: hello ${method}\r\n`);
    expect(raw).toContain('To: to@example.com\r\n');
    expect(raw).not.toMatch(/^Bcc:/im);
    expect(req.maxBytes).toBe(MAX_MESSAGE_BYTES_V2);
    expect(req.caller).toMatchObject({
      door: 'smtp',
      operation: 'SendRawEmail',
      sourceIp: '127.0.0.1',
      accessKeyId: `AKIA${method}USER`,
      smtp: {
        remoteAddress: '127.0.0.1',
        clientHostname: '[127.0.0.1]',
        secure: true,
        user: `AKIA${method}USER`,
        authMethod: method,
        authVerified: false,
      },
    });
    expect(req.caller.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hands the engine exactly the bytes sent (dot-stuffing undone), envelope from MAIL FROM / RCPT TO', async () => {
    const message = 'From: Header <header@example.com>\r\nTo: shown@example.com\r\nSubject: raw\r\n\r\nline one\r\n.leading dot\r\n..two dots\r\n';
    const transport = starttlsTransport(h.smtp.port, { user: 'u', pass: 'p' });
    const info = await transport.sendMail({
      envelope: { from: 'bounce@example.com', to: ['shown@example.com', 'secret@example.com'] },
      raw: message,
    });
    transport.close();
    const req = last();
    expect(info.response).toBe(`250 Ok ${h.issued[h.issued.length - 1]}`);
    expect(req.content.kind === 'raw' && req.content.data.equals(Buffer.from(message, 'utf8'))).toBe(true);
    expect(req.from).toBe('bounce@example.com');
    expect(req.destination).toEqual({ to: ['shown@example.com', 'secret@example.com'] });
  });

  it('requestId differs per message', async () => {
    const transport = starttlsTransport(h.smtp.port);
    await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: '1', text: '1' });
    await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: '2', text: '2' });
    transport.close();
    const [a, b] = h.calls.slice(-2);
    expect(a.caller.requestId).not.toBe(b.caller.requestId);
  });
});

describe('mode any without AUTH', () => {
  it('accepts plaintext mail with no credentials and records none', async () => {
    const transport = starttlsTransport(h.smtp.port, undefined, true);
    const info = await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'plain', text: 'x' });
    transport.close();
    expect(info.response).toBe(`250 Ok ${h.issued[h.issued.length - 1]}`);
    expect(last().caller).toMatchObject({
      accessKeyId: null,
      smtp: { secure: false, user: null, authMethod: null, authVerified: false },
    });
  });

  it('passes no `from` for the null sender MAIL FROM:<>', async () => {
    const out = await rawDialogue(h.smtp.port, [
      'EHLO client.test',
      'MAIL FROM:<>',
      'RCPT TO:<b@example.com>',
      'DATA',
      'From: x@example.com\r\nSubject: null sender\r\n\r\nhi\r\n.',
      'QUIT',
    ]);
    expect(out).toContain(`250 Ok ${h.issued[h.issued.length - 1]}\r\n`);
    expect(last().from).toBeUndefined();
  });
});

describe('implicit TLS port', () => {
  it('accepts AUTH PLAIN over TLS from the first byte', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: h.smtp.tlsPort!,
      secure: true,
      tls: { rejectUnauthorized: false },
      auth: { user: 'AKIATLS', pass: 'x' },
      authMethod: 'PLAIN',
    });
    const info = await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'tls', text: 'x' });
    transport.close();
    expect(info.response).toBe(`250 Ok ${h.issued[h.issued.length - 1]}`);
    expect(last().caller.smtp).toMatchObject({ secure: true, user: 'AKIATLS', authMethod: 'PLAIN' });
  });
});
