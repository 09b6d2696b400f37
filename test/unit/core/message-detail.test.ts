// MessageDetail and attachment downloads are mailparser's reading of the stored MIME (test/fixtures/eml:
// awkward but common messages), with exact values; the ingest-time facts (subject, hasAttachments) agree.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { rewriteCidReferences } from '../../../src-main/adapters/ui-api/html-preview';
import { UnreadableMessageError } from '../../../src-main/core/messages/mail-reader';
import { crlf, makeEngine, rawRequest } from './helpers';

const EML = fileURLToPath(new URL('../../fixtures/eml/', import.meta.url));
const fixtureNames = readdirSync(EML).filter((n) => n.endsWith('.eml'));

async function capture(mime: Buffer | string) {
  const { engine } = makeEngine();
  const { messageId } = await engine.sending.send(rawRequest(mime));
  const detail = (await engine.messages.get(messageId))!;
  return { engine, messageId, detail, raw: (await engine.messages.raw(messageId))! };
}
const fixture = (name: string) => capture(readFileSync(join(EML, name)));
const attachmentRows = (d: { attachments: { filename: string | null; contentType: string; size: number; contentId: string | null; disposition: string | null }[] }) =>
  d.attachments.map((a) => [a.filename, a.contentType, a.size, a.contentId, a.disposition]);

describe('every fixture: the detail is what mailparser reads', () => {
  it.each(fixtureNames)('%s', async (name) => {
    const { engine, messageId, detail, raw } = await fixture(name);
    // mailparser as a client would run it, except that cid: links stay links (the preview resolves them).
    const parsed = await simpleParser(raw, { keepCidLinks: true });
    expect(detail.subject).toBe(parsed.subject);
    expect(detail.html).toBe(parsed.html || null);
    expect(detail.headers.map((h) => h.name.toLowerCase())).toEqual(parsed.headerLines.map((l) => l.key));
    expect(detail.attachments).toEqual(
      parsed.attachments.map((a, index) => ({
        index,
        filename: a.filename ?? null,
        contentType: a.contentType,
        size: a.size,
        contentId: a.cid ?? null,
        disposition: a.contentDisposition ?? null,
      })),
    );
    expect(detail.hasAttachments).toBe(parsed.attachments.length > 0);
    for (const [i, a] of parsed.attachments.entries()) {
      expect(await engine.messages.attachment(messageId, i)).toEqual({ filename: a.filename ?? null, contentType: a.contentType, content: a.content });
    }
    expect(await engine.messages.attachment(messageId, parsed.attachments.length)).toBeUndefined();
  });
});

describe('exact values', () => {
  it('multipart/alternative with encoded-word and folded headers', async () => {
    const { detail } = await fixture('alternative.eml');
    expect(detail.subject).toBe('Élève ✈ café');
    expect(detail.text).toBe('Hello élève,\nsee https://example.com/x');
    expect(detail.html).toBe('<p>Hello élève,<br>see <a href="https://example.com/x">this</a></p>');
    expect(detail.cc).toEqual([{ name: 'Team, Ops', address: 'ops@example.org' }, { name: '', address: 'carol@example.org' }]);
    expect(detail.replyTo).toEqual([{ name: 'Zöe', address: 'replies@example.com' }]);
    expect(detail.attachments).toEqual([]);
    // One line per header, in order, names as written, values unfolded and RFC 2047-decoded.
    const mine = detail.headers.slice(1, 10);
    expect(mine).toEqual([
      { name: 'From', value: 'Zoë Sender <zoe@example.com>' },
      { name: 'To', value: 'Bob <bob@example.org>' },
      { name: 'Cc', value: '"Team, Ops" <ops@example.org>, carol@example.org' },
      { name: 'Reply-To', value: 'Zöe <replies@example.com>' },
      { name: 'Subject', value: 'Élève ✈ café' },
      { name: 'X-Folded', value: 'first part second part' },
      { name: 'X-Campaign', value: 'été sale' },
      { name: 'MIME-Version', value: '1.0' },
      { name: 'Content-Type', value: 'multipart/alternative; boundary="alt-1"' },
    ]);
    expect(detail.headers[0].name).toBe('Return-Path');
    expect(detail.headers.slice(10).map((h) => h.name)).toEqual(['Message-ID', 'Date', 'Feedback-ID', 'X-SES-Outgoing']);
  });

  it('multipart/related: cid: links kept in the HTML and resolved to the inline parts', async () => {
    const { detail } = await fixture('related-inline-cid.eml');
    expect(detail.text).toBeNull();
    expect(detail.html).toBe(
      '<html><body><img src="cid:logo.png@shop" alt="logo"><div style="background:url(cid:bg@shop)">x</div></body></html>',
    );
    expect(attachmentRows(detail)).toEqual([
      ['logo.png', 'image/png', 16, 'logo.png@shop', 'inline'],
      [null, 'image/gif', 14, 'bg@shop', null],
    ]);
    const preview = rewriteCidReferences(detail.html!, detail.attachments, (i) => `/att/${i}`);
    expect(preview).toBe('<html><body><img src="/att/0" alt="logo"><div style="background:url(/att/1)">x</div></body></html>');
  });

  it('RFC 2231 file names (percent-encoded UTF-8, and continuations)', async () => {
    const { engine, messageId, detail } = await fixture('rfc2231-attachment.eml');
    expect(detail.text).toBe('Two files attached.');
    expect(attachmentRows(detail)).toEqual([
      ['reçu final.pdf', 'application/pdf', 13, null, 'attachment'],
      ['日本-report.bin', 'application/octet-stream', 4, null, 'attachment'],
    ]);
    expect((await engine.messages.attachment(messageId, 0))!.content.toString()).toBe('%PDF-1.4 fake');
    expect((await engine.messages.attachment(messageId, 1))!.content).toEqual(Buffer.from([0, 1, 2, 3]));
    expect(await engine.messages.attachment(messageId, -1)).toBeUndefined();
    expect(await engine.messages.attachment('missing', 0)).toBeUndefined();
  });

  it('ISO-8859-1 quoted-printable body (soft line break) and encoded-word subject', async () => {
    const { detail } = await fixture('latin1-qp.eml');
    expect(detail.subject).toBe('Café crème et gâteau');
    expect(detail.text).toBe("Un café crème, s'il vous plaît. Cette ligne est très longue et continue ici.\n");
    expect(detail.html).toBeNull();
    expect(detail.headers.find((h) => h.name === 'From')).toEqual({ name: 'From', value: 'André <andre@example.fr>' });
  });

  it('text outside multipart/alternative is part of the HTML view, and text is only the text part', async () => {
    const { detail } = await fixture('mixed-text-html.eml');
    expect(detail.html).toBe('<p>Intro text with <a href="https://example.com/a">https://example.com/a</a></p><br/>\n<p>Signature</p>');
    expect(detail.text).toBe('Intro text with https://example.com/a\n');
  });

  it('HTML-only mail has no text (never HTML converted to text), and textAsHtml is never the html', async () => {
    const html = await fixture('html-only.eml');
    expect(html.detail.text).toBeNull();
    expect(html.detail.html).toBe('<h1>Only HTML</h1><p>No text part here.</p>\n');
    const text = await fixture('latin1-qp.eml');
    expect(text.detail.html).toBeNull();
  });

  it('broken MIME: no closing boundary, a line that only starts with the boundary', async () => {
    const { engine, messageId, detail } = await fixture('broken-no-closing-boundary.eml');
    expect(detail.text).toBe('one\n--bb is not a delimiter');
    expect(attachmentRows(detail)).toEqual([['data.csv', 'text/csv', 10, null, 'attachment']]);
    expect((await engine.messages.attachment(messageId, 0))!.content.toString()).toBe('a,b\r\n1,2\r\n');
  });

  it('8-bit UTF-8 header values read as UTF-8; Bcc is the envelope recipients To/Cc do not name', async () => {
    const mime = Buffer.from('From: a@example.com\r\nTo: b@example.org\r\nSubject: Grüße\r\nX-Note: naïve =?UTF-8?Q?=E2=82=AC?=\r\n\r\nhi\r\n');
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(rawRequest(mime, { destination: { to: ['b@example.org', 'hidden@example.org'] } }));
    const d = (await engine.messages.get(messageId))!;
    expect(d.subject).toBe('Grüße');
    expect(d.headers.filter((h) => h.name === 'Subject' || h.name === 'X-Note')).toEqual([
      { name: 'Subject', value: 'Grüße' },
      { name: 'X-Note', value: 'naïve €' },
    ]);
    expect(d.bcc).toEqual(['hidden@example.org']);
    expect(d.cc).toEqual([]);
    expect(d.text).toBe('hi\n');
  });

  it('a message past mailparser\'s limits is stored and listed, but its detail rejects with the reason', async () => {
    const parts = Array.from({ length: 1001 }, (_, i) => crlf('--b', 'Content-Type: text/plain', '', `part ${i}`));
    const { engine } = makeEngine();
    const mime = crlf('From: a@example.com', 'To: b@example.org', 'Subject: many parts', 'Content-Type: multipart/mixed; boundary=b', '', ...parts, '--b--', '');
    const { messageId } = await engine.sending.send(rawRequest(mime));
    expect(engine.messages.list({}).items.map((m) => [m.id, m.snippet])).toEqual([[messageId, 'part 0']]);
    expect((await engine.messages.raw(messageId))!.toString()).toContain('part 1000');
    const refused = engine.messages.get(messageId);
    await expect(refused).rejects.toBeInstanceOf(UnreadableMessageError);
    await expect(refused).rejects.toThrow('mailparser cannot read this message (Max allowed child nodes exceeded)');
    await expect(engine.messages.attachment(messageId, 0)).rejects.toBeInstanceOf(UnreadableMessageError);
  });
});
