// The MIME side of open and click tracking: finds the HTML body parts of a message (text/html leaves not
// marked as attachments, in any multipart nesting — text parts and attachments are left alone), undoes
// their transfer encoding, lets the HTML rewrite run on the bytes (as a binary string, so any charset
// passes through), and writes each part back in its own encoding (quoted-printable and base64 re-encoded
// at 76 columns; 7bit/8bit/binary as they are, unless a rewritten line would pass 998 octets — that part
// becomes quoted-printable, its Content-Transfer-Encoding header the only one touched) with the message's own
// line breaks.
// SES notes that 8-bit content may not be preserved when it modifies a body [doc send-email-raw]; here it is
// unless a line grows too long. Owns: that splice. Must not: decide what to track, or touch anything but HTML
// body parts (and, for an over-long line, that part's Content-Transfer-Encoding).
import { encode as base64Encode, wrap as base64Wrap } from 'nodemailer/lib/base64';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';
import { parseParts, type MimePart } from '../mime/body-facts';
import { decodeTransfer } from '../mime/decode';
import { findField, readHeaderBlock } from '../mime/header-block';

/** An HTML body part as the rewrite sees it: the decoded bytes as a binary string, and its charset. */
export type HtmlPartRewrite = (binary: string, charset: string | undefined) => string;

interface HtmlLeaf {
  part: MimePart;
  /** Where the part's own header block starts (after its boundary line; 0 for a single-part message). */
  headerStart: number;
}

function htmlLeaves(buf: Buffer, root: MimePart): HtmlLeaf[] {
  const out: HtmlLeaf[] = [];
  const visit = (p: MimePart, headerStart: number) => {
    if (p.children.length) {
      const delimiter = Buffer.from(`--${p.params.boundary}`, 'latin1');
      for (const c of p.children) {
        const at = buf.lastIndexOf(delimiter, c.bodyStart);
        const lineEnd = at < 0 ? -1 : buf.indexOf(0x0a, at);
        visit(c, lineEnd < 0 || lineEnd >= c.bodyStart ? c.bodyStart : lineEnd + 1);
      }
    } else if (p.contentType === 'text/html' && p.disposition !== 'attachment') out.push({ part: p, headerStart });
  };
  visit(root, 0);
  return out;
}

/** RFC 5322 §2.1.1: lines of at most 998 octets; a 7bit/8bit part that would pass it goes quoted-printable. */
const MAX_LINE = 998;
const tooLong = (binary: string) => binary.split(/\r?\n/).some((l) => l.length > MAX_LINE);

/** The header edit that makes a part quoted-printable: its Content-Transfer-Encoding replaced, or one added. */
function toQuotedPrintable(buf: Buffer, leaf: HtmlLeaf): { start: number; end: number; text: Buffer } {
  const block = readHeaderBlock(buf, leaf.headerStart, leaf.part.bodyStart);
  const text = Buffer.from(`Content-Transfer-Encoding: quoted-printable${block.newline}`, 'latin1');
  const cte = findField(block.fields, 'content-transfer-encoding');
  return cte ? { start: cte.start, end: cte.end, text } : { start: block.headerEnd, end: block.headerEnd, text };
}

const lineBreakOf = (body: Buffer): string => {
  const lf = body.indexOf(0x0a);
  return lf > 0 && body[lf - 1] === 0x0d ? '\r\n' : lf >= 0 ? '\n' : '\r\n';
};

function encodeBody(bytes: Buffer, encoding: string, eol: string): Buffer {
  if (encoding === 'base64') {
    const text = base64Wrap(base64Encode(bytes), 76);
    return Buffer.from(text.replace(/\r?\n/g, eol), 'latin1');
  }
  if (encoding === 'quoted-printable') {
    return Buffer.from(qpWrap(qpEncode(bytes), 76).replace(/\r?\n/g, eol), 'latin1');
  }
  return bytes;
}

/**
 * `buf` with every HTML body part passed through `rewrite`; the same Buffer when no part changed.
 * A base64 part keeps its trailing line break (encoders end the last line without one).
 */
export function rewriteHtmlParts(buf: Buffer, rewrite: HtmlPartRewrite): Buffer {
  const pieces: Buffer[] = [];
  let last = 0;
  for (const leaf of htmlLeaves(buf, parseParts(buf))) {
    const p = leaf.part;
    const body = buf.subarray(p.bodyStart, p.bodyEnd);
    const decoded = decodeTransfer(body, p.encoding);
    const before = decoded.toString('latin1');
    const after = rewrite(before, p.params.charset);
    if (after === before) continue;
    const eol = lineBreakOf(body);
    let encoding = p.encoding;
    if (encoding !== 'base64' && encoding !== 'quoted-printable' && tooLong(after)) {
      const edit = toQuotedPrintable(buf, leaf);
      pieces.push(buf.subarray(last, edit.start), edit.text);
      last = edit.end;
      encoding = 'quoted-printable';
    }
    let encoded = encodeBody(Buffer.from(after, 'latin1'), encoding, eol);
    if (encoding === 'base64' && /\r?\n$/.test(body.toString('latin1'))) encoded = Buffer.concat([encoded, Buffer.from(eol)]);
    pieces.push(buf.subarray(last, p.bodyStart), encoded);
    last = p.bodyEnd;
  }
  if (!pieces.length) return buf;
  pieces.push(buf.subarray(last));
  return Buffer.concat(pieces);
}
