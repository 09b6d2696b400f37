// The two body facts the inbox stores at accept time — a ~200-character snippet and whether the message
// has attachments — and the parts' file names (SES refuses some extensions), read from the MIME tree as byte
// ranges (RFC 2045/2046) without copying bodies.
// This is the ingest hot path (the bench budget is ≤0.5 ms CPU per SES v2 SendEmail), so it stays
// hand-rolled and synchronous and decodes at most a few KB of one part. What a user opens — header lines,
// text, HTML, attachments — is read with mailparser instead (core/messages/mail-reader.ts).
// Owns: splitting multiparts on their boundaries, each part's type, disposition, file name, charset and
// transfer encoding, the rule for which leaves are body text and which are attachments (mailparser's rule), and
// the snippet. Must not: grow into a body or attachment reader for views.
import { parseHeaderValue } from 'nodemailer/lib/mime-funcs';
import { decodeCharset, decodeTransfer, decodeWords } from './decode';
import { findField, readHeaderBlock } from './header-block';

interface StructuredValue {
  /** Lower-cased main value (`text/plain`, `attachment`), '' when absent. */
  value: string;
  /** Parameters by lower-cased name (nodemailer's parser; RFC 2231 continuations joined). */
  params: Record<string, string>;
}

function parseStructured(raw: string | undefined | null): StructuredValue {
  if (!raw) return { value: '', params: {} };
  const parsed = parseHeaderValue(raw);
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed.params)) params[k] = String(v);
  return { value: parsed.value.trim().toLowerCase(), params };
}

export interface MimePart {
  /** Lower-cased `type/subtype` (`text/plain` when absent, RFC 2045 §5.2). */
  contentType: string;
  /** Content-Type parameters (charset, boundary). */
  params: Record<string, string>;
  /** Lower-cased disposition (`attachment`, `inline`) or null. */
  disposition: string | null;
  /**
   * The part's file name: Content-Disposition `filename`, else Content-Type `name` (RFC 2231 parameters and
   * RFC 2047 words decoded), or null.
   */
  filename: string | null;
  /** Lower-cased Content-Transfer-Encoding (`7bit` when absent). */
  encoding: string;
  bodyStart: number;
  bodyEnd: number;
  children: MimePart[];
}

/** Guards against hostile nesting; past these the rest is treated as one opaque leaf. */
const MAX_DEPTH = 32;
const MAX_PARTS = 2000;

/** Parses the MIME tree of `buf` (a whole message). Never throws on malformed input. */
export function parseParts(buf: Buffer): MimePart {
  const budget = { parts: MAX_PARTS };
  return readPart(buf, 0, buf.length, 0, budget);
}

function readPart(buf: Buffer, start: number, end: number, depth: number, budget: { parts: number }): MimePart {
  const block = readHeaderBlock(buf, start, end);
  const ct = parseStructured(findField(block.fields, 'content-type')?.value);
  const cd = parseStructured(findField(block.fields, 'content-disposition')?.value);
  const part: MimePart = {
    contentType: ct.value.includes('/') ? ct.value : 'text/plain',
    params: ct.params,
    disposition: cd.value || null,
    filename: fileNameOf(cd.params.filename ?? ct.params.name),
    encoding: (findField(block.fields, 'content-transfer-encoding')?.value ?? '7bit').trim().toLowerCase(),
    bodyStart: block.bodyStart,
    bodyEnd: end,
    children: [],
  };
  const boundary = part.params.boundary;
  if (part.contentType.startsWith('multipart/') && boundary && depth < MAX_DEPTH) {
    for (const [s, e] of splitMultipart(buf, part.bodyStart, end, boundary)) {
      if (--budget.parts < 0) break;
      part.children.push(readPart(buf, s, e, depth + 1, budget));
    }
  }
  return part;
}

/** nodemailer turns RFC 2231 values (`filename*=utf-8''x.exe`, continuations) into RFC 2047 words; both decode here. */
const fileNameOf = (raw: string | undefined): string | null => (raw === undefined ? null : decodeWords(raw));

/** Byte ranges of the body parts between `--boundary` delimiter lines (RFC 2046 §5.1.1). */
function splitMultipart(buf: Buffer, start: number, end: number, boundary: string): [number, number][] {
  const delim = Buffer.from('--' + boundary, 'latin1');
  const ranges: [number, number][] = [];
  let partStart = -1;
  let from = start;
  while (from < end) {
    const at = buf.indexOf(delim, from);
    if (at === -1 || at + delim.length > end) break;
    from = at + 1;
    if (at !== start && buf[at - 1] !== 0x0a) continue; // not at the start of a line
    let p = at + delim.length;
    const closing = buf[p] === 0x2d && buf[p + 1] === 0x2d;
    if (closing) p += 2;
    while (p < end && (buf[p] === 0x20 || buf[p] === 0x09)) p++;
    if (p < end && buf[p] !== 0x0d && buf[p] !== 0x0a) continue; // the boundary is only a prefix here
    if (partStart !== -1) ranges.push([partStart, lineBreakBefore(buf, at, partStart)]);
    if (closing) return ranges;
    if (buf[p] === 0x0d) p++;
    if (buf[p] === 0x0a) p++;
    partStart = p;
    from = p;
  }
  if (partStart !== -1 && partStart < end) ranges.push([partStart, end]); // no closing delimiter
  return ranges;
}

/** The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1). */
function lineBreakBefore(buf: Buffer, at: number, floor: number): number {
  let e = at;
  if (e > floor && buf[e - 1] === 0x0a) e--;
  if (e > floor && buf[e - 1] === 0x0d) e--;
  return e;
}

/** Leaves in document order (multipart containers are not leaves; message/rfc822 is). */
function leaves(root: MimePart): MimePart[] {
  const out: MimePart[] = [];
  const visit = (p: MimePart) => {
    if (p.children.length) p.children.forEach(visit);
    else if (!p.contentType.startsWith('multipart/')) out.push(p);
  };
  visit(root);
  return out;
}

/**
 * Whether a leaf is an attachment rather than body text, as mailparser decides: anything that is not
 * text/plain or text/html, and text parts explicitly marked `attachment`.
 */
function isAttachment(p: MimePart): boolean {
  if (p.contentType !== 'text/plain' && p.contentType !== 'text/html') return true;
  return p.disposition === 'attachment';
}

const SNIPPET_LENGTH = 200;
/** Raw body bytes read for a snippet: enough for 200 characters after QP/base64 and markup. */
const SNIPPET_SOURCE_BYTES = 4096;
const SNIPPET_HTML_BYTES = 32768;

/** Decoded content of the first `maxSourceBytes` of a leaf (transfer encoding undone, no charset applied). */
function partContent(buf: Buffer, p: MimePart, maxSourceBytes: number): Buffer {
  const end = Math.min(p.bodyEnd, p.bodyStart + maxSourceBytes);
  const slice = buf.subarray(p.bodyStart, end);
  if (p.encoding === 'base64' && end < p.bodyEnd) {
    // Cut at a whole base64 quantum so a partial read decodes cleanly.
    const text = slice.toString('latin1').replace(/[^A-Za-z0-9+/]/g, '');
    return Buffer.from(text.slice(0, text.length - (text.length % 4)), 'base64');
  }
  return decodeTransfer(slice, p.encoding);
}

/** Text of a text leaf in its declared charset, line ends as LF (as mail clients and mailparser show it). */
function partText(buf: Buffer, p: MimePart, maxSourceBytes: number): string {
  return decodeCharset(partContent(buf, p, maxSourceBytes), p.params.charset).replace(/\r\n?/g, '\n');
}

/** The file names the message's parts carry, in document order (message/rfc822 parts are not opened). */
export function fileNames(root: MimePart): string[] {
  return leaves(root).flatMap((p) => (p.filename === null ? [] : [p.filename]));
}

/** Whether any leaf is an attachment. */
export function hasAttachments(root: MimePart): boolean {
  return leaves(root).some(isAttachment);
}

/** The first ~200 characters a reader sees: the text body, else the HTML body without markup. */
export function snippetOf(buf: Buffer, root: MimePart): string {
  const ls = leaves(root).filter((p) => !isAttachment(p));
  const text = ls.find((p) => p.contentType === 'text/plain');
  if (text) {
    const s = collapse(partText(buf, text, SNIPPET_SOURCE_BYTES));
    if (s) return clip(s);
  }
  const html = ls.find((p) => p.contentType === 'text/html');
  return html ? clip(collapse(htmlToText(partText(buf, html, SNIPPET_HTML_BYTES)))) : '';
}

/** A rough HTML-to-text for snippets: drops head/style/script, tags and comments; decodes basic entities. */
function htmlToText(html: string): string {
  return html
    .replace(/<(head|style|script|title)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n) % 0x110000))
    .replace(/&amp;/gi, '&');
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function clip(s: string): string {
  // Drop a multi-byte character cut by the partial read; count code points, not UTF-16 units.
  const chars = Array.from(s.slice(0, SNIPPET_LENGTH * 2 + 8).replace(/\uFFFD+$/, ''));
  return chars.length > SNIPPET_LENGTH ? chars.slice(0, SNIPPET_LENGTH).join('') : chars.join('');
}
