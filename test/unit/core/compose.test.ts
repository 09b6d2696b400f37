// Simple content → MIME: what a recipient's mail client reads back (mailparser), and the headers SES adds.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { SimpleContent } from '../../../src-main/core/engine-api';
import { makeEngine, simpleRequest } from './helpers';

async function sendSimple(content: Partial<SimpleContent>, over: Parameters<typeof simpleRequest>[0] = {}, configurationSets: string[] = []) {
  const { engine } = makeEngine();
  for (const name of configurationSets) engine.configurationSets.create(name);
  const { messageId } = await engine.sending.send(
    simpleRequest({ content: { kind: 'simple', subject: { data: 'Hello' }, ...content }, ...over }),
  );
  const raw = (await engine.messages.raw(messageId))!;
  return { engine, messageId, raw, parsed: await simpleParser(raw) };
}

describe('Simple content composed to MIME', () => {
  it('subject, text and HTML as multipart/alternative, non-ASCII included', async () => {
    const { parsed, raw } = await sendSimple({
      subject: { data: 'Grüße — ünïcode ✓' },
      text: { data: 'Plain ✓ text\nsecond line' },
      html: { data: '<p>Rich <b>ünïcode</b></p>' },
    });
    expect(parsed.subject).toBe('Grüße — ünïcode ✓');
    expect(parsed.text).toBe('Plain ✓ text\nsecond line');
    expect(parsed.html).toBe('<p>Rich <b>ünïcode</b></p>');
    expect(raw.toString()).toMatch(/Content-Type: multipart\/alternative; \r\n boundary="----=_Part_\d+_\d+\.\d+"/);
    expect(raw.toString()).toContain('Content-Type: text/plain; charset=UTF-8');
  });

  it('a text-only message is a single text/plain part in 7bit', async () => {
    const { parsed, raw } = await sendSimple({ text: { data: 'just text' } });
    expect(parsed.text).toBe('just text');
    expect(parsed.html).toBe(false);
    expect(raw.toString()).toContain('Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 7bit');
  });

  it('honours an ISO-8859-1 charset on the body', async () => {
    const { parsed, raw } = await sendSimple({ text: { data: 'café crème', charset: 'ISO-8859-1' } });
    expect(raw.toString('latin1')).toContain('charset=ISO-8859-1');
    expect(raw.includes(Buffer.from('caf=E9'))).toBe(true);
    expect(parsed.text).toBe('café crème');
  });

  it('From with display name, To, Cc, Reply-To; Bcc recipients get no header', async () => {
    const { parsed, raw, engine, messageId } = await sendSimple(
      { text: { data: 'x' } },
      {
        from: 'Zoë Sender <sender@example.com>',
        destination: { to: ['"Doe, John" <john@example.com>'], cc: ['cc@example.com'], bcc: ['hidden@example.com'] },
        replyTo: ['replies@example.com'],
      },
    );
    expect(parsed.from!.value).toEqual([{ name: 'Zoë Sender', address: 'sender@example.com' }]);
    expect((parsed.to as { value: unknown[] }).value).toEqual([{ name: 'Doe, John', address: 'john@example.com' }]);
    expect((parsed.cc as { value: unknown[] }).value).toEqual([{ name: '', address: 'cc@example.com' }]);
    expect(parsed.replyTo!.value).toEqual([{ name: '', address: 'replies@example.com' }]);
    expect(raw.toString()).not.toMatch(/^Bcc:/im);
    const detail = (await engine.messages.get(messageId))!;
    expect(detail.bcc).toEqual(['hidden@example.com']);
    expect(detail.envelope.rcptTo).toEqual(['john@example.com', 'cc@example.com', 'hidden@example.com']);
  });

  it('attachments, inline parts with a Content-ID, and custom headers', async () => {
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const { parsed, engine, messageId } = await sendSimple({
      text: { data: 'see attached' },
      html: { data: '<p><img src="cid:logo"></p>' },
      headers: [{ name: 'X-Campaign', value: 'spring' }],
      attachments: [
        { fileName: 'report.pdf', content: Buffer.from('%PDF-1.4'), contentType: 'application/pdf', contentDescription: 'The report' },
        { fileName: 'logo.png', content: png, contentType: 'image/png', contentDisposition: 'INLINE', contentId: '<logo>' },
      ],
    });
    expect(parsed.headers.get('x-campaign')).toBe('spring');
    expect(parsed.text).toBe('see attached');
    const byName = Object.fromEntries(parsed.attachments.map((a) => [a.filename, a]));
    expect(byName['report.pdf'].content.toString()).toBe('%PDF-1.4');
    expect(byName['report.pdf'].contentType).toBe('application/pdf');
    expect(byName['report.pdf'].headers.get('content-description')).toBe('The report');
    expect(byName['logo.png'].content.equals(png)).toBe(true);
    expect(byName['logo.png'].cid).toBe('logo');
    expect(byName['logo.png'].contentDisposition).toBe('inline');

    const detail = (await engine.messages.get(messageId))!;
    expect(detail.hasAttachments).toBe(true);
    expect(detail.attachments.map((a) => [a.filename, a.contentType, a.size, a.contentId, a.disposition])).toEqual([
      ['logo.png', 'image/png', 8, 'logo', 'inline'],
      ['report.pdf', 'application/pdf', 8, null, 'attachment'],
    ]);
    const logo = (await engine.messages.attachment(messageId, 0))!;
    expect(logo).toEqual({ filename: 'logo.png', contentType: 'image/png', content: png });
    expect(await engine.messages.attachment(messageId, 2)).toBeUndefined();
  });

  it("carries SES's Message-ID and Date, and the headers a recipient sees (Return-Path, Feedback-ID, X-SES-Outgoing)", async () => {
    const { parsed, raw, messageId } = await sendSimple({ text: { data: 'x' } });
    expect(parsed.messageId).toBe(`<${messageId}@email.amazonses.com>`);
    expect(parsed.date!.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    const head = raw.toString().split('\r\n\r\n')[0].split('\r\n');
    expect(head[0]).toBe(`Return-Path: <${messageId}@amazonses.com>`);
    expect(head.slice(-4)).toEqual([
      `Message-ID: <${messageId}@email.amazonses.com>`,
      'Date: Thu, 01 Jan 2026 00:00:00 +0000',
      expect.stringMatching(/^Feedback-ID: 1\.us-east-1\.[A-Za-z0-9+/]{43}=:AmazonSES$/),
      'X-SES-Outgoing: 2026.01.01-54.240.9.183',
    ]);
  });

  it('honours and strips X-SES-* control headers given as custom headers too', async () => {
    const { raw, engine, messageId } = await sendSimple({
      text: { data: 'x' },
      headers: [
        { name: 'X-SES-CONFIGURATION-SET', value: 'from-header' },
        { name: 'X-SES-MESSAGE-TAGS', value: 'k=v' },
        { name: 'X-Keep', value: 'kept' },
      ],
    }, {}, ['from-header']);
    expect(raw.toString()).not.toMatch(/X-SES-(CONFIGURATION-SET|MESSAGE-TAGS)/i);
    expect(raw.toString()).toContain('X-Keep: kept');
    expect((await engine.messages.get(messageId))!.tags).toMatchObject({ 'ses:configuration-set': ['from-header'], k: ['v'] });
  });

  it('uses region-specific domains outside us-east-1', async () => {
    const { engine } = makeEngine({ region: 'eu-west-1' });
    const { messageId } = await engine.sending.send(simpleRequest());
    const raw = (await engine.messages.raw(messageId))!.toString();
    expect(raw).toContain(`Message-ID: <${messageId}@eu-west-1.amazonses.com>`);
    expect(raw).toContain(`Return-Path: <${messageId}@eu-west-1.amazonses.com>`);
    expect(raw).toMatch(/Feedback-ID: 1\.eu-west-1\./);
  });
});
