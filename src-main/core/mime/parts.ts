// The MIME tree of a message as byte ranges (RFC 2045/2046), built synchronously without copying bodies.
// Owns: splitting multiparts on their boundaries, each part's type, disposition and transfer encoding
// (structured values with RFC 2231 parameters: nodemailer's parser yields encoded words, decoded here),
// and the rule for which leaves are body text and which are attachments (mailparser's rule).
// Must not: decode charsets of whole messages eagerly — callers decode only the ranges they need.
import { readHeaderBlock, findField, type HeaderField } from './header-block';
import { parseHeaderValue } from 'nodemailer/lib/mime-funcs';
import { decodeWords } from './decode';

export interface StructuredValue {
  /** Lower-cased main value (`text/plain`, `attachment`), '' when absent. */
  value: string;
  /** Parameters by lower-cased name, decoded. */
  params: Record<string, string>;
}

export function parseStructured(raw: string | undefined | null): StructuredValue {
  if (!raw) return { value: '', params: {} };
  const parsed = parseHeaderValue(raw);
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed.params)) params[k] = typeof v === 'string' ? decodeWords(v) : String(v);
  return { value: parsed.value.trim().toLowerCase(), params };
}

export interface MimePart {
  fields: HeaderField[];
  /** Lower-cased `type/subtype` (`text/plain` when absent, RFC 2045 §5.2). */
  contentType: string;
  /** Content-Type parameters (charset, boundary, name). */
  params: Record<string, string>;
  /** Lower-cased disposition (`attachment`, `inline`) or null. */
  disposition: string | null;
  dispositionParams: Record<string, string>;
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
    fields: block.fields,
    contentType: ct.value.includes('/') ? ct.value : 'text/plain',
    params: ct.params,
    disposition: cd.value || null,
    dispositionParams: cd.params,
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
export function leaves(root: MimePart): MimePart[] {
  const out: MimePart[] = [];
  const visit = (p: MimePart) => {
    if (p.children.length) p.children.forEach(visit);
    else if (!p.contentType.startsWith('multipart/')) out.push(p);
  };
  visit(root);
  return out;
}

/** The part's file name (Content-Disposition filename, else Content-Type name), or null. */
export function partFilename(p: MimePart): string | null {
  return p.dispositionParams.filename || p.params.name || null;
}

/**
 * Whether a leaf is an attachment rather than body text, as mailparser decides: anything that is not
 * text/plain or text/html, and text parts explicitly marked `attachment`.
 */
export function isAttachment(p: MimePart): boolean {
  if (p.contentType !== 'text/plain' && p.contentType !== 'text/html') return true;
  return p.disposition === 'attachment';
}
