// Open/click tracking's markup and MIME surgery (core/tracking/html.ts, mime.ts): pixel position, link
// rewriting, ses:no-track and ses:tags, non-http links, and HTML parts in quoted-printable and base64.
import { describe, expect, it } from 'vitest';
import { decodeEntities, parseLinkTags, pixelTag, rewriteHtml } from '../../../src-main/core/tracking/html';
import { rewriteHtmlParts } from '../../../src-main/core/tracking/mime';
import { decodeQuotedPrintable } from '../../../src-main/core/mime/decode';
import { crlf } from './helpers';

const PIXEL = 'http://t/o/P.gif';
const opts = (over: Partial<Parameters<typeof rewriteHtml>[1]> = {}) => ({
  pixelUrl: PIXEL,
  linkUrl: (n: number) => `http://t/c/${n}`,
  decodeLink: (raw: string) => decodeEntities(raw),
  ...over,
});

describe('rewriteHtml', () => {
  it('puts the pixel just before </body>, else before </html>, else at the end', () => {
    expect(rewriteHtml('<html><body><p>Hi</p></body></html>', opts()).html).toBe(`<html><body><p>Hi</p>${pixelTag(PIXEL)}</body></html>`);
    expect(rewriteHtml('<HTML><p>Hi</p></HTML>', opts()).html).toBe(`<HTML><p>Hi</p>${pixelTag(PIXEL)}</HTML>`);
    expect(rewriteHtml('<p>Hi</p>', opts()).html).toBe(`<p>Hi</p>${pixelTag(PIXEL)}`);
    expect(rewriteHtml('<p>Hi</p>\r\n\n', opts()).html).toBe(`<p>Hi</p>${pixelTag(PIXEL)}\r\n\n`);
    // The last </body> wins (one quoted in a comment earlier does not).
    expect(rewriteHtml('<!-- </body> --><body>x</BODY >', opts()).html).toBe(`<!-- </body> --><body>x${pixelTag(PIXEL)}</BODY >`);
  });

  it('adds no pixel without open tracking and rewrites no links without click tracking', () => {
    const html = '<body><a href="https://example.com/a">a</a></body>';
    expect(rewriteHtml(html, opts({ pixelUrl: null, linkUrl: null }))).toEqual({ html, links: [] });
    expect(rewriteHtml(html, opts({ linkUrl: null })).html).toBe(`<body><a href="https://example.com/a">a</a>${pixelTag(PIXEL)}</body>`);
  });

  it('rewrites http and https links in document order, keeping the other attributes', () => {
    const r = rewriteHtml(`<a class="btn" href="https://example.com/a?x=1&amp;y=2" target=_blank>A</a> <A HREF='http://example.com/b'>B</A>`, opts({ pixelUrl: null }));
    expect(r.html).toBe(`<a class="btn" href="http://t/c/0" target=_blank>A</a> <A HREF='http://t/c/1'>B</A>`);
    expect(r.links).toEqual([
      { link: 'https://example.com/a?x=1&y=2', linkTags: {} },
      { link: 'http://example.com/b', linkTags: {} },
    ]);
  });

  it('leaves mailto:, tel:, fragment, relative and unquoted-empty links alone', () => {
    const html = '<a href="mailto:a@b.c">m</a><a href="tel:+1">t</a><a href="#top">f</a><a href="/rel">r</a><a name="x">n</a><abbr>z</abbr>';
    const r = rewriteHtml(html, opts({ pixelUrl: null }));
    expect(r).toEqual({ html, links: [] });
  });

  it('honours ses:no-track (link kept) and strips it and ses:tags', () => {
    const r = rewriteHtml('<a ses:no-track href="https://keep.example">k</a><a href="https://t.example" ses:tags="product:book;genre:fiction;">t</a>', opts({ pixelUrl: null }));
    expect(r.html).toBe('<a href="https://keep.example">k</a><a href="http://t/c/0">t</a>');
    expect(r.links).toEqual([{ link: 'https://t.example', linkTags: { product: ['book'], genre: ['fiction'] } }]);
  });

  it('leaves anchors inside comments alone', () => {
    const html = '<!-- <a href="https://x.example">x</a> -->';
    expect(rewriteHtml(html, opts({ pixelUrl: null }))).toEqual({ html, links: [] });
  });

  it('parses ses:tags: repeated names gather values, blanks are skipped', () => {
    expect(parseLinkTags('a:1; a:2;b: x ;;junk;')).toEqual({ a: ['1', '2'], b: ['x'] });
  });
});

const TRACK = (html: string) => rewriteHtml(html, opts()).html;

describe('rewriteHtmlParts', () => {
  it('decodes a quoted-printable HTML part, rewrites it and re-encodes it, leaving the text part alone', () => {
    const mime = Buffer.from(
      crlf(
        'From: a@example.com',
        'Content-Type: multipart/alternative; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'See https://example.com/a',
        '--b1',
        'Content-Type: text/html; charset=UTF-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '<html><body><p>H=C3=A9llo</p><a href=3D"https://example.com/a?x=3D1">a</a></body></html>',
        '--b1--',
        '',
      ),
    );
    const out = rewriteHtmlParts(mime, (bin, charset) => {
      expect(charset).toBe('UTF-8');
      return TRACK(bin);
    });
    const text = out.toString('latin1');
    expect(text).toContain('See https://example.com/a\r\n--b1');
    const html = text.slice(text.lastIndexOf('quoted-printable\r\n\r\n') + 20, text.indexOf('\r\n--b1--'));
    expect(html.split('\r\n').every((l) => l.length <= 76)).toBe(true);
    expect(decodeQuotedPrintable(Buffer.from(html, 'latin1')).toString('utf8')).toBe(
      `<html><body><p>Héllo</p><a href="http://t/c/0">a</a>${pixelTag(PIXEL)}</body></html>`,
    );
  });

  it('decodes a base64 HTML part and writes it back as base64 lines of 76', () => {
    const html = '<p>' + 'x'.repeat(200) + '</p><a href="http://example.com/">e</a>';
    const b64 = Buffer.from(html).toString('base64').replace(/.{76}/g, '$&\n');
    const mime = Buffer.from(['Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '', b64, ''].join('\n'));
    const out = rewriteHtmlParts(mime, TRACK).toString('latin1');
    const body = out.slice(out.indexOf('\n\n') + 2);
    expect(body.endsWith('\n')).toBe(true);
    expect(body.includes('\r')).toBe(false);
    expect(body.trimEnd().split('\n').every((l) => l.length <= 76)).toBe(true);
    expect(Buffer.from(body, 'base64').toString('utf8')).toBe(`<p>${'x'.repeat(200)}</p><a href="http://t/c/0">e</a>${pixelTag(PIXEL)}`);
  });

  it('keeps 8-bit bytes of another charset as they are', () => {
    const mime = Buffer.concat([
      Buffer.from('Content-Type: text/html; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<body>caf'),
      Buffer.from([0xe9]),
      Buffer.from('</body>\r\n'),
    ]);
    const out = rewriteHtmlParts(mime, TRACK);
    expect(out.includes(Buffer.from([0x63, 0x61, 0x66, 0xe9]))).toBe(true);
    expect(out.toString('latin1')).toContain(`caf\u00e9${pixelTag(PIXEL)}</body>`);
  });

  it('turns a 7bit part quoted-printable when a rewritten line would pass 998 octets (header replaced or added)', () => {
    const long = `<p>${'w'.repeat(940)}<a href="http://e.example/">e</a></p>`; // 980 octets; the pixel makes it too long
    const multipart = Buffer.from(
      crlf('Content-Type: multipart/alternative; boundary=q', '', '--q', 'Content-Type: text/plain', '', 'x', '--q', 'Content-Type: text/html', 'Content-Transfer-Encoding: 7bit', '', long, '--q--', ''),
    );
    const out = rewriteHtmlParts(multipart, TRACK).toString('latin1');
    expect(out).toContain('--q\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n');
    expect(out).not.toContain('7bit');
    const body = out.slice(out.lastIndexOf('quoted-printable\r\n\r\n') + 20, out.indexOf('\r\n--q--'));
    expect(body.split('\r\n').every((l) => l.length <= 76)).toBe(true);
    expect(decodeQuotedPrintable(Buffer.from(body, 'latin1')).toString('latin1')).toBe(`<p>${'w'.repeat(940)}<a href="http://t/c/0">e</a></p>${pixelTag(PIXEL)}`);

    const single = Buffer.from(crlf('From: a@example.com', 'Content-Type: text/html', '', `<body>${'v'.repeat(950)}</body>`, ''));
    const tracked = rewriteHtmlParts(single, TRACK).toString('latin1');
    expect(tracked.startsWith('From: a@example.com\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n')).toBe(true);
    // A short 7bit part stays 7bit.
    const short = Buffer.from(crlf('Content-Type: text/html', '', '<b>x</b>', ''));
    expect(rewriteHtmlParts(short, TRACK).toString('latin1')).toBe(`Content-Type: text/html\r\n\r\n<b>x</b>${pixelTag(PIXEL)}\r\n`);
  });

  it('leaves HTML attachments and messages without HTML untouched (same buffer)', () => {
    const att = Buffer.from(
      crlf('Content-Type: multipart/mixed; boundary=z', '', '--z', 'Content-Type: text/plain', '', 'hi', '--z', 'Content-Type: text/html', 'Content-Disposition: attachment; filename=a.html', '', '<a href="http://x.example">x</a>', '--z--', ''),
    );
    expect(rewriteHtmlParts(att, TRACK)).toBe(att);
  });
});
