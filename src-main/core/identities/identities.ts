// SES identities: email addresses and domains, per region (ses-facts §A.9).
// Owns: creating them (v1 VerifyEmailIdentity/VerifyDomainIdentity, v2 CreateEmailIdentity), the name rules
// (domains are case-insensitive and stored lower-case; an address's local part keeps its case) and the
// legacy domain verification token. Verification is automatic (SUCCESS) in this issue; a later one adds
// PENDING and DNS checks. Must not: decide who may send (sending/checks.ts does).
import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import type { Ids } from '../ids';
import type { IdentityStore } from '../store/types';
import type { IdentityService, IdentityView } from './api';
import { coveringIdentity } from './covering';

export type { IdentityService };

/** `Local@Example.COM` → `Local@example.com`; a domain → lower case. */
export function normalizeIdentity(identity: string): string {
  const s = identity.trim();
  const at = s.lastIndexOf('@');
  return at === -1 ? s.toLowerCase() : s.slice(0, at + 1) + s.slice(at + 1).toLowerCase();
}

export function createIdentities(store: IdentityStore, clock: Clock, ids: Ids): IdentityService {
  /** A 44-character base64 token like SES's `_amazonses` TXT value, from the injected id source. */
  const token = () => createHash('sha256').update(ids.uuid()).digest('base64');
  // Every send looks up its sender's identities (up to one per domain level); this process is the only
  // writer, so an in-memory copy of the (small) table stays exact.
  const cache = new Map(store.list().map((v) => [v.identity, v]));
  const insert = (v: IdentityView) => {
    const stored = store.insertIfAbsent(v);
    cache.set(stored.identity, stored);
    return stored;
  };
  return {
    verifyEmail: (address) => {
      const identity = normalizeIdentity(address);
      return (
        cache.get(identity) ??
        insert({ identity, type: 'EMAIL_ADDRESS', verificationStatus: 'SUCCESS', verificationToken: null, createdAt: clock.now() })
      );
    },
    verifyDomain: (domain) => {
      const identity = normalizeIdentity(domain);
      return (
        cache.get(identity) ??
        insert({ identity, type: 'DOMAIN', verificationStatus: 'SUCCESS', verificationToken: token(), createdAt: clock.now() })
      );
    },
    list: (type) => store.list(type),
    get: (identity) => cache.get(normalizeIdentity(identity)),
    verifiedFor: (address) => coveringIdentity(address, (i) => cache.get(i)?.verificationStatus === 'SUCCESS'),
    attributedTo: (address) => coveringIdentity(address, (i) => cache.has(i)) ?? address,
    defaultConfigurationSet: () => null,
    reset: () => {
      store.clear();
      cache.clear();
    },
  };
}
