// Text decoding for mail: charsets (WHATWG TextDecoder, which Node ships with full ICU), the two MIME
// transfer encodings (RFC 2045 §6.7, §6.8) and RFC 2047 encoded words in header values
// (`=?UTF-8?Q?H=C3=A9llo?=`: adjacent words are joined — their whitespace is not content, §6.2 — and their
// bytes are joined first, so a character split across two words survives). Used by the ingest path
// (snippet, accept-time header values), which stays synchronous for speed (≤0.5 ms CPU per SES v2
// SendEmail); what a user opens is decoded by mailparser (core/messages/mail-reader.ts).
// Must not: know about header blocks, addresses or parts.

import { TextDecoder } from 'node:util';

const decoders = new Map<string, TextDecoder | null>();

function decoderFor(charset: string): TextDecoder | null {
  const label = charset.trim().toLowerCase().replace(/^(?:x-|cs)/, '');
  let d = decoders.get(label);
  if (d === undefined) {
    try {
      d = new TextDecoder(label);
    } catch {
      d = null; // unknown label: the caller falls back to UTF-8
    }
    decoders.set(label, d);
  }
  return d;
}

/** Decodes bytes in `charset` (UTF-8 when missing or unknown). Never throws. */
export function decodeCharset(bytes: Uint8Array, charset?: string | null): string {
  const c = charset?.trim().toLowerCase();
  if (!c || c === 'utf-8' || c === 'utf8' || c === 'us-ascii' || c === 'ascii') {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  const d = decoderFor(c);
  return d ? d.decode(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

const hexValue = (b: number): number => {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
};

/** Quoted-printable to bytes: `=XX` escapes and `=` soft line breaks; malformed escapes are kept literally. */
export function decodeQuotedPrintable(src: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(src.length);
  let o = 0;
  for (let i = 0; i < src.length; i++) {
    const b = src[i];
    if (b !== 0x3d) {
      out[o++] = b;
      continue;
    }
    // Soft line break: '=' then optional trailing whitespace then CRLF or LF.
    let j = i + 1;
    while (j < src.length && (src[j] === 0x20 || src[j] === 0x09)) j++;
    if (j < src.length && src[j] === 0x0d && src[j + 1] === 0x0a) {
      i = j + 1;
      continue;
    }
    if (j < src.length && src[j] === 0x0a) {
      i = j;
      continue;
    }
    if (j >= src.length) break;
    const hi = hexValue(src[i + 1] ?? 0);
    const lo = hexValue(src[i + 2] ?? 0);
    if (hi >= 0 && lo >= 0) {
      out[o++] = (hi << 4) | lo;
      i += 2;
    } else {
      out[o++] = b;
    }
  }
  return out.subarray(0, o);
}

/** Undoes a Content-Transfer-Encoding; 7bit/8bit/binary and unknown values pass through. */
export function decodeTransfer(body: Buffer, encoding: string): Buffer {
  if (encoding === 'base64') return Buffer.from(body.toString('latin1'), 'base64');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

const WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding === 'b' || encoding === 'B') return Buffer.from(text, 'base64');
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5f) out.push(0x20); // '_' is a space in Q
    else if (c === 0x3d && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(c & 0xff);
  }
  return Buffer.from(out);
}

/** Decodes every encoded word in a header value; text without `=?` is returned as is. */
export function decodeWords(value: string): string {
  if (!value.includes('=?')) return value;
  let out = '';
  let last = 0;
  let pending: { charset: string; chunks: Buffer[] } | null = null;
  const flush = () => {
    if (pending) out += decodeCharset(Buffer.concat(pending.chunks), pending.charset);
    pending = null;
  };
  for (const m of value.matchAll(WORD)) {
    const between = value.slice(last, m.index);
    const charset = m[1].split('*')[0].toLowerCase(); // RFC 2231 §5 language suffix
    const bytes = wordBytes(m[2], m[3]);
    if (pending !== null && /^\s*$/.test(between)) {
      const p: { charset: string; chunks: Buffer[] } = pending;
      if (p.charset === charset) p.chunks.push(bytes);
      else {
        flush();
        pending = { charset, chunks: [bytes] };
      }
    } else {
      flush();
      out += between;
      pending = { charset, chunks: [bytes] };
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}
