// The SMTP door with real clients: nodemailer (STARTTLS + AUTH, implicit TLS) and swaks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { rejection } from '../helpers/rejection';
import { SES_MESSAGE_ID } from '../helpers/ses-format';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

// The server runs in this process: never spawn peers synchronously (that would block it).
const run = promisify(execFile);
const hasSwaks = spawnSync('swaks', ['--version']).status === 0;

let sesame: TestSesame;
beforeAll(async () => {
  sesame = await startTestSesame();
});
afterAll(async () => {
  await sesame?.cleanup();
});

const idFrom = (response: string) => /^250 Ok (\S+)$/.exec(response)?.[1];

describe('SMTP with nodemailer', () => {
  it('STARTTLS + AUTH LOGIN: 250 Ok <MessageId>, envelope and Bcc kept, credentials recorded', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: sesame.ports.smtp,
      secure: false,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
      auth: { user: 'AKIAAPPUSER', pass: 'anything' },
      authMethod: 'LOGIN',
    });
    const info = await transport.sendMail({
      from: 'App <app@example.com>',
      to: 'user@example.com',
      bcc: 'audit@example.com',
      subject: 'SMTP hello',
      text: 'smtp text',
      html: '<p>smtp html</p>',
      attachments: [{ filename: 'note.txt', content: 'attached' }],
    });
    transport.close();
    const id = idFrom(info.response);
    expect(id).toMatch(SES_MESSAGE_ID);
    const detail = (await sesame.engine.messages.get(id!))!;
    expect(detail.door).toBe('smtp');
    expect(detail.subject).toBe('SMTP hello');
    expect(detail.envelope.rcptTo.sort()).toEqual(['audit@example.com', 'user@example.com']);
    expect(detail.bcc).toEqual(['audit@example.com']);
    expect(detail.smtp).toMatchObject({ user: 'AKIAAPPUSER', secure: true, authVerified: false });
    expect(detail.attachments.map((a) => a.filename)).toEqual(['note.txt']);
  });

  it('implicit TLS with AUTH PLAIN', async () => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: sesame.ports.smtpTls!,
      secure: true,
      tls: { rejectUnauthorized: false },
      auth: { user: 'AKIAAPPUSER', pass: 'x' },
      authMethod: 'PLAIN',
    });
    const info = await transport.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'tls', text: 'x' });
    transport.close();
    expect(idFrom(info.response)).toMatch(SES_MESSAGE_ID);
  });

  it('strict mode checks the SES SMTP password derived from the access key', async () => {
    const strict = await startTestSesame({ smtpAuth: 'strict' });
    try {
      const { username, password } = strict.info.smtp;
      const good = nodemailer.createTransport({ host: '127.0.0.1', port: strict.ports.smtp, requireTLS: true, tls: { rejectUnauthorized: false }, auth: { user: username, pass: password } });
      const info = await good.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'strict', text: 'x' });
      good.close();
      const id = idFrom(info.response)!;
      expect((await strict.engine.messages.get(id))!.smtp).toMatchObject({ user: username, authVerified: true });

      const bad = nodemailer.createTransport({ host: '127.0.0.1', port: strict.ports.smtp, requireTLS: true, tls: { rejectUnauthorized: false }, auth: { user: username, pass: 'wrong' } });
      const err = await rejection(bad.sendMail({ from: 'a@example.com', to: 'b@example.com', subject: 'x', text: 'x' }));
      bad.close();
      expect(err).toMatchObject({ responseCode: 535 });
      expect(err.response).toContain('Authentication Credentials Invalid');
    } finally {
      await strict.cleanup();
    }
  });
});

describe.skipIf(!hasSwaks)('SMTP with swaks' + (hasSwaks ? '' : ' (skipped: swaks is not installed; apt-get install swaks)'), () => {
  it('swaks --tls with AUTH gets 250 Ok <MessageId>', async () => {
    const { stdout: out } = await run('swaks', [
      '--server', '127.0.0.1', '--port', String(sesame.ports.smtp), '--tls',
      '--auth', 'LOGIN', '--auth-user', 'AKIASWAKS', '--auth-password', 'pw',
      '--from', 'swaks@example.com', '--to', 'rcpt@example.com', '--header', 'Subject: from swaks', '--body', 'swaks body',
    ], { encoding: 'utf8' });
    const line = out.split('\n').find((l) => / 250 Ok [0-9a-f]{16}-/.test(l));
    expect(line).toBeDefined();
    const id = /250 Ok (\S+)/.exec(line!)![1];
    expect((await sesame.engine.messages.get(id))!.subject).toBe('from swaks');
  });
});
