// The synchronous MIME reader the engine uses (header-only on ingest, full on detail), checked against
// mailparser — what a recipient's client would show — on awkward but common messages.
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { decodeQuotedPrintable, decodeWords } from '../../../src-main/core/mime/decode';
import { editHeaders, readHeaderBlock } from '../../../src-main/core/mime/header-block';
import { hasAttachments, readBodies, snippetOf } from '../../../src-main/core/mime/body';
import { parseParts, partFilename } from '../../../src-main/core/mime/parts';
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

describe('MIME reading matches mailparser', () => {
  for (const [name, text] of Object.entries(fixtures)) {
    it(name, async () => {
      const buf = Buffer.from(text, 'latin1');
      const expected = await simpleParser(buf);
      const ours = readBodies(buf, parseParts(buf));
      expect(ours.text?.trimEnd() ?? null).toBe(expected.text?.trimEnd() ?? null);
      expect(ours.html === null ? false : ours.html.trimEnd()).toBe(expected.html ? expected.html.trimEnd() : false);
      expect(ours.attachments.map((a) => a.filename)).toEqual(expected.attachments.map((a) => a.filename ?? null));
      expect(ours.attachments.map((a) => a.contentType)).toEqual(expected.attachments.map((a) => a.contentType));
      expect(ours.attachments.map((a) => a.contentId)).toEqual(expected.attachments.map((a) => a.cid ?? null));
    });
  }

  it('reads the bytes of attachments', () => {
    const buf = Buffer.from(fixtures['nested with inline image and RFC 2231 name'], 'latin1');
    const root = parseParts(buf);
    const att = readBodies(buf, root).attachments;
    expect(att.map((a) => partFilename(a.part))).toEqual([null, '日本.bin']);
    expect(hasAttachments(root)).toBe(true);
    expect(snippetOf(buf, root)).toBe('Price: 10€ “quoted”');
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
