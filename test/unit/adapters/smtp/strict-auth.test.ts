// Mode `strict`: AUTH is required and checked against the SES SMTP password derived from each configured
// access key for the configured region (ses-facts §A.7); SES's 235 / 535 / 530 replies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sesSmtpPassword } from '../../../../src-main/adapters/smtp/smtp-password';
import { rawDialogue, sendExpectingError, startHarness, starttlsTransport, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ authMode: 'strict' });
});
afterAll(async () => {
  await h?.close();
});

const mail = { from: 'a@example.com', to: 'b@example.com', subject: 'strict', text: 'x' };
const key = () => h.config.credentials[0];
const goodPassword = () => sesSmtpPassword(key().secretAccessKey, h.config.region);

describe('strict SMTP AUTH', () => {
  it.each(['PLAIN', 'LOGIN'] as const)('AUTH %s with the derived password is accepted and marked verified', async (method) => {
    const transport = starttlsTransport(h.smtp.port, { user: key().accessKeyId, pass: goodPassword(), method });
    const info = await transport.sendMail(mail);
    transport.close();
    expect(info.response).toBe(`250 Ok ${h.issued[h.issued.length - 1]}`);
    expect(h.calls[h.calls.length - 1].caller).toMatchObject({
      accessKeyId: key().accessKeyId,
      smtp: { user: key().accessKeyId, authMethod: method, authVerified: true, secure: true },
    });
  });

  it('answers 235 Authentication successful on the wire', async () => {
    const plain = Buffer.from(`\0${key().accessKeyId}\0${goodPassword()}`).toString('base64');
    const out = await rawDialogue(h.smtp.port, ['EHLO client.test', `AUTH PLAIN ${plain}`, 'QUIT']);
    expect(out).toContain('\r\n235 Authentication successful\r\n');
  });

  it.each([
    ['a wrong password', () => ({ user: key().accessKeyId, pass: 'wrong' })],
    ['the secret key itself', () => ({ user: key().accessKeyId, pass: key().secretAccessKey })],
    ['the password for another region', () => ({ user: key().accessKeyId, pass: sesSmtpPassword(key().secretAccessKey, 'eu-west-1') })],
    ['an unknown access key id', () => ({ user: 'AKIAUNKNOWN', pass: goodPassword() })],
  ])('refuses %s with 535 Authentication Credentials Invalid', async (_why, creds) => {
    const before = h.calls.length;
    const transport = starttlsTransport(h.smtp.port, creds());
    const err = await sendExpectingError(transport.sendMail(mail));
    transport.close();
    expect(err.responseCode).toBe(535);
    expect(err.response).toBe('535 Authentication Credentials Invalid');
    expect(h.calls.length).toBe(before);
  });

  it('refuses MAIL without AUTH with 530 Authentication required', async () => {
    const before = h.calls.length;
    const transport = starttlsTransport(h.smtp.port);
    const err = await sendExpectingError(transport.sendMail(mail));
    transport.close();
    expect(err.responseCode).toBe(530);
    expect(err.response).toBe('530 Authentication required');
    expect(h.calls.length).toBe(before);
  });

  it('a failed AUTH can be retried on the same connection', async () => {
    const bad = Buffer.from(`\0${key().accessKeyId}\0nope`).toString('base64');
    const good = Buffer.from(`\0${key().accessKeyId}\0${goodPassword()}`).toString('base64');
    const out = await rawDialogue(h.smtp.port, [
      'EHLO client.test',
      `AUTH PLAIN ${bad}`,
      'MAIL FROM:<a@example.com>',
      `AUTH PLAIN ${good}`,
      'MAIL FROM:<a@example.com>',
      'QUIT',
    ]);
    expect(out).toMatch(/\r\n535 Authentication Credentials Invalid\r\n530 Authentication required\r\n235 Authentication successful\r\n250 /);
  });
});
