// Raw mail's header section as SES reads it (ses-facts §A.3, §A.6, §A.10): single-occurrence headers given
// twice, a header section over the limit, empty and illegal header names — each InvalidParameterValue with
// SES's text, checked before anything else is read, and nothing stored or charged.
import { describe, expect, it } from 'vitest';
import type { SendRequest } from '../../../src-main/core/engine-api';
import { MAX_HEADER_SECTION_BYTES, SINGLE_OCCURRENCE_HEADERS } from '../../../src-main/core/limits';
import { collect, crlf, makeEngine, rawRequest, refusal, simpleRequest, smtpCaller } from './helpers';

async function refusedWith(req: SendRequest): Promise<string> {
  const { engine } = makeEngine();
  const seen = collect(engine);
  const err = await refusal(engine.sending.send(req));
  expect([err.kind, err.wire.v1, err.wire.v2, err.wire.smtp.code]).toEqual(['InvalidParameterValue', 'InvalidParameterValue', 'BadRequestException', 554]);
  expect(engine.messages.counts().total).toBe(0);
  expect(engine.account.quota().sentLast24Hours).toBe(0);
  expect(seen).toEqual([]);
  return err.message;
}

const raw = (...headers: string[]) => rawRequest(crlf('From: a@example.com', 'To: b@example.com', ...headers, '', 'body'));

describe('duplicate headers', () => {
  it("refuses a second Message-ID: Duplicate header 'Message-ID'., naming the header as written", async () => {
    expect(await refusedWith(raw('Message-ID: <1@x>', 'Message-ID: <2@x>'))).toBe("Duplicate header 'Message-ID'.");
    expect(await refusedWith(raw('Message-ID: <1@x>', 'message-id: <2@x>'))).toBe("Duplicate header 'message-id'.");
    expect(await refusedWith(raw('Subject: a', 'SUBJECT: b'))).toBe("Duplicate header 'SUBJECT'.");
    expect(await refusedWith(rawRequest(crlf('From: a@example.com', 'From: c@example.com', 'To: b@example.com', '', 'x')))).toBe(
      "Duplicate header 'From'.",
    );
  });

  it('applies to every header on AWS’s list, and through the SMTP door', async () => {
    const { engine } = makeEngine();
    for (const key of SINGLE_OCCURRENCE_HEADERS) {
      if (key === 'from') continue;
      const err = await refusal(engine.sending.send({ ...raw(`${key}: one`, `${key}: two`), caller: smtpCaller }));
      expect(err.message).toBe(`Duplicate header '${key}'.`);
    }
    expect(engine.messages.counts().total).toBe(0);
  });

  it('allows repeated To, Cc, Received and X- headers, and MIME part headers of the same name', async () => {
    const { engine } = makeEngine();
    const ok = rawRequest(
      crlf(
        'Received: from a', 'Received: from b', 'From: a@example.com', 'To: b@example.com', 'To: c@example.com', 'Cc: d@example.com',
        'Cc: e@example.com', 'X-Trace: 1', 'X-Trace: 2', 'Content-Type: multipart/mixed; boundary=z', '',
        '--z', 'Content-Type: text/plain', '', 'x', '--z', 'Content-Type: text/plain', '', 'y', '--z--', '',
      ),
    );
    await expect(engine.sending.send(ok)).resolves.toHaveProperty('messageId');
  });

  it('sees a v2 Simple custom header that repeats one SES writes, with and without attachments', async () => {
    const content = (attachments?: { fileName: string; content: Buffer }[]) =>
      simpleRequest({ content: { kind: 'simple', subject: { data: 's' }, text: { data: 't' }, headers: [{ name: 'Subject', value: 'again' }], attachments } });
    expect(await refusedWith(content())).toBe("Duplicate header 'Subject'.");
    expect(await refusedWith(content([{ fileName: 'a.txt', content: Buffer.from('a') }]))).toBe("Duplicate header 'Subject'.");
    // Custom headers keep the names the caller wrote on the attachment path too.
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(
      simpleRequest({
        content: { kind: 'simple', subject: { data: 's' }, text: { data: 't' }, headers: [{ name: 'x-campaign-ID', value: 'é' }], attachments: [{ fileName: 'a.txt', content: Buffer.from('a') }] },
      }),
    );
    expect((await engine.messages.raw(messageId))!.toString()).toMatch(/^x-campaign-ID: =\?UTF-8\?Q\?=C3=A9\?=\r$/m);
  });
});

describe('header section size', () => {
  const padded = (bytes: number) => {
    const head = 'From: a@example.com\r\nTo: b@example.com\r\n';
    const filler = bytes - head.length - 'X-Pad: \r\n'.length;
    return Buffer.from(`${head}X-Pad: ${'p'.repeat(filler)}\r\n\r\nbody`);
  };

  it(`accepts a header section of exactly ${MAX_HEADER_SECTION_BYTES} bytes and refuses one byte more: Header section too long.`, async () => {
    const { engine } = makeEngine();
    await expect(engine.sending.send(rawRequest(padded(MAX_HEADER_SECTION_BYTES)))).resolves.toHaveProperty('messageId');
    expect(await refusedWith(rawRequest(padded(MAX_HEADER_SECTION_BYTES + 1)))).toBe('Header section too long.');
  });

  it('refuses a message with no blank line that is longer than the limit (its whole text is headers)', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `X-Line-${i}: ${'v'.repeat(20)}`);
    expect(await refusedWith(rawRequest(crlf('From: a@example.com', 'To: b@example.com', ...lines)))).toBe('Header section too long.');
    // LF-only line ends count the same way.
    expect(await refusedWith(rawRequest(Buffer.from(`From: a@example.com\nTo: b@example.com\nX-Big: ${'v'.repeat(MAX_HEADER_SECTION_BYTES)}\n\nx`)))).toBe(
      'Header section too long.',
    );
  });

  it('a large body does not count', async () => {
    const { engine } = makeEngine();
    const big = Buffer.concat([Buffer.from(crlf('From: a@example.com', 'To: b@example.com', '', '')), Buffer.alloc(2 * MAX_HEADER_SECTION_BYTES, 0x61)]);
    await expect(engine.sending.send(rawRequest(big))).resolves.toHaveProperty('messageId');
  });
});

describe('header names', () => {
  it("a line starting with ':' is an empty header name: Empty header names are illegal.", async () => {
    expect(await refusedWith(raw(':', 'Subject: s'))).toBe('Empty header names are illegal.');
    expect(await refusedWith(raw(': value'))).toBe('Empty header names are illegal.');
  });

  it("body text in the header section is an illegal header, named by the text before its first ':'", async () => {
    // What happens when a message lacks the blank line after its headers (jmhobbs/Swiftmailer-Transport--AWS-SES#13).
    const html = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';
    expect(await refusedWith(rawRequest(crlf('From: a@example.com', 'To: b@example.com', 'Content-Type: text/html', html, '<p>hi</p>')))).toBe(
      `Illegal header '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http'.`,
    );
    expect(await refusedWith(raw('X-Bad\u00e9: v'))).toBe("Illegal header 'X-Badé'.");
    expect(await refusedWith(raw('From sender Mon Jan  1 00:00:00 2026'))).toBe("Illegal header 'From sender Mon Jan  1 00'.");
  });

  it('keeps accepting what RFC 5322 allows: WSP before the colon, folded values, lines without a colon are not fields', async () => {
    const { engine } = makeEngine();
    const ok = rawRequest(crlf('From: a@example.com', 'To: b@example.com', 'Subject : spaced', 'X-Folded: one', '\ttwo', 'a stray line', '', 'x'));
    const { messageId } = await engine.sending.send(ok);
    expect((await engine.messages.get(messageId))!.subject).toBe('spaced');
  });
});
