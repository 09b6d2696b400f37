// What a reader sees of a message: its text and HTML bodies, its attachments, and a short snippet.
// Owns: decoding the ranges parts.ts found (transfer encoding, then charset) and the cheap snippet used on
// the ingest path (it decodes at most a few KB of one part). Must not: parse headers beyond the parts.
import { decodeCharset, decodeTransfer } from './decode';
import { findField } from './header-block';
import { isAttachment, leaves, partFilename, type MimePart } from './parts';

export const SNIPPET_LENGTH = 200;
/** Raw body bytes read for a snippet: enough for 200 characters after QP/base64 and markup. */
const SNIPPET_SOURCE_BYTES = 4096;
const SNIPPET_HTML_BYTES = 32768;

export interface BodyAttachment {
  part: MimePart;
  filename: string | null;
  contentType: string;
  contentId: string | null;
  disposition: 'attachment' | 'inline' | null;
}

/** Decoded content of a leaf (transfer encoding undone, no charset applied). */
export function partContent(buf: Buffer, p: MimePart, maxSourceBytes = Infinity): Buffer {
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
export function partText(buf: Buffer, p: MimePart, maxSourceBytes = Infinity): string {
  return decodeCharset(partContent(buf, p, maxSourceBytes), p.params.charset).replace(/\r\n?/g, '\n');
}

export interface Bodies {
  text: string | null;
  html: string | null;
  attachments: BodyAttachment[];
}

/** Text and HTML bodies (inline text leaves joined in order) and the attachments, like mailparser. */
export function readBodies(buf: Buffer, root: MimePart): Bodies {
  const texts: string[] = [];
  const htmls: string[] = [];
  const attachments: BodyAttachment[] = [];
  for (const p of leaves(root)) {
    if (isAttachment(p)) attachments.push(describeAttachment(p));
    else if (p.contentType === 'text/html') htmls.push(partText(buf, p));
    else texts.push(partText(buf, p));
  }
  return {
    text: texts.length ? texts.join('\n') : null,
    html: htmls.length ? htmls.join('\n') : null,
    attachments,
  };
}

function describeAttachment(p: MimePart): BodyAttachment {
  const cid = findField(p.fields, 'content-id')?.value.replace(/^<|>$/g, '').trim() || null;
  const d = p.disposition === 'attachment' || p.disposition === 'inline' ? p.disposition : null;
  return { part: p, filename: partFilename(p), contentType: p.contentType, contentId: cid, disposition: d };
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
export function htmlToText(html: string): string {
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
