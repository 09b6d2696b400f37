// Address header values (From, To, Cc, Reply-To, Bcc) to `{name, address}` and back to display strings,
// and the headers read at accept time (addresses, Subject, Date, Message-ID) for recipients, the inbox row
// and SES event JSON. Synchronous on the ingest path for speed (≤0.5 ms CPU per SES v2 SendEmail); a
// message's detail reads its Reply-To and Cc with mailparser instead (core/messages/mail-reader.ts).
// Owns: turning header text into addresses on that path (nodemailer's RFC 5322 address parser, groups
// flattened, display names RFC 2047-decoded) and first-occurrence rules for those headers.
// Must not: validate addresses against SES rules (sending does) or read bodies.
import addressparser from 'nodemailer/lib/addressparser';
import type { Address } from '../../contract/messages';
import { decodeWords } from './decode';
import { findField, type HeaderField } from './header-block';

/** Parses an address list header value; entries without an address are dropped. */
export function parseAddressList(value: string | undefined | null): Address[] {
  if (!value) return [];
  const out: Address[] = [];
  for (const a of addressparser(value, { flatten: true })) {
    if (!a.address) continue;
    out.push({ name: a.name ? decodeWords(a.name) : '', address: a.address });
  }
  return out;
}

/**
 * The mailboxes an address list names, as text to validate: each entry's address, or what was written in
 * its place when addressparser found none (`bob` → `bob`, `<>` → ''), so nothing is silently dropped.
 * Empty groups (`undisclosed-recipients:;`) name no mailbox.
 */
export function mailboxTexts(value: string): string[] {
  return addressparser(value, { flatten: true }).map((a) => a.address || a.name.trim());
}

/**
 * The addr-specs of an address list exactly as written, for checking: split on commas outside quotes and
 * angle brackets, each mailbox's text inside its `<…>` or, without one, the whole mailbox. Unlike
 * addressparser nothing is repaired (`bo b@x` stays `bo b@x`, control characters stay). A blank list is `['']`.
 */
export function writtenAddrSpecs(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted && ch === '\\') {
      current += ch + (value[++i] ?? '');
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') angle++;
    else if (!quoted && ch === '>' && angle > 0) angle--;
    else if (!quoted && angle === 0 && ch === ',') {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  const specs = parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => /<([^<>]*)>$/.exec(p)?.[1].trim() ?? p);
  return specs.length ? specs : [''];
}

/** Parses one address as written (`Name <a@b>` or `a@b`); null when there is none. */
export function parseAddress(value: string | undefined | null): Address | null {
  return parseAddressList(value)[0] ?? null;
}

/** The bare address of `Name <a@b>`, or the input trimmed when it does not parse. */
export function bareAddress(value: string): string {
  const a = parseAddress(value);
  return a ? a.address : value.trim();
}

/** The domain of an address (after the last `@`), lower-cased; null when there is none. */
export function domainOf(address: string): string | null {
  const at = address.lastIndexOf('@');
  return at === -1 || at === address.length - 1 ? null : address.slice(at + 1).toLowerCase();
}

const NEEDS_QUOTES = /[()<>[\]:;@\\,."]/;

/** `Name <a@b>` (quoted when the name has specials) or `a@b`, the way SES lists commonHeaders. */
export function formatAddress(a: Address): string {
  if (!a.name) return a.address;
  const name = NEEDS_QUOTES.test(a.name) ? `"${a.name.replace(/(["\\])/g, '\\$1')}"` : a.name;
  return `${name} <${a.address}>`;
}

export interface CommonHeaderValues {
  from: Address[];
  to: Address[];
  cc: Address[];
  bcc: Address[];
  replyTo: Address[];
  /** Decoded subject ('' when absent). */
  subject: string;
  /** Date header as written, or null. */
  date: string | null;
  /** Message-ID header as written (with angle brackets), or null. */
  messageId: string | null;
}

const list = (fields: HeaderField[], key: string) => parseAddressList(findField(fields, key)?.value);

export function readCommonHeaders(fields: HeaderField[]): CommonHeaderValues {
  const subject = findField(fields, 'subject');
  return {
    from: list(fields, 'from'),
    to: list(fields, 'to'),
    cc: list(fields, 'cc'),
    bcc: list(fields, 'bcc'),
    replyTo: list(fields, 'reply-to'),
    subject: subject ? decodeWords(subject.value) : '',
    date: findField(fields, 'date')?.value ?? null,
    messageId: findField(fields, 'message-id')?.value ?? null,
  };
}
