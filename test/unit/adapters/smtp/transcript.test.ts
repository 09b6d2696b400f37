// The SMTP session transcript kept on each submitted message: the dialogue up to the content, with AUTH
// credentials masked (PLAIN initial response, LOGIN continuations) and DATA content elided to its size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranscriptRecorder, MASK, TRANSCRIPT_MAX_LINES } from '../../../../src-main/adapters/smtp/transcript';
import type { SmtpTranscriptLine } from '../../../../src-main/contract/messages';
import { startHarness, starttlsTransport, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ tlsPort: false });
});
afterAll(async () => {
  await h?.close();
});

const PASSWORD = 'sekret-Pa55word';
const text = (t: SmtpTranscriptLine[]) => t.map((l) => `${l.from === 'client' ? 'C' : l.from === 'server' ? 'S' : '#'}: ${l.text}`);

function lastTranscript(): SmtpTranscriptLine[] {
  const t = h.calls[h.calls.length - 1].caller.smtp?.transcript;
  if (!t) throw new Error('no transcript on the SendRequest');
  return t;
}

function assertNoSecrets(lines: string[], user: string) {
  const joined = lines.join('\n');
  expect(joined).not.toContain(PASSWORD);
  expect(joined).not.toContain(Buffer.from(`\0${user}\0${PASSWORD}`).toString('base64'));
  expect(joined).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  expect(joined).not.toContain(Buffer.from(user).toString('base64'));
  expect(joined).not.toContain('transcript body text');
}

describe('SMTP transcript (nodemailer over plain SMTP)', () => {
  it('AUTH PLAIN: the dialogue in order, credentials masked, content elided to its size', async () => {
    const transport = starttlsTransport(h.smtp.port, { user: 'AKIAPLAIN', pass: PASSWORD, method: 'PLAIN' }, true);
    await transport.sendMail({ from: 'a@example.com', to: 'b@example.org', subject: 'T', text: 'transcript body text' });
    transport.close();
    const lines = text(lastTranscript());
    const req = h.calls[h.calls.length - 1];
    const size = req.content.kind === 'raw' ? req.content.data.length : -1;
    expect(lines[0]).toMatch(/^S: 220 email-smtp\.amazonaws\.com ESMTP SimpleEmailService-d-/);
    expect(lines[1]).toMatch(/^C: EHLO /);
    expect(lines).toContain(`C: AUTH PLAIN ${MASK}`);
    expect(lines.find((l) => l.startsWith('S: 235 '))).toMatch(/Authentication successful/);
    const tail = lines.slice(lines.indexOf(`C: AUTH PLAIN ${MASK}`) + 2);
    expect(tail).toEqual([
      'C: MAIL FROM:<a@example.com>',
      expect.stringMatching(/^S: 250 /),
      'C: RCPT TO:<b@example.org>',
      expect.stringMatching(/^S: 250 /),
      'C: DATA',
      expect.stringMatching(/^S: 354 /),
      `C: <message content elided: ${size} bytes>`,
    ]);
    assertNoSecrets(lines, 'AKIAPLAIN');
  });

  it('AUTH LOGIN: user name and password continuation lines are masked', async () => {
    const transport = starttlsTransport(h.smtp.port, { user: 'AKIALOGIN', pass: PASSWORD, method: 'LOGIN' }, true);
    await transport.sendMail({ from: 'a@example.com', to: 'b@example.org', subject: 'T', text: 'transcript body text' });
    transport.close();
    const lines = text(lastTranscript());
    const auth = lines.indexOf('C: AUTH LOGIN');
    expect(auth).toBeGreaterThan(0);
    expect(lines.slice(auth, auth + 5)).toEqual([
      'C: AUTH LOGIN',
      'S: 334 VXNlcm5hbWU6',
      `C: ${MASK}`,
      'S: 334 UGFzc3dvcmQ6',
      `C: ${MASK}`,
    ]);
    assertNoSecrets(lines, 'AKIALOGIN');
  });
});

describe('transcript recorder', () => {
  it('is bounded per session and forgets a session when it closes', () => {
    const r = createTranscriptRecorder();
    const debug = r.logger.debug as (entry: object, msg: string, ...args: unknown[]) => void;
    const info = r.logger.info as (entry: object, msg: string, ...args: unknown[]) => void;
    for (let i = 0; i < TRANSCRIPT_MAX_LINES + 50; i += 1) debug({ tnx: 'command', cid: 's1', command: 'NOOP' }, 'C:', 'NOOP');
    debug({ tnx: 'send', cid: 's2' }, 'S:', '250-first\r\n250 second');
    const s1 = r.snapshot('s1');
    expect(s1).toHaveLength(TRANSCRIPT_MAX_LINES + 1);
    expect(s1[TRANSCRIPT_MAX_LINES]).toEqual({ from: 'note', text: `transcript cut after ${TRANSCRIPT_MAX_LINES} lines` });
    expect(r.snapshot('s2')).toEqual([
      { from: 'server', text: '250-first' },
      { from: 'server', text: '250 second' },
    ]);
    expect(r.size()).toBe(2);
    info({ tnx: 'close', cid: 's1' }, 'closed');
    expect(r.size()).toBe(1);
    expect(r.snapshot('s1')).toEqual([]);
  });
});
