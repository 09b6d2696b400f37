// The header block of an RFC 5322 message, read without touching the body, on the ingest path (accept-time
// checks, X-SES-* control headers, SES's added headers, event `headers`). Hand-rolled and synchronous for
// speed — the bench budget is ≤0.5 ms CPU per SES v2 SendEmail — and because edits need byte ranges.
// The header lines a user reads in a message's detail come from mailparser (core/messages/mail-reader.ts).
// Owns: finding where the headers end, splitting fields with their byte ranges (so headers can be removed
// or added without re-encoding anything else), unfolding values, and rewriting a header block.
// Must not: decode encoded words, parse addresses or walk MIME bodies (see decode.ts, body-facts.ts).

export interface HeaderField {
  /** Name as written. */
  name: string;
  /** Lower-cased name, for lookups. */
  key: string;
  /** Unfolded value with surrounding whitespace trimmed; RFC 2047 words are left encoded. */
  value: string;
  /** Byte range of the whole field (folded lines and line break included) in the source buffer. */
  start: number;
  end: number;
}

export interface HeaderBlock {
  fields: HeaderField[];
  /** Offset of the blank line that ends the headers (the source length when there is none). */
  headerEnd: number;
  /** Offset of the first body byte. */
  bodyStart: number;
  /** The line break the block uses, for headers we add. */
  newline: '\r\n' | '\n';
}

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;

/** Reads the header block of the message (or MIME part) in `buf[start, end)`. */
export function readHeaderBlock(buf: Buffer, start = 0, end = buf.length): HeaderBlock {
  const fields: HeaderField[] = [];
  let newline: '\r\n' | '\n' | null = null;
  let pos = start;
  let current: { start: number; colon: number; end: number } | null = null;
  const flush = () => {
    if (!current) return;
    // Names are ASCII in valid mail; UTF-8 keeps an invalid one readable when an error text echoes it.
    const name = buf.toString('utf8', current.start, current.colon).trim();
    const value = buf.toString('utf8', current.colon + 1, current.end).replace(/\r?\n/g, '').trim();
    fields.push({ name, key: name.toLowerCase(), value, start: current.start, end: current.end });
    current = null;
  };
  while (pos < end) {
    const nl = buf.indexOf(LF, pos);
    const lineEnd = nl === -1 || nl >= end ? end : nl + 1;
    const contentEnd = nl === -1 || nl >= end ? end : nl > pos && buf[nl - 1] === CR ? nl - 1 : nl;
    if (newline === null && nl !== -1 && nl < end) newline = contentEnd === nl - 1 ? '\r\n' : '\n';
    if (contentEnd === pos) {
      // The blank line: headers end here.
      flush();
      return { fields, headerEnd: pos, bodyStart: lineEnd, newline: newline ?? '\r\n' };
    }
    const first = buf[pos];
    if ((first === 0x20 || first === 0x09) && current) {
      current.end = lineEnd; // a folded continuation line
    } else {
      flush();
      const colon = buf.indexOf(COLON, pos);
      // Lines without a colon (an mbox "From " line, junk) are not fields; their bytes are kept as they are.
      if (colon !== -1 && colon < contentEnd) current = { start: pos, colon, end: lineEnd };
    }
    pos = lineEnd;
  }
  flush();
  return { fields, headerEnd: end, bodyStart: end, newline: newline ?? '\r\n' };
}

/**
 * Length in bytes of the header section of `buf` (up to, not including, the blank line; the whole buffer when
 * there is none), looking at no more than `cap + 1` bytes: any answer above `cap` means "too long". A cheap
 * scan that runs before readHeaderBlock, so a huge header section is refused without being split into fields.
 */
export function headerSectionLength(buf: Buffer, cap = buf.length): number {
  if (buf[0] === LF || (buf[0] === CR && buf[1] === LF)) return 0;
  const window = buf.subarray(0, Math.min(buf.length, cap + 3));
  const ends = [window.indexOf('\n\n'), window.indexOf('\n\r\n')].filter((i) => i !== -1);
  return ends.length ? Math.min(...ends) + 1 : Math.min(buf.length, cap + 1);
}

/** The first field with this (lower-case) name. */
export function findField(fields: HeaderField[], key: string): HeaderField | undefined {
  for (const f of fields) if (f.key === key) return f;
  return undefined;
}

export interface HeaderEdit {
  /** Fields to drop (by identity). */
  remove?: HeaderField[];
  /** Whole header lines (`Name: value`, no line break) put before the first field. */
  prepend?: string[];
  /** Whole header lines put after the last field. */
  append?: string[];
}

/** Returns a copy of the message with the header block edited; body bytes are copied untouched. */
export function editHeaders(buf: Buffer, block: HeaderBlock, edit: HeaderEdit): Buffer {
  const nl = block.newline;
  const pieces: Buffer[] = [];
  if (edit.prepend?.length) pieces.push(Buffer.from(edit.prepend.map((l) => l + nl).join(''), 'utf8'));
  const removed = [...(edit.remove ?? [])].sort((a, b) => a.start - b.start);
  let pos = 0;
  for (const f of removed) {
    if (f.start > pos) pieces.push(buf.subarray(pos, f.start));
    pos = Math.max(pos, f.end);
  }
  if (block.headerEnd > pos) pieces.push(buf.subarray(pos, block.headerEnd));
  if (edit.append?.length) {
    // A header block that ends without a line break (a bodiless message) needs one before our lines.
    const last = block.headerEnd > 0 ? buf[block.headerEnd - 1] : LF;
    const lead = last === LF ? '' : nl;
    pieces.push(Buffer.from(lead + edit.append.map((l) => l + nl).join(''), 'utf8'));
  }
  if (buf.length > block.headerEnd) pieces.push(buf.subarray(Math.max(block.headerEnd, pos)));
  return Buffer.concat(pieces);
}
