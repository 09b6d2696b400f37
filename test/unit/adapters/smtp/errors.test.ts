// Engine refusals and our own failures, as SMTP replies (ses-facts §A.3), with the server still serving
// afterwards; size limit; recipient count as the engine words it.
import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errors } from '../../../../src-main/core/errors';
import type { SendRequest, SendResult } from '../../../../src-main/core/engine-api';
import { MAX_MESSAGE_BYTES_V2, MAX_RECIPIENTS } from '../../../../src-main/core/limits';
import { rawDialogue, sendExpectingError, startHarness, starttlsTransport, type Harness } from './harness';

/** What the fake engine does next; tests set it, afterEach resets it to "accept". */
let behaviour: ((req: SendRequest) => Promise<SendResult> | SendResult) | null = null;
let h: Harness;
let accepted = 0;
beforeAll(async () => {
  h = await startHarness({
    send: (req) => {
      if (behaviour) return behaviour(req);
      accepted += 1;
      return { messageId: `0100019b00000000-00000000-0000-4000-8000-${accepted.toString(16).padStart(12, '0')}-000000` };
    },
  });
});
afterEach(() => {
  behaviour = null;
});
afterAll(async () => {
  await h?.close();
});

const mail = { from: 'a@example.com', to: 'b@example.com', subject: 'x', text: 'x' };

async function refusal(): Promise<{ responseCode: number; response: string }> {
  const transport = starttlsTransport(h.smtp.port, { user: 'u', pass: 'p' });
  try {
    return await sendExpectingError(transport.sendMail(mail));
  } finally {
    transport.close();
  }
}

async function stillServes(): Promise<void> {
  const transport = starttlsTransport(h.smtp.port, { user: 'u', pass: 'p' });
  const info = await transport.sendMail(mail);
  transport.close();
  expect(info.response).toMatch(/^250 Ok 0100019b00000000-/);
}

describe('engine refusals', () => {
  it.each([
    [
      'MessageRejected (not verified)',
      '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: a@example.com',
      () => errors.notVerified('us-east-1', ['a@example.com']),
    ],
    ['sending rate', '454 Throttling failure: Maximum sending rate exceeded.', () => errors.rateExceeded()],
    ['daily quota', '454 Throttling failure: Daily message quota exceeded.', () => errors.dailyQuotaExceeded()],
    ['invalid parameter', '554 Transaction failed: Missing final \'@domain\'', () => errors.invalidParameter('Missing final \'@domain\'')],
    ['engine size check', '552 Message is too long.', () => errors.messageTooLong(MAX_MESSAGE_BYTES_V2, MAX_MESSAGE_BYTES_V2 + 1)],
  ])('%s → %s', async (_name, reply, make) => {
    behaviour = () => {
      throw make();
    };
    const err = await refusal();
    expect(err.response).toBe(reply);
    expect(err.responseCode).toBe(Number(reply.slice(0, 3)));
    expect(h.logs).toEqual([]);
    behaviour = null;
    await stillServes();
  });

  it('keeps a hostile engine text on one reply line', async () => {
    behaviour = () => Promise.reject(errors.messageRejected('evil\r\n250 Ok fake'));
    const err = await refusal();
    expect(err.response).toBe('554 Message rejected: evil 250 Ok fake');
  });

  it('recipient count over the limit: 554 Transaction failed: Recipient count exceeds 50.', async () => {
    // Stand-in for the engine's rule: every RCPT TO must reach it, and its error must be worded as SES does.
    behaviour = (req) => {
      if ((req.destination?.to?.length ?? 0) > MAX_RECIPIENTS) throw errors.recipientCount(MAX_RECIPIENTS);
      return { messageId: '0100019b00000000-00000000-0000-4000-8000-0000000000ff-000000' };
    };
    const to = (n: number) => Array.from({ length: n }, (_, i) => `r${i}@example.com`);
    const transport = starttlsTransport(h.smtp.port, { user: 'u', pass: 'p' });
    try {
      const ok = await transport.sendMail({ ...mail, to: to(MAX_RECIPIENTS) });
      expect(ok.response).toBe('250 Ok 0100019b00000000-00000000-0000-4000-8000-0000000000ff-000000');
      const err = await sendExpectingError(transport.sendMail({ ...mail, to: to(MAX_RECIPIENTS + 1) }));
      expect(err.response).toBe('554 Transaction failed: Recipient count exceeds 50.');
      expect(h.calls[h.calls.length - 1].destination?.to).toHaveLength(MAX_RECIPIENTS + 1);
    } finally {
      transport.close();
    }
  });
});

describe('our own failures', () => {
  it.each([
    ['a rejected promise', () => Promise.reject(new Error('disk on fire'))],
    ['a synchronous throw', () => {
      throw new TypeError('bug');
    }],
    ['an InternalFailure', () => Promise.reject(errors.internal())],
  ])('%s → 451 Temporary service failure, logged, server keeps serving', async (_name, fail) => {
    h.logs.length = 0;
    behaviour = fail as () => Promise<SendResult>;
    const err = await refusal();
    expect(err.response).toBe('451 Temporary service failure');
    expect(h.logs).toHaveLength(1);
    expect(h.logs[0].message).toBe('SMTP submission failed');
    behaviour = null;
    await stillServes();
    h.logs.length = 0;
  });
});

describe('size limit', () => {
  it('a message over MAX_MESSAGE_BYTES_V2 gets 552 Message is too long. and never reaches the engine', async () => {
    const before = h.calls.length;
    const header = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: big\r\n\r\n';
    const line = `${'x'.repeat(998)}\r\n`;
    const body = line.repeat(Math.ceil((MAX_MESSAGE_BYTES_V2 - header.length) / line.length) + 1);
    const raw = Buffer.from(header + body);
    expect(raw.length).toBeGreaterThan(MAX_MESSAGE_BYTES_V2);
    const transport = starttlsTransport(h.smtp.port, { user: 'u', pass: 'p' });
    const err = await sendExpectingError(transport.sendMail({ envelope: { from: 'a@example.com', to: ['b@example.com'] }, raw }));
    transport.close();
    expect(err.response).toBe('552 Message is too long.');
    expect(h.calls.length).toBe(before);
    await stillServes();
  }, 60_000);

  it('a message of exactly MAX_MESSAGE_BYTES_V2 is accepted', async () => {
    const header = 'From: a@example.com\r\nTo: b@example.com\r\nSubject: big\r\n\r\n';
    const line = `${'y'.repeat(998)}\r\n`;
    let body = line.repeat(Math.floor((MAX_MESSAGE_BYTES_V2 - header.length) / line.length));
    const rest = MAX_MESSAGE_BYTES_V2 - header.length - body.length;
    body += `${'z'.repeat(rest - 2)}\r\n`;
    const raw = Buffer.from(header + body);
    expect(raw.length).toBe(MAX_MESSAGE_BYTES_V2);
    const transport = starttlsTransport(h.smtp.port, { user: 'u', pass: 'p' });
    const info = await transport.sendMail({ envelope: { from: 'a@example.com', to: ['b@example.com'] }, raw });
    transport.close();
    expect(info.response).toMatch(/^250 Ok /);
    const req = h.calls[h.calls.length - 1];
    expect(req.content.kind === 'raw' && req.content.data.length).toBe(MAX_MESSAGE_BYTES_V2);
  }, 60_000);

  it('a declared SIZE= over the limit is refused at MAIL FROM with SES\'s 552 Message is too long. (at the limit: 250)', async () => {
    const out = await rawDialogue(h.smtp.port, [
      'EHLO client.test',
      `MAIL FROM:<a@example.com> SIZE=${MAX_MESSAGE_BYTES_V2 + 1}`,
      'MAIL FROM:<a@b.com> SIZE=99999999',
      `MAIL FROM:<a@example.com> SIZE=${MAX_MESSAGE_BYTES_V2}`,
      'QUIT',
    ]);
    expect(out).toMatch(/\r\n552 Message is too long\.\r\n552 Message is too long\.\r\n250 [^\r]*\r\n221 /);
  });
});

describe('misbehaving clients', () => {
  /** A raw connection; `until` resolves when what the server sent matches. Resolves once the socket closes. */
  function rawSocket(port: number, script: (s: Socket, until: (p: RegExp) => Promise<void>) => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      let got = '';
      let check = () => {};
      const until = (pattern: RegExp) =>
        new Promise<void>((ok) => {
          check = () => pattern.test(got) && ok();
          check();
        });
      const s = connect(port, '127.0.0.1');
      s.on('data', (d: Buffer) => {
        got += d.toString('utf8');
        check();
      });
      s.once('close', () => resolve());
      s.once('error', () => undefined);
      s.once('connect', () => script(s, until).catch(reject));
    });
  }

  it('a client that drops mid-DATA submits nothing, is not an error, and the server keeps serving', async () => {
    const before = h.calls.length;
    h.logs.length = 0;
    await rawSocket(h.smtp.port, async (s, until) => {
      await until(/^220 /);
      s.write('EHLO x\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nDATA\r\n');
      await until(/\r\n354 /);
      s.write('Subject: half\r\n\r\nonly half of a message');
      s.resetAndDestroy();
    });
    await stillServes();
    expect(h.calls.length).toBe(before + 1);
    expect(h.logs.filter((l) => l.message === 'SMTP DATA stream failed')).toEqual([]);
  });

  it('plaintext sent to the implicit TLS port, and a reset inside a transaction, do not take the server down', async () => {
    await rawSocket(h.smtp.tlsPort!, async (s) => {
      s.write('EHLO plaintext-on-tls\r\n');
    });
    await rawSocket(h.smtp.port, async (s, until) => {
      await until(/^220 /);
      s.write('EHLO x\r\nMAIL FROM:<a@example.com>\r\n');
      await until(/\r\n250 Accepted\r\n/);
      s.resetAndDestroy();
    });
    await stillServes();
  });
});
