// Identity names as SES reads them (ses-facts §A.9): a string with `@` is an email address, anything else a
// domain; domains compare case-insensitively and are kept lower case; an address's local part keeps its case.
// Owns: normalising, telling the type, and refusing names that are neither (texts in errors.ts
// identityErrors). Must not: know whether an identity exists or is verified.
import { identityErrors } from '../errors';
import type { IdentityType } from './api';

/** `Local@Example.COM` → `Local@example.com`; a domain → lower case (a trailing root dot dropped). */
export function normalizeIdentity(identity: string): string {
  const s = identity.trim();
  const at = s.lastIndexOf('@');
  return at === -1 ? s.toLowerCase().replace(/\.$/, '') : s.slice(0, at + 1) + s.slice(at + 1).toLowerCase();
}

export const identityTypeOf = (identity: string): IdentityType => (identity.includes('@') ? 'EMAIL_ADDRESS' : 'DOMAIN');

/** Letters, digits and hyphens per label (underscores allowed, as SES accepts `_dmarc`-style names), ≤ 63 each, ≤ 253 in all. */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

export function isDomainName(name: string): boolean {
  if (name.length === 0 || name.length > 253) return false;
  return name.split('.').every((l) => LABEL.test(l));
}

/** The identity as stored, with its type; throws InvalidParameterValue for a name that is neither. */
export function parseIdentityName(raw: string): { identity: string; type: IdentityType } {
  const identity = normalizeIdentity(raw);
  const type = identityTypeOf(identity);
  if (type === 'DOMAIN') {
    if (!isDomainName(identity)) throw identityErrors.invalidDomain(raw);
    return { identity, type };
  }
  const at = identity.lastIndexOf('@');
  const local = identity.slice(0, at);
  const domain = identity.slice(at + 1);
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (local === '' || /[\s\x00-\x1f\x7f]/.test(local) || !isDomainName(domain)) throw identityErrors.invalidEmail(raw);
  return { identity, type };
}

/** The domain an identity lives under: the domain itself, or the address's domain. */
export function baseDomainOf(identity: string): string {
  const at = identity.lastIndexOf('@');
  return at === -1 ? identity : identity.slice(at + 1);
}

/** `sub.example.com` is `example.com` or below it. */
export function isAtOrBelow(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}
