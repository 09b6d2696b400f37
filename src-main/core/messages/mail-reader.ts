// Stored MIME read back the way a recipient's tooling reads it: mailparser's `simpleParser`, once per
// request, nothing cached. Everything a user sees of a message's structure — header lines, text, HTML,
// attachments and their Content-ID/disposition, Reply-To and Cc — comes from here.
// Owns: the parser options for each use (derive only what that use reads), and turning mailparser's output
// into the contract's shapes.
// Must not: read MIME structure by hand (core/mime/ is the ingest path's header-and-snippet reader, kept
// hand-rolled for speed, never a second parser for views), touch the store, or format HTTP.
// libmime is mailparser's own header decoder (same version, pinned in package.json), used directly so
// header lines decode exactly as mailparser decodes Subject.
import libmime from 'libmime';
import { simpleParser, type AddressObject, type Attachment, type EmailAddress, type ParsedMail, type SimpleParserOptions } from 'mailparser';
import type { Address, AttachmentInfo, HeaderLine } from '../../contract/messages';

/**
 * For the detail view. `keepCidLinks`: the HTML keeps its `cid:` references (the preview points them at
 * attachment URLs, adapters/ui-api/html-preview.ts) instead of growing every detail by its images as
 * `data:` URLs. `skipHtmlToText`: `text` is the message's own plain-text parts, so HTML-only mail has none
 * and the UI can say so. Text-to-HTML stays on although `textAsHtml` is never read: mailparser also uses it
 * to put text/plain parts that sit outside multipart/alternative into `html`, and skipping it would drop
 * them from the preview (mailparser's option docs: `skipTextToHtml` "leave[s] plain text parts out of html").
 */
const DETAIL: SimpleParserOptions = { keepCidLinks: true, skipHtmlToText: true, checksumAlgo: false };

/**
 * For Body{text_part, html_part} of composed sends and for attachment downloads: no derived text or HTML
 * is read. (Composed mail keeps text and HTML in one multipart/alternative, so its `html` is the same.)
 */
const BODIES: SimpleParserOptions = { ...DETAIL, skipTextToHtml: true, skipTextLinks: true };

/**
 * Stored MIME that mailparser refuses (past its limits: 1,000 MIME parts, 1 MB of headers in one part —
 * messages Sesame accepts). The message itself is intact: its raw source can still be served.
 */
export class UnreadableMessageError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`mailparser cannot read this message (${reason}); its raw source is still available.`, { cause });
    this.name = 'UnreadableMessageError';
  }
}

async function parse(raw: Buffer, options: SimpleParserOptions): Promise<ParsedMail> {
  try {
    return await simpleParser(raw, options);
  } catch (err) {
    throw new UnreadableMessageError(err);
  }
}

export const readForDetail = (raw: Buffer): Promise<ParsedMail> => parse(raw, DETAIL);
export const readBodies = (raw: Buffer): Promise<ParsedMail> => parse(raw, BODIES);

/** The plain-text body, or null when there is no text/plain part (skipHtmlToText leaves '' for HTML-only mail). */
export const textOf = (mail: ParsedMail): string | null => (mail.text ? mail.text : null);

/** The HTML body (never `textAsHtml`), or null when there is no text/html part. */
export const htmlOf = (mail: ParsedMail): string | null => (typeof mail.html === 'string' ? mail.html : null);

/**
 * One header line as a user reads it: name as written, value unfolded and RFC 2047-decoded, as mailparser
 * decodes Subject. mailsplit hands header bytes over as a binary string; like mailparser, read them as UTF-8.
 */
function headerLine(line: string): HeaderLine {
  const text = Buffer.from(line, 'latin1').toString('utf8');
  const colon = text.indexOf(':');
  const lib = libmime;
  const { value } = lib.decodeHeader(text);
  let decoded = value;
  try {
    decoded = lib.decodeWords(value);
  } catch {
    // an undecodable word stays as written, as mailparser keeps such a Subject
  }
  return { name: (colon === -1 ? text : text.slice(0, colon)).trim(), value: decoded };
}

/** The top-level header lines, in order, one entry per field. */
export const headerLinesOf = (mail: ParsedMail): HeaderLine[] => (mail.headerLines ?? []).map((h) => headerLine(h.line));

function flatten(list: EmailAddress[], out: Address[]): Address[] {
  for (const a of list) {
    if (a.group) flatten(a.group, out);
    else if (a.address) out.push({ name: a.name, address: a.address });
  }
  return out;
}

/** Mailboxes of an address header (every occurrence, groups flattened, entries without an address dropped). */
export function addressesOf(header: AddressObject | AddressObject[] | undefined): Address[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return objects.reduce<Address[]>((out, o) => flatten(o.value, out), []);
}

function dispositionOf(a: Attachment): AttachmentInfo['disposition'] {
  const d = a.contentDisposition?.toLowerCase();
  return d === 'attachment' || d === 'inline' ? d : null;
}

/** mailparser's attachments, in its order; `contentId` without angle brackets (mailparser's `cid`). */
export const attachmentInfos = (mail: ParsedMail): AttachmentInfo[] =>
  mail.attachments.map((a, index) => ({
    index,
    filename: a.filename ?? null,
    contentType: a.contentType,
    size: a.size,
    contentId: a.cid ?? null,
    disposition: dispositionOf(a),
  }));
