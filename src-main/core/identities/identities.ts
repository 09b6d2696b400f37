// SES identities: email addresses and domains, per region (ses-facts §A.9), and their verification as a user
// lives it. An email identity starts PENDING and SES's verification email lands in the inbox; following its
// link (within 24 hours) verifies it. A domain starts PENDING with Easy DKIM (three tokens, key pairs kept)
// or BYODKIM; publishing its records to Sesame's local zone verifies it. With auto-verify on, everything is
// SUCCESS at once (domains are published to the zone) and no email is sent.
// Owns: creating/deleting identities, their attributes (DKIM, MAIL FROM, feedback, default configuration
// set, tags), statuses, the verification link, the local zone, and the sending questions the gate asks.
// Must not: decide the order of the sending checks (sending/authorize.ts does) or speak a wire format.
import { createHash } from 'node:crypto';
import type { AccountService } from '../account/api';
import type { Clock } from '../clock';
import type { ConfigurationSetService } from '../config-sets/api';
import { errors, identityErrors } from '../errors';
import type { Ids } from '../ids';
import type { SystemMail } from '../messages/system-mail';
import type { Db } from '../store/database';
import { createIdentityRowStore, createZoneRowStore } from '../store/identity-store';
import type { DkimSigningInput, IdentityService, IdentityType, VerificationStatus } from './api';
import { coveringCandidates, coveringIdentity } from './covering';
import { DEFAULT_DKIM_KEY_LENGTH, dkimState, easyDkimKeys, readExternalKey } from './dkim';
import { isAtOrBelow, isDomainName, baseDomainOf, normalizeIdentity, parseIdentityName } from './names';
import { currentStatus, defaultAttrs, fromRow, toRow, toView, VERIFICATION_LINK_TTL_MS, type DkimState, type IdentityRecord } from './record';
import { VERIFICATION_FROM_ADDRESS, VERIFICATION_KIND, verificationEmail } from './verification-email';
import { createLocalZone, identityRecords, mailFromMx, publishedRecords } from './zone';

export type { IdentityService };
export { normalizeIdentity };

/** Where the verification link leads on the AWS port (adapters/aws-endpoint/verify-email.ts serves it). */
export const VERIFY_EMAIL_PATH = '/_sesame/verify-email';

export interface IdentityDeps {
  db: Db;
  region: string;
  clock: Clock;
  ids: Ids;
  account: Pick<AccountService, 'autoVerify'>;
  configurationSets: Pick<ConfigurationSetService, 'get'>;
  systemMail: SystemMail;
  /** The verification link for a token (the AWS endpoint's origin is known only once it listens). */
  verifyEmailUrl(token: string): string;
}

export function createIdentities(deps: IdentityDeps): IdentityService {
  const { region, clock, ids, account, configurationSets, systemMail } = deps;
  const rows = createIdentityRowStore(deps.db);
  const zoneRows = createZoneRowStore(deps.db);
  const zone = createLocalZone(zoneRows);
  // Every send looks up its sender's identities (up to one per domain level); this process is the only
  // writer, so an in-memory copy of the (small) table stays exact.
  const cache = new Map(rows.list().map((r) => [r.identity, fromRow(r)]));
  const save = (r: IdentityRecord) => {
    rows.put(toRow(r));
    cache.set(r.identity, r);
    return toView(r, clock.now());
  };
  const find = (identity: string) => cache.get(normalizeIdentity(identity));
  const need = (identity: string) => find(identity) ?? throwNotFound(identity);
  /** A 44-character base64 token like SES's `_amazonses` TXT value, from the injected id source. */
  const domainToken = () => createHash('sha256').update(ids.uuid()).digest('base64');
  const linkToken = () => createHash('sha256').update(`link:${ids.uuid()}`).digest('base64url');

  function markChecked(r: IdentityRecord, status: VerificationStatus) {
    const now = clock.now();
    r.status = status;
    r.attrs.lastCheckedAt = now;
    if (status === 'SUCCESS') r.attrs.lastSuccessAt = now;
  }

  function newRecord(identity: string, type: IdentityType): IdentityRecord {
    const r: IdentityRecord = {
      identity,
      type,
      status: 'PENDING',
      verificationToken: type === 'DOMAIN' ? domainToken() : null,
      createdAt: clock.now(),
      attrs: defaultAttrs(),
    };
    if (account.autoVerify()) markChecked(r, 'SUCCESS');
    return r;
  }

  /** Writes the domain's records into the local zone and marks everything it verifies SUCCESS. */
  function publish(r: IdentityRecord) {
    zoneRows.replaceFor(r.identity, publishedRecords(r, region));
    markChecked(r, 'SUCCESS');
    if (r.attrs.dkim.keys.length) r.attrs.dkim.status = 'SUCCESS';
    if (r.attrs.mailFrom) r.attrs.mailFrom.status = 'SUCCESS';
  }

  /** A new verification link, saved, and SES's email carrying it captured in the inbox. */
  async function sendVerificationEmail(r: IdentityRecord): Promise<void> {
    const at = clock.now();
    const token = linkToken();
    r.status = 'PENDING';
    r.attrs.link = { token, expiresAt: at + VERIFICATION_LINK_TTL_MS };
    save(r);
    const mime = verificationEmail({ to: r.identity, region, link: deps.verifyEmailUrl(token), at, seed: ids.uuid() });
    await systemMail.capture({ kind: VERIFICATION_KIND, mailFrom: VERIFICATION_FROM_ADDRESS, rcptTo: [r.identity], mime, relatedId: null });
  }

  const easyDkim = async (length = DEFAULT_DKIM_KEY_LENGTH) =>
    dkimState('AWS_SES', await easyDkimKeys(ids, length), length, length, clock.now(), account.autoVerify());
  const externalDkim = ({ selector, privateKey }: Extract<DkimSigningInput, { origin: 'EXTERNAL' }>) => {
    const { length, ...key } = readExternalKey(selector, privateKey);
    return dkimState('EXTERNAL', [key], length, null, clock.now(), account.autoVerify());
  };

  /** Saves a change; under auto-verify a domain's records are in the zone, so they are republished first. */
  const commit = (r: IdentityRecord) => {
    if (account.autoVerify() && r.type === 'DOMAIN') publish(r);
    return save(r);
  };

  const assertConfigurationSet = (name: string) => {
    if (!configurationSets.get(name)) throw errors.configurationSetDoesNotExist(name);
  };

  return {
    async verifyEmail(address) {
      const { identity, type } = parseIdentityName(address);
      if (type !== 'EMAIL_ADDRESS') throw identityErrors.invalidEmail(address);
      const existing = cache.get(identity);
      const now = clock.now();
      // A verified address stays verified; one pending, failed or expired gets a new link [verify].
      if (existing && currentStatus(existing, now) === 'SUCCESS') return toView(existing, now);
      const r = existing ?? newRecord(identity, type);
      if (account.autoVerify()) {
        markChecked(r, 'SUCCESS');
        return save(r);
      }
      await sendVerificationEmail(r);
      return toView(r, clock.now());
    },

    verifyDomain(domain) {
      const { identity, type } = parseIdentityName(domain);
      if (type !== 'DOMAIN') throw identityErrors.invalidDomain(domain);
      const existing = cache.get(identity);
      if (existing) {
        if (existing.verificationToken) return toView(existing, clock.now());
        existing.verificationToken = domainToken();
        return commit(existing);
      }
      return commit(newRecord(identity, type));
    },

    async verifyDomainDkim(domain) {
      const { identity, type } = parseIdentityName(domain);
      if (type !== 'DOMAIN') throw identityErrors.invalidDomain(domain);
      const before = cache.get(identity);
      if (before?.attrs.dkim.origin === 'AWS_SES' && before.attrs.dkim.keys.length) return toView(before, clock.now());
      const dkim = await easyDkim();
      const r = cache.get(identity) ?? newRecord(identity, type);
      r.attrs.dkim = dkim;
      return commit(r);
    },

    async create(input) {
      const { identity, type } = parseIdentityName(input.identity);
      if (cache.has(identity)) throw identityErrors.alreadyExists(identity);
      if (input.configurationSet !== undefined) assertConfigurationSet(input.configurationSet);
      if (input.dkim && type !== 'DOMAIN') throw identityErrors.dkimDomainsOnly(identity);
      let dkim: DkimState | null = null;
      if (type === 'DOMAIN') {
        dkim = input.dkim?.origin === 'EXTERNAL' ? externalDkim(input.dkim) : await easyDkim(input.dkim?.nextKeyLength);
        // Key generation awaited: another call may have created it meanwhile.
        if (cache.has(identity)) throw identityErrors.alreadyExists(identity);
      }
      const r = newRecord(identity, type);
      if (dkim) r.attrs.dkim = dkim;
      r.attrs.tags = (input.tags ?? []).map((t) => ({ key: t.key, value: t.value }));
      r.attrs.configurationSet = input.configurationSet ?? null;
      if (type === 'DOMAIN' || account.autoVerify()) return commit(r);
      await sendVerificationEmail(r);
      return toView(r, clock.now());
    },

    delete(identity) {
      const r = find(identity);
      if (!r) return false;
      rows.delete(r.identity);
      zoneRows.deleteFor(r.identity);
      cache.delete(r.identity);
      return true;
    },

    list: (type) => [...cache.values()].filter((r) => !type || r.type === type).map((r) => toView(r, clock.now())),
    get: (identity) => {
      const r = find(identity);
      return r && toView(r, clock.now());
    },
    require: (identity) => toView(need(identity), clock.now()),

    setDkimSigningEnabled(identity, enabled) {
      const r = need(identity);
      r.attrs.dkim.signingEnabled = enabled;
      return save(r);
    },

    async setDkimSigning(identity, input) {
      const r0 = need(identity);
      if (r0.type !== 'DOMAIN') throw identityErrors.dkimDomainsOnly(r0.identity);
      const current = r0.attrs.dkim;
      if (input.origin === 'AWS_SES' && current.origin === 'AWS_SES' && current.keys.length) {
        // Already Easy DKIM: only the next key length changes (SES rotates keys on its own schedule).
        if (input.nextKeyLength) current.nextKeyLength = input.nextKeyLength;
        return save(r0);
      }
      const dkim = input.origin === 'EXTERNAL' ? externalDkim(input) : await easyDkim(input.nextKeyLength);
      const r = need(identity);
      r.attrs.dkim = dkim;
      return commit(r);
    },

    setMailFrom(identity, domain, behavior) {
      const r = need(identity);
      if (domain === null || domain.trim() === '') {
        r.attrs.mailFrom = null;
        return save(r);
      }
      const mailFrom = normalizeIdentity(domain);
      const parent = baseDomainOf(r.identity);
      if (!isDomainName(mailFrom) || mailFrom === parent || !isAtOrBelow(mailFrom, parent)) throw identityErrors.mailFromNotSubdomain(domain, parent);
      // SES finds the MX once it is published; Sesame's zone may already hold it.
      const published = zone.resolve(mailFrom, 'MX').includes(mailFromMx(region));
      r.attrs.mailFrom = {
        domain: mailFrom,
        status: published || account.autoVerify() ? 'SUCCESS' : 'PENDING',
        behaviorOnMxFailure: behavior ?? r.attrs.mailFrom?.behaviorOnMxFailure ?? 'USE_DEFAULT_VALUE',
      };
      return commit(r);
    },

    setFeedbackForwarding(identity, enabled) {
      const r = need(identity);
      r.attrs.feedbackForwarding = enabled;
      return save(r);
    },

    setNotificationTopic(identity, type, topicArn) {
      const r = need(identity);
      r.attrs.notifications.topics[type] = topicArn;
      return save(r);
    },

    setHeadersInNotifications(identity, type, enabled) {
      const r = need(identity);
      r.attrs.notifications.headers[type] = enabled;
      return save(r);
    },

    setConfigurationSet(identity, name) {
      const r = need(identity);
      if (name !== null) assertConfigurationSet(name);
      r.attrs.configurationSet = name;
      return save(r);
    },

    setVerificationStatus(identity, status) {
      const r = need(identity);
      markChecked(r, status);
      r.attrs.link = null; // a status set by hand does not expire
      if (r.type === 'DOMAIN' && r.attrs.dkim.keys.length) r.attrs.dkim.status = status;
      if (r.attrs.mailFrom && status !== 'NOT_STARTED') r.attrs.mailFrom.status = status;
      return save(r);
    },

    confirmEmail(token) {
      const r = [...cache.values()].find((c) => c.attrs.link?.token === token);
      if (!r) return { outcome: 'unknown' };
      if (currentStatus(r, clock.now()) === 'FAILED' && r.status === 'PENDING') {
        markChecked(r, 'FAILED');
        save(r);
        return { outcome: 'expired', identity: r.identity };
      }
      if (r.status !== 'SUCCESS') {
        markChecked(r, 'SUCCESS');
        save(r);
      }
      return { outcome: 'verified', identity: r.identity };
    },

    dnsRecords: (identity) => identityRecords(need(identity), region),

    publishToZone(domain) {
      const r = need(domain);
      if (r.type !== 'DOMAIN') throw identityErrors.invalidDomain(r.identity);
      publish(r);
      return save(r);
    },

    zone,
    signingKeys: (identity) => (find(identity)?.attrs.dkim.keys ?? []).map((k) => ({ ...k })),

    verifiedFor: (address) =>
      coveringIdentity(address, (i) => {
        const r = cache.get(i);
        return r !== undefined && currentStatus(r, clock.now()) === 'SUCCESS';
      }),
    attributedTo: (address) => coveringIdentity(address, (i) => cache.has(i)) ?? address,
    defaultConfigurationSet: (identity) => find(identity)?.attrs.configurationSet ?? null,

    assertMailFrom(sender) {
      for (const c of coveringCandidates(sender)) {
        const mf = cache.get(c)?.attrs.mailFrom;
        if (!mf) continue;
        if (mf.behaviorOnMxFailure === 'REJECT_MESSAGE' && mf.status !== 'SUCCESS') throw identityErrors.mailFromNotVerified(mf.domain);
        return;
      }
    },

    reset() {
      rows.clear();
      zoneRows.clear();
      cache.clear();
    },
  };
}

function throwNotFound(identity: string): never {
  throw identityErrors.notFound(identity);
}
