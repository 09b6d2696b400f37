// The ingest path's hand-rolled MIME reading (header block, decoders, the snippet and attachment flag
// stored at accept time), checked against mailparser — what a recipient's client would show — on awkward
// but common messages. What users open is mailparser's own reading (message-detail.test.ts).
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { hasAttachments, parseParts, snippetOf } from '../../../src-main/core/mime/body-facts';
import { decodeQuotedPrintable, decodeWords } from '../../../src-main/core/mime/decode';
import { editHeaders, readHeaderBlock } from '../../../src-main/core/mime/header-block';
import { crlf } from './helpers';

const fixtures: Record<string, string> = {
  'nested with inline image and RFC 2231 name': crlf(
    'From: a@example.com',
    'Subject: nested',
    'Content-Type: multipart/mixed; boundary="m"',
    '',
    'preamble is ignored',
    '--m',
    'Content-Type: multipart/related; boundary="r"',
    '',
    '--r',
    'Content-Type: multipart/alternative; boundary="a"',
    '',
    '--a',
    'Content-Type: text/plain; charset="windows-1252"',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    'Price: 10=80 =93quoted=94',
    '--a',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Price: 10€</p>',
    '--a--',
    '--r',
    'Content-Type: image/gif',
    'Content-ID: <img1@x>',
    'Content-Transfer-Encoding: base64',
    '',
    'R0lGODlhAQABAAAAACw=',
    '--r--',
    '--m',
    'Content-Type: application/octet-stream;',
    " name*0*=utf-8''%E6%97%A5%E6%9C%AC;",
    ' name*1=".bin"',
    'Content-Disposition: attachment',
    'Content-Transfer-Encoding: base64',
    '',
    'AAEC',
    '--m--',
    'epilogue is ignored',
  ),
  'single part base64 in ISO-8859-1, LF line ends': [
    'From: a@example.com',
    'Subject: =?ISO-8859-1?Q?Caf=E9?=',
    'Content-Type: text/plain; charset=ISO-8859-1',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from('Caf\xe9 au lait', 'latin1').toString('base64'),
    '',
  ].join('\n'),
  'attached message and a named text part': crlf(
    'From: a@example.com',
    'Content-Type: multipart/mixed; boundary=XYZ',
    '',
    '--XYZ',
    'Content-Type: text/plain',
    '',
    'see below',
    '--XYZ',
    'Content-Type: message/rfc822',
    '',
    'From: inner@example.com',
    'Subject: inner',
    '',
    'inner body',
    '--XYZ',
    'Content-Type: text/plain; name="notes.txt"',
    '',
    'notes',
    '--XYZ--',
  ),
  'boundary that is a prefix of a longer line, no closing delimiter': crlf(
    'From: a@example.com',
    'Content-Type: multipart/alternative; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    'one',
    '--bb not a delimiter',
    '--b',
    'Content-Type: text/html',
    '',
    '<i>two</i>',
  ),
};

/** What a snippet is made of: whitespace collapsed, at most 200 characters. */
const asSnippet = (s: string) => Array.from(s.replace(/\s+/g, ' ').trim()).slice(0, 200).join('');

describe('accept-time body facts agree with mailparser', () => {
  for (const [name, text] of Object.entries(fixtures)) {
    it(name, async () => {
      const buf = Buffer.from(text, 'latin1');
      const expected = await simpleParser(buf, { skipHtmlToText: true });
      const root = parseParts(buf);
      expect(hasAttachments(root)).toBe(expected.attachments.length > 0);
      // The snippet starts the first text part; mailparser's text joins every text part.
      expect(asSnippet(expected.text ?? '').startsWith(snippetOf(buf, root))).toBe(true);
      expect(snippetOf(buf, root)).not.toBe('');
    });
  }

  it('snippet and flag of a nested message: windows-1252 QP text, inline image, RFC 2231 attachment', () => {
    const buf = Buffer.from(fixtures['nested with inline image and RFC 2231 name'], 'latin1');
    const root = parseParts(buf);
    expect(hasAttachments(root)).toBe(true);
    expect(snippetOf(buf, root)).toBe('Price: 10€ “quoted”');
  });

  it('falls back to the HTML without markup, and clips at 200 characters', () => {
    const html = Buffer.from(crlf('Content-Type: text/html', '', '<head><title>t</title></head><p>Hi &amp; bye</p>'));
    expect(snippetOf(html, parseParts(html))).toBe('Hi & bye');
    const long = Buffer.from(crlf('Subject: s', '', 'é'.repeat(300)));
    expect(snippetOf(long, parseParts(long))).toBe('é'.repeat(200));
    expect(hasAttachments(parseParts(long))).toBe(false);
  });
});

describe('header block', () => {
  it('unfolds, keeps names as written, finds the body after CRLF or LF', () => {
    const crlfMsg = Buffer.from('Subject: a\r\n  folded\r\nX-Empty:\r\n\r\nbody');
    const b = readHeaderBlock(crlfMsg);
    expect(b.fields.map((f) => [f.name, f.value])).toEqual([['Subject', 'a  folded'], ['X-Empty', '']]);
    expect(crlfMsg.subarray(b.bodyStart).toString()).toBe('body');
    expect(b.newline).toBe('\r\n');
    const lf = readHeaderBlock(Buffer.from('A: 1\nB: 2\n\nbody'));
    expect([lf.newline, lf.fields.length]).toEqual(['\n', 2]);
  });

  it('edits headers without touching the body bytes', () => {
    const body = Buffer.from([0xff, 0x00, 0x0d, 0x0a, 0x80]);
    const msg = Buffer.concat([Buffer.from('A: 1\r\nX-Drop: yes\r\n more\r\nB: 2\r\n\r\n'), body]);
    const block = readHeaderBlock(msg);
    const out = editHeaders(msg, block, { remove: [block.fields[1]], prepend: ['Top: 0'], append: ['End: 9'] });
    expect(out.subarray(0, out.length - body.length).toString()).toBe('Top: 0\r\nA: 1\r\nB: 2\r\nEnd: 9\r\n\r\n');
    expect(out.subarray(out.length - body.length).equals(body)).toBe(true);
  });
});

describe('decoders', () => {
  it('joins adjacent encoded words, including a character split across them', () => {
    const euro = Buffer.from('€').toString('base64'); // 4oKs — split it at the byte level instead:
    expect(euro).toBe('4oKs');
    expect(decodeWords('=?UTF-8?Q?=E2=82?= =?UTF-8?Q?=AC?= and =?utf-8?b?w6k=?=')).toBe('€ and é');
    expect(decodeWords('plain text')).toBe('plain text');
    expect(decodeWords('=?x-unknown?Q?abc?=')).toBe('abc');
  });

  it('quoted-printable soft breaks and escapes', () => {
    expect(decodeQuotedPrintable(Buffer.from('a=3Db=\r\nc=\nd =ZZ')).toString()).toBe('a=bcd =ZZ');
  });
});
