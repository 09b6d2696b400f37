// Header values cannot write headers of their own: CR/LF in a Subject becomes a space in both composers
// (compose-text.ts and MailComposer), and v2 Simple.Headers are checked against the model's limits
// (ses-facts §A.6) before anything is composed.
import { describe, expect, it } from 'vitest';
import { SesError } from '../../../src-main/core/errors';
import type { SimpleContent } from '../../../src-main/core/engine-api';
import { MAX_HEADER_FIELD_CHARS, MAX_HEADER_NAME_CHARS, MAX_HEADER_VALUE_CHARS, MAX_SIMPLE_HEADERS } from '../../../src-main/core/limits';
import { readHeaderBlock } from '../../../src-main/core/mime/header-block';
import { makeEngine, simpleRequest, refusal } from './helpers';

const INJECTION = 'Hi\r\nBcc: evil@x.com\r\n\r\nbody-now';

async function compose(content: Partial<SimpleContent>) {
  const { engine } = makeEngine();
  const { messageId } = await engine.sending.send(
    simpleRequest({ content: { kind: 'simple', subject: { data: 'Hello' }, text: { data: 'the body' }, ...content } }),
  );
  const raw = (await engine.messages.raw(messageId))!;
  const block = readHeaderBlock(raw);
  const value = (key: string) => block.fields.find((f) => f.key === key)?.value.replace(/\r\n[ \t]/g, ' ');
  return { engine, messageId, raw, block, value };
}

/** A Simple send with these content overrides, which must be refused. */
function refusedContent(content: Partial<SimpleContent>): Promise<SesError> {
  const { engine } = makeEngine();
  return refusal(engine.sending.send(simpleRequest({ content: { kind: 'simple', subject: { data: 's' }, text: { data: 't' }, ...content } })));
}

describe('header injection', () => {
  it('a Subject with CR/LF stays one header; MIME-Version and Content-Type stay in the header block', async () => {
    const { block, value, raw, engine, messageId } = await compose({ subject: { data: INJECTION } });
    const keys = block.fields.map((f) => f.key);
    expect(keys).not.toContain('bcc');
    expect(keys).toEqual(expect.arrayContaining(['mime-version', 'content-type', 'subject']));
    expect(value('subject')).toBe('Hi Bcc: evil@x.com  body-now');
    expect(raw.subarray(block.bodyStart).toString()).toBe('the body');
    expect((await engine.messages.get(messageId))!.envelope.rcptTo).toEqual(['to@example.com']);
  });

  it('both composers fold CR/LF the same way (with attachments MailComposer writes the mail)', async () => {
    const plain = await compose({ subject: { data: INJECTION } });
    const withAttachment = await compose({
      subject: { data: INJECTION },
      attachments: [{ fileName: 'a.txt', content: Buffer.from('attached'), contentType: 'text/plain' }],
    });
    expect(withAttachment.block.fields.map((f) => f.key)).not.toContain('bcc');
    expect(withAttachment.value('subject')).toBe(plain.value('subject'));
    const nonAscii = 'Grüße\r\nBcc: evil@x.com';
    const a = await compose({ subject: { data: nonAscii } });
    const b = await compose({ subject: { data: nonAscii }, attachments: [{ fileName: 'a.txt', content: Buffer.from('x') }] });
    expect(a.block.fields.map((f) => f.key)).not.toContain('bcc');
    expect((await a.engine.messages.get(a.messageId))!.subject).toBe('Grüße Bcc: evil@x.com');
    expect((await b.engine.messages.get(b.messageId))!.subject).toBe('Grüße Bcc: evil@x.com');
  });
});

describe('v2 Simple.Headers limits', () => {
  const h = (name: string, value = 'v') => ({ name, value });

  it('accepts headers at every limit', async () => {
    const headers = [
      ...Array.from({ length: MAX_SIMPLE_HEADERS - 2 }, (_, i) => h(`X-H${i}`)),
      h('X-' + 'n'.repeat(MAX_HEADER_NAME_CHARS - 2), 'v'.repeat(MAX_HEADER_FIELD_CHARS - MAX_HEADER_NAME_CHARS)),
      h('X', 'v'.repeat(MAX_HEADER_VALUE_CHARS)),
    ];
    const { block } = await compose({ headers });
    expect(block.fields.filter((f) => f.key.startsWith('x') && !f.key.startsWith('x-ses-'))).toHaveLength(MAX_SIMPLE_HEADERS);
  });

  it('refuses more than 15, a bad name, a line break, a long value, a long field — as InvalidParameterValue / BadRequestException', async () => {
    const cases: [SimpleContent['headers'], string][] = [
      [Array.from({ length: MAX_SIMPLE_HEADERS + 1 }, (_, i) => h(`X-H${i}`)), 'Too many headers: at most 15 are allowed.'],
      [[h('X-Bad:Name')], "Invalid header name 'X-Bad:Name': a header name is 1 to 126 printable ASCII characters other than ':'."],
      [[h('X Space')], "Invalid header name 'X Space': a header name is 1 to 126 printable ASCII characters other than ':'."],
      [[h('')], "Invalid header name '': a header name is 1 to 126 printable ASCII characters other than ':'."],
      [[h('X-' + 'n'.repeat(MAX_HEADER_NAME_CHARS - 1))], expect.stringMatching(/^Invalid header name 'X-n+': /) as unknown as string],
      [[h('X-Inject', 'a\r\nBcc: evil@x.com')], "The value of header 'X-Inject' must not contain CR or LF characters."],
      [[h('X-Inject', 'a\nb')], "The value of header 'X-Inject' must not contain CR or LF characters."],
      [[h('X-Long', 'v'.repeat(MAX_HEADER_VALUE_CHARS + 1))], "The value of header 'X-Long' is longer than 995 characters."],
      [[h('X-Twelve-ch', 'v'.repeat(MAX_HEADER_FIELD_CHARS - 10))], "Header 'X-Twelve-ch' is longer than 996 characters (name and value together)."],
    ];
    for (const [headers, text] of cases) {
      const err = await refusedContent({ headers });
      expect([err.kind, err.wire.v2, err.wire.v1, err.message]).toEqual(['InvalidParameterValue', 'BadRequestException', 'InvalidParameterValue', text]);
    }
  });
});
