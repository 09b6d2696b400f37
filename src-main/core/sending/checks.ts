// What SES checks before it accepts a send, and in which order: the one place that order lives. Raw sends
// (v1 SendRawEmail, v2 Content.Raw, SMTP DATA) and Simple sends (v1 SendEmail, v2 Content.Simple) both go
// through checkSend; draft.ts only says where each fact comes from. The order follows ses-facts §A.3 "order
// of checks" and §D.6 (syntax → tags → addresses → recipient count → configuration set → template → identity
// → quota, as far as the evidence goes; tags before identities is AWS-recorded). Texts live in core/errors.ts.
//   0. (the protocol layer first: Smithy/Coral member validation, e.g. a tag without a Name)
//   1. the request and the message itself: v2 Simple.Headers → size (v1 10 MB, v2 and SMTP 40 MB; nothing
//      is read from a message that is too big) → header section size → header names and single-occurrence
//      headers, field by field → raw mail's own From header → a sender at all
//   2. message tags (the API's, else X-SES-MESSAGE-TAGS): tag by tag, the name before the value
//   3. address syntax: the sender, then every recipient, then Reply-To and the return path
//   4. recipient count: To + Cc + Bcc at most 50, and at least one
//   5. content SES will not carry: blocked attachment extensions (MessageRejected; its place is [verify])
// Then the gate (authorize.ts): account paused → configuration set → identities → sandbox → rate and quota.
// Every check throws before anything is stored, emitted or counted.
// Must not: know identities, quotas or configuration sets; compose, parse MIME or persist anything.
import type { MessageTag } from '../engine-api';
import { addressErrors, errors, headerErrors, limitErrors } from '../errors';
import {
  BLOCKED_ATTACHMENT_EXTENSIONS,
  MAX_HEADER_FIELD_CHARS,
  MAX_HEADER_NAME_CHARS,
  MAX_HEADER_SECTION_BYTES,
  MAX_HEADER_VALUE_CHARS,
  MAX_RECIPIENTS,
  MAX_SIMPLE_HEADERS,
  MAX_TAG_NAME_CHARS,
  MAX_TAG_VALUE_CHARS,
  SINGLE_OCCURRENCE_HEADERS,
} from '../limits';
import { writtenAddrSpecs } from '../mime/addresses';
import { headerSectionLength } from '../mime/header-block';

/** What the checks read from a send. Functions are called only when their step comes, at most once. */
export interface SendFacts {
  /** v2 Simple.Headers as the caller gave them (Simple sends only). */
  simpleHeaders?: readonly { name: string; value: string }[];
  /** The message as SES measures and reads it: raw mail as sent, Simple content as composed. */
  message: Buffer;
  maxBytes: number;
  /** The header fields of `message` as written (names trimmed, lower-cased `key`). */
  fields(): readonly { name: string; key: string }[];
  /** Raw mail must carry a From header of its own; Simple mail gets the one SES writes. */
  fromHeaderRequired: boolean;
  /** The sender as given: Source / FromEmailAddress / MAIL FROM, else raw mail's From address. */
  sender(): string | null | undefined;
  /** The tags that apply: the API's, else the X-SES-MESSAGE-TAGS header's. */
  tags(): readonly MessageTag[];
  /** Recipient mailbox texts, as written (mailboxesOf, or raw mail's To/Cc/Bcc). */
  recipients(): string[];
  /** Reply-To and return path, as given. */
  others: readonly string[];
  /** File names of the message's attachments (and any other part that names a file). */
  fileNames(): readonly string[];
}

/** Runs every check in SES's order (header comment); returns the sender and recipients it checked. */
export function checkSend(f: SendFacts): { source: string; recipients: string[] } {
  // 1. The request and the message itself.
  checkSimpleHeaders(f.simpleHeaders);
  checkSize(f.message.length, f.maxBytes);
  if (headerSectionLength(f.message, MAX_HEADER_SECTION_BYTES) > MAX_HEADER_SECTION_BYTES) throw limitErrors.headerSectionTooLong();
  const fields = f.fields();
  checkHeaderNames(fields);
  if (f.fromHeaderRequired && !fields.some((h) => h.key === 'from')) throw errors.missingFrom();
  const source = f.sender();
  checkSender(source);
  // 2. Tags.
  checkTags(f.tags());
  // 3. Address syntax.
  const recipients = f.recipients();
  checkAddresses(source, recipients, f.others);
  // 4. Recipient count.
  checkRecipients(recipients);
  // 5. Content.
  checkFileNames(f.fileNames());
  return { source, recipients };
}

export function checkSize(size: number, maxBytes: number): void {
  if (size > maxBytes) throw errors.messageTooLong(maxBytes, size);
}

/** A sender is required: the API's Source/FromEmailAddress, or for raw mail its From header. */
export function checkSender(from: string | null | undefined): asserts from is string {
  if (!from || !from.trim()) throw errors.missingFrom();
}

// Printable US-ASCII except ':' (RFC 5322 ftext), which is what the model doc asks of a header name.
const HEADER_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

/** v2 Simple.Headers: count, name, no line breaks, value length, field length (ses-facts §A.6). */
export function checkSimpleHeaders(headers: readonly { name: string; value: string }[] | undefined): void {
  if (!headers?.length) return;
  if (headers.length > MAX_SIMPLE_HEADERS) throw headerErrors.tooMany(MAX_SIMPLE_HEADERS);
  for (const { name, value } of headers) {
    if (name.length > MAX_HEADER_NAME_CHARS || !HEADER_NAME.test(name)) throw headerErrors.badName(name, MAX_HEADER_NAME_CHARS);
    // A line break would end the header and let the value write headers (or the body) of its own.
    if (/[\r\n]/.test(value)) throw headerErrors.lineBreak(name);
    if (value.length > MAX_HEADER_VALUE_CHARS) throw headerErrors.valueTooLong(name, MAX_HEADER_VALUE_CHARS);
    if (name.length + value.length > MAX_HEADER_FIELD_CHARS) throw headerErrors.fieldTooLong(name, MAX_HEADER_FIELD_CHARS);
  }
}

/**
 * A message's header names, in order: each is the text before its line's first ':' and must be ftext
 * (`:x` → "Empty header names are illegal."; body text in the header section → "Illegal header '…'.");
 * a single-occurrence field given twice → "Duplicate header '<the second one's name as written>'.".
 */
export function checkHeaderNames(fields: readonly { name: string; key: string }[]): void {
  const seen = new Set<string>();
  for (const { name, key } of fields) {
    if (name === '') throw limitErrors.emptyHeaderName();
    if (!HEADER_NAME.test(name)) throw limitErrors.illegalHeader(name);
    if (!SINGLE_OCCURRENCE_HEADERS.has(key)) continue;
    if (seen.has(key)) throw limitErrors.duplicateHeader(name);
    seen.add(key);
  }
}

const TAG_NAME = /^[A-Za-z0-9_-]+$/;
const TAG_VALUE = /^[A-Za-z0-9_.@-]+$/;
/** SES's own tag names (`ses:feedback-id-a`) pass: the prefix is not checked (ses-facts §A.3). */
const SES_TAG_PREFIX = 'ses:';

/** Message tags, one by one, each name before its value (ses-facts §A.3, §A.10). */
export function checkTags(tags: readonly MessageTag[]): void {
  for (const { name, value } of tags) {
    if (!name) throw limitErrors.tagNameMissing();
    if (name.length > MAX_TAG_NAME_CHARS) throw limitErrors.tagNameTooLong(MAX_TAG_NAME_CHARS);
    if (!TAG_NAME.test(name.startsWith(SES_TAG_PREFIX) ? name.slice(SES_TAG_PREFIX.length) : name)) throw limitErrors.tagNameInvalid(name);
    if (!value) throw limitErrors.tagValueMissing();
    if (value.length > MAX_TAG_VALUE_CHARS) throw limitErrors.tagValueTooLong(MAX_TAG_VALUE_CHARS);
    if (!TAG_VALUE.test(value)) throw limitErrors.tagValueInvalid(value);
  }
}

/**
 * API address entries (ToAddresses, Source, ReplyTo…; each `a@b`, `Name <a@b>` or a comma list) as the
 * addresses they name, as written: nothing repaired or dropped, so checkAddresses sees what SES would.
 */
export const mailboxesOf = (entries: readonly string[] | undefined): string[] => (entries ?? []).flatMap(writtenAddrSpecs);

// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const CONTROL_OR_SPACE = /[\x00-\x20\x7f]/;

function checkMailbox(text: string): void {
  if (text === '') throw addressErrors.empty();
  const at = text.lastIndexOf('@');
  if (at === -1) throw addressErrors.missingFinalDomain();
  if (at === 0) throw addressErrors.missingLocalName();
  if (at === text.length - 1) throw addressErrors.missingDomain();
  const local = text.slice(0, at);
  const quoted = local.length > 1 && local.startsWith('"') && local.endsWith('"'); // `"a b"@c` is a valid address
  if (!quoted && CONTROL_OR_SPACE.test(local)) throw addressErrors.localWhitespace();
  if (CONTROL_OR_SPACE.test(text.slice(at + 1))) throw addressErrors.domainWhitespace();
}

/**
 * Address syntax, sender first: `source` as given (display name allowed), `recipients` as mailbox texts
 * (mailboxesOf, or a raw message's To/Cc/Bcc), `others` as given (Reply-To, return path). Nothing is
 * filtered: a malformed entry refuses the send (ses-facts §A.3).
 */
export function checkAddresses(source: string, recipients: readonly string[], others: readonly string[] = []): void {
  for (const m of mailboxesOf([source])) checkMailbox(m);
  for (const m of recipients) checkMailbox(m);
  for (const m of mailboxesOf(others)) checkMailbox(m);
}

/** To + Cc + Bcc ≤ 50 and at least one (ses-facts §A.10). */
export function checkRecipients(recipients: string[]): void {
  if (recipients.length > MAX_RECIPIENTS) throw errors.recipientCount(MAX_RECIPIENTS);
  if (recipients.length === 0) throw errors.noRecipients();
}

/**
 * Blocked attachment extensions (ses-facts §A.10), case-insensitive. Trailing dots and spaces are ignored, as
 * Windows ignores them when it opens `x.exe.` [verify: how SES reads such names is not recorded].
 */
export function checkFileNames(names: readonly string[]): void {
  for (const name of names) {
    const bare = name.replace(/[.\s]+$/, '');
    const dot = bare.lastIndexOf('.');
    if (dot !== -1 && BLOCKED_ATTACHMENT_EXTENSIONS.has(bare.slice(dot + 1).toLowerCase())) throw limitErrors.blockedAttachment(name);
  }
}

export function identityArn(region: string, accountId: string, identity: string): string {
  return `arn:aws:ses:${region}:${accountId}:identity/${identity}`;
}
