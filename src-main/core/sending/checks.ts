// What SES checks before it accepts a send, in the order it checks. The observed order on AWS is syntax →
// tags → addresses → recipient count → configuration set → template → identity → quota (ses-facts §A.3,
// §D.6); size is checked first here because nothing else should be read from a message that is too big.
// Owns: size, v2 Simple.Headers limits, sender present, address syntax (sender, recipients, Reply-To,
// return path) and recipient count (texts live in core/errors.ts). Identities, the sandbox, configuration
// sets and quotas are the gate's (authorize.ts), which runs after these.
import { addressErrors, errors, headerErrors } from '../errors';
import { MAX_HEADER_FIELD_CHARS, MAX_HEADER_NAME_CHARS, MAX_HEADER_VALUE_CHARS, MAX_RECIPIENTS, MAX_SIMPLE_HEADERS } from '../limits';
import { writtenAddrSpecs } from '../mime/addresses';

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
 * The parties of a send in SES's order: sender present, address syntax (sender, recipients, Reply-To and
 * return path), then the recipient count. One place, so raw and Simple sends can't drift apart.
 */
export function checkParties(
  source: string | null | undefined,
  recipients: string[],
  others: readonly string[],
): asserts source is string {
  checkSender(source);
  checkAddresses(source, recipients, others);
  checkRecipients(recipients);
}

export function identityArn(region: string, accountId: string, identity: string): string {
  return `arn:aws:ses:${region}:${accountId}:identity/${identity}`;
}
