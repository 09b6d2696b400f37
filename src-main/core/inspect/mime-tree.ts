// The MIME tree of a stored message, computed from its raw bytes with mailsplit (mailparser's own splitter).
// Owns: walking the raw MIME into nodes (IMAP-style part numbers, headers as mailsplit parses them, encoded and
// transfer-decoded bodies) and the MimeTree DTO with sizes and SHA-256/MD5 of each leaf's decoded content.
// Must not: parse MIME by hand, read the store (callers pass the raw bytes), or fail on broken MIME — mailsplit
// is tolerant and whatever it makes of the bytes is the answer. A message/rfc822 part with
// `Content-Disposition: attachment` stays one leaf (mailsplit does not descend into attached messages): its
// download is the whole attached .eml.
import { createHash } from 'node:crypto';
import type { Transform } from 'node:stream';
import { Splitter, type MimeNode } from '@zone-eu/mailsplit';
import type { MimePartInfo, MimeTree } from '../../contract/mime-tree';
import { summarizeIcs } from './ics';

/** One node as walked: mailsplit's node plus its body bytes (leaves only). */
export interface WalkedPart {
  path: string;
  node: MimeNode;
  depth: number;
  multipart: boolean;
  encoded: Buffer;
  decoded: Buffer;
}

/** Every node of `raw` in document order (root first). */
export async function walkMime(raw: Buffer): Promise<WalkedPart[]> {
  const nodes: { node: MimeNode; chunks: Buffer[] }[] = [];
  const byNode = new Map<MimeNode, Buffer[]>();
  await new Promise<void>((resolve, reject) => {
    const splitter = new Splitter();
    splitter.on('data', (chunk) => {
      if (chunk.type === 'node') {
        const chunks: Buffer[] = [];
        nodes.push({ node: chunk, chunks });
        byNode.set(chunk, chunks);
      } else if (chunk.type === 'body') byNode.get(chunk.node)?.push(chunk.value);
    });
    // mailsplit's typings only declare the 'data' event; it is a plain Transform otherwise.
    const stream = splitter as unknown as Transform;
    stream.once('error', reject);
    stream.once('end', () => resolve());
    splitter.end(raw);
  });
  const out: WalkedPart[] = [];
  for (const { node, chunks } of nodes) {
    const multipart = Boolean(node.multipart);
    const encoded = Buffer.concat(chunks);
    out.push({
      path: pathOf(node),
      node,
      depth: depthOf(node),
      multipart,
      encoded,
      decoded: multipart ? Buffer.alloc(0) : await decode(node, encoded),
    });
  }
  return out;
}

/** The tree DTO for `raw`. */
export async function mimeTree(messageId: string, raw: Buffer): Promise<MimeTree> {
  return treeOf(messageId, await walkMime(raw));
}

/** The tree DTO for parts already walked (walkMime), so a caller that needs both walks once. */
export function treeOf(messageId: string, parts: WalkedPart[]): MimeTree {
  const infos = parts.map(toInfo);
  const root = infos[0];
  const stack: { depth: number; info: MimePartInfo }[] = [{ depth: 0, info: root }];
  for (let i = 1; i < parts.length; i += 1) {
    while (stack.length > 1 && stack[stack.length - 1].depth >= parts[i].depth) stack.pop();
    stack[stack.length - 1].info.children.push(infos[i]);
    stack.push({ depth: parts[i].depth, info: infos[i] });
  }
  return { messageId, root, partCount: parts.length };
}

/** Leaves of `type` that are not attachments (the message's inline bodies), in document order. */
export function inlineLeaves(parts: WalkedPart[], type: string): WalkedPart[] {
  return parts.filter(
    (p) => !p.multipart && (p.node.contentType || 'text/plain').toLowerCase() === type && p.node.disposition !== 'attachment',
  );
}

/** A leaf's decoded bytes as text in its declared charset (UTF-8 when none); latin1 when the charset is unknown. */
export function partText(part: WalkedPart): string {
  try {
    return new TextDecoder((part.node.charset || 'utf-8').toLowerCase()).decode(part.decoded);
  } catch {
    return part.decoded.toString('latin1');
  }
}

function toInfo(part: WalkedPart): MimePartInfo {
  const { node } = part;
  const contentType = (node.contentType || 'text/plain').toLowerCase();
  const info: MimePartInfo = {
    path: part.path,
    contentType,
    charset: node.charset || null,
    transferEncoding: node.encoding || null,
    disposition: node.disposition || null,
    filename: node.filename || null,
    contentId: contentIdOf(node),
    encodedSize: part.encoded.length,
    decodedSize: part.decoded.length,
    sha256: part.multipart ? null : createHash('sha256').update(part.decoded).digest('hex'),
    md5: part.multipart ? null : createHash('md5').update(part.decoded).digest('hex'),
    children: [],
  };
  if (CALENDAR_TYPES.has(contentType) && !part.multipart) info.ics = summarizeIcs(part.decoded.toString('utf8'));
  return info;
}

/** Parts summarized as iCalendar (RFC 5545 registers text/calendar; application/ics is common in the wild). */
const CALENDAR_TYPES = new Set(['text/calendar', 'application/ics']);

function contentIdOf(node: MimeNode): string | null {
  const value = node.headers ? node.headers.getFirst('content-id') : '';
  const trimmed = value.trim().replace(/^<|>$/g, '').trim();
  return trimmed || null;
}

function pathOf(node: MimeNode): string {
  const nr = node.partNr;
  return Array.isArray(nr) && nr.length > 0 ? nr.join('.') : 'TEXT';
}

function depthOf(node: MimeNode): number {
  let depth = 0;
  for (let p = node.parentNode; p; p = p.parentNode) depth += 1;
  return depth;
}

/** Transfer decoding as mailsplit does it (base64, quoted-printable; others pass through). */
function decode(node: MimeNode, encoded: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const decoder = node.getDecoder();
    const out: Buffer[] = [];
    decoder.on('data', (chunk: Buffer) => out.push(chunk));
    decoder.once('error', reject);
    decoder.once('end', () => resolve(Buffer.concat(out)));
    decoder.end(encoded);
  });
}
