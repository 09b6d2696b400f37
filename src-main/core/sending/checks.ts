// What SES checks before it accepts a send, in the order it checks. The observed order on AWS is syntax →
// tags → addresses → recipient count → configuration set → template → identity → quota (ses-facts §A.3,
// §D.6); size is checked first here because nothing else should be read from a message that is too big.
// Owns: size, sender present, recipient count (texts live in core/errors.ts), and which verified identity
// authorizes a sender — the seam where the sending-rules issue adds "Email address is not verified…"
// (errors.notVerified), sandbox recipients, configuration sets and quotas. In this issue every identity is
// auto-verified, so the identity only names `mail.sourceArn`. Lookup order: the exact address, the address
// without its +label, its domain, then parent domains (a verified domain covers its subdomains; §A.9).
// Must not: throw for identities yet.
import { errors } from '../errors';
import type { IdentityView } from '../engine-api';
import { MAX_RECIPIENTS } from '../limits';
import { domainOf } from '../mime/addresses';

export function checkSize(size: number, maxBytes: number): void {
  if (size > maxBytes) throw errors.messageTooLong(maxBytes, size);
}

/** A sender is required: the API's Source/FromEmailAddress, or for raw mail its From header. */
export function checkSender(from: string | null | undefined): asserts from is string {
  if (!from || !from.trim()) throw errors.missingFrom();
}

/** To + Cc + Bcc ≤ 50 and at least one (ses-facts §A.10). */
export function checkRecipients(recipients: string[]): void {
  if (recipients.length > MAX_RECIPIENTS) throw errors.recipientCount(MAX_RECIPIENTS);
  if (recipients.length === 0) throw errors.noRecipients();
}

export interface IdentityLookup {
  get(identity: string): IdentityView | undefined;
}

/** The identity SES would bill the send to; the address itself when nothing is registered. */
export function authorizingIdentity(identities: IdentityLookup, address: string): string {
  if (identities.get(address)) return address;
  // Once sender@example.com is verified, sender+label@example.com may send too (ses-facts §A.9).
  const unlabelled = address.replace(/^([^@+]+)\+[^@]*@/, '$1@');
  if (unlabelled !== address && identities.get(unlabelled)) return unlabelled;
  let domain = domainOf(address);
  while (domain) {
    if (identities.get(domain)) return domain;
    const dot = domain.indexOf('.');
    domain = dot === -1 ? null : domain.slice(dot + 1);
  }
  return address;
}

export function identityArn(region: string, accountId: string, identity: string): string {
  return `arn:aws:ses:${region}:${accountId}:identity/${identity}`;
}
