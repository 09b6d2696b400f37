// Which identity covers an address (ses-facts §A.9): the exact address, the address without its +label
// (once sender@example.com is verified, sender+label@example.com may send), its domain, then each parent
// domain (a verified domain covers its subdomains — the AWS doc's answer; §D.1 notes floci's dissent).
// Domains are case-insensitive; the local part keeps its case.
// Must not: know about storage or statuses — callers pass the predicate.
import { domainOf } from '../mime/addresses';

/** The candidates for `address`, most specific first. */
export function coveringCandidates(address: string): string[] {
  const at = address.lastIndexOf('@');
  const normalized = at === -1 ? address.toLowerCase() : address.slice(0, at + 1) + address.slice(at + 1).toLowerCase();
  const out = [normalized];
  const unlabelled = normalized.replace(/^([^@+]+)\+[^@]*@/, '$1@');
  if (unlabelled !== normalized) out.push(unlabelled);
  let domain = domainOf(normalized);
  while (domain) {
    out.push(domain);
    const dot = domain.indexOf('.');
    domain = dot === -1 ? null : domain.slice(dot + 1);
  }
  return out;
}

/** The first candidate `accept` says yes to, or null. */
export function coveringIdentity(address: string, accept: (identity: string) => boolean): string | null {
  for (const c of coveringCandidates(address)) if (accept(c)) return c;
  return null;
}
