// One identity as the capability keeps it: the public view's facts plus what never leaves core — the DKIM
// private keys and the pending verification link. Owns: the `attrs_json` document's shape (reading it back
// with defaults, so older rows and hand edits never break), and deriving the view, including the one
// time-dependent rule: an email identity still PENDING when its link expires (24 hours) reads FAILED.
// Must not: touch the store or decide when statuses change (identities.ts does).
import type { IdentityRow } from '../store/identity-store';
import { DKIM_KEY_LENGTHS } from './dkim';
import type {
  BehaviorOnMxFailure,
  DkimKeyLength,
  DkimSigningKey,
  DkimSigningOrigin,
  IdentityNotifications,
  IdentityTag,
  IdentityType,
  IdentityView,
  MailFromView,
  VerificationStatus,
} from './api';

/** How long a verification link works (the email says "within 24 hours"). */
export const VERIFICATION_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export interface DkimState {
  signingEnabled: boolean;
  status: VerificationStatus;
  origin: DkimSigningOrigin;
  /** Easy DKIM: one per token; BYODKIM: the caller's one key. Their selectors are the view's tokens. */
  keys: DkimSigningKey[];
  currentKeyLength: DkimKeyLength | null;
  nextKeyLength: DkimKeyLength | null;
  lastKeyGenerationAt: number | null;
}

export interface IdentityAttrs {
  dkim: DkimState;
  mailFrom: MailFromView | null;
  feedbackForwarding: boolean;
  notifications: IdentityNotifications;
  configurationSet: string | null;
  tags: IdentityTag[];
  lastCheckedAt: number | null;
  lastSuccessAt: number | null;
  /** The verification link of an email identity awaiting it. */
  link: { token: string; expiresAt: number } | null;
}

export interface IdentityRecord {
  identity: string;
  type: IdentityType;
  status: VerificationStatus;
  verificationToken: string | null;
  createdAt: number;
  attrs: IdentityAttrs;
}

export const noDkim = (): DkimState => ({
  signingEnabled: false,
  status: 'NOT_STARTED',
  origin: 'AWS_SES',
  keys: [],
  currentKeyLength: null,
  nextKeyLength: null,
  lastKeyGenerationAt: null,
});

export const noNotifications = (): IdentityNotifications => ({
  topics: { Bounce: null, Complaint: null, Delivery: null },
  headers: { Bounce: false, Complaint: false, Delivery: false },
});

export const defaultAttrs = (): IdentityAttrs => ({
  dkim: noDkim(),
  mailFrom: null,
  feedbackForwarding: true,
  notifications: noNotifications(),
  configurationSet: null,
  tags: [],
  lastCheckedAt: null,
  lastSuccessAt: null,
  link: null,
});

const STATUSES: readonly string[] = ['PENDING', 'SUCCESS', 'FAILED', 'TEMPORARY_FAILURE', 'NOT_STARTED'];
const isStatus = (v: unknown): v is VerificationStatus => typeof v === 'string' && STATUSES.includes(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const keyLength = (v: unknown): DkimKeyLength | null => (DKIM_KEY_LENGTHS.includes(v as DkimKeyLength) ? (v as DkimKeyLength) : null);

function readDkim(v: unknown): DkimState {
  const d = obj(v);
  const keys = Array.isArray(d.keys)
    ? d.keys.map(obj).filter((k) => typeof k.selector === 'string' && typeof k.privateKeyPem === 'string' && typeof k.publicKey === 'string')
    : [];
  return {
    signingEnabled: d.signingEnabled === true,
    status: isStatus(d.status) ? d.status : 'NOT_STARTED',
    origin: d.origin === 'EXTERNAL' ? 'EXTERNAL' : 'AWS_SES',
    keys: keys as unknown as DkimSigningKey[],
    currentKeyLength: keyLength(d.currentKeyLength),
    nextKeyLength: keyLength(d.nextKeyLength),
    lastKeyGenerationAt: num(d.lastKeyGenerationAt),
  };
}

function readMailFrom(v: unknown): MailFromView | null {
  const m = obj(v);
  if (typeof m.domain !== 'string' || !isStatus(m.status) || m.status === 'NOT_STARTED') return null;
  const behavior: BehaviorOnMxFailure = m.behaviorOnMxFailure === 'REJECT_MESSAGE' ? 'REJECT_MESSAGE' : 'USE_DEFAULT_VALUE';
  return { domain: m.domain, status: m.status, behaviorOnMxFailure: behavior };
}

function readNotifications(v: unknown): IdentityNotifications {
  const topics = obj(obj(v).topics);
  const headers = obj(obj(v).headers);
  const n = noNotifications();
  for (const t of ['Bounce', 'Complaint', 'Delivery'] as const) {
    n.topics[t] = str(topics[t]);
    n.headers[t] = headers[t] === true;
  }
  return n;
}

export function readAttrs(raw: Record<string, unknown>): IdentityAttrs {
  const link = obj(raw.link);
  return {
    dkim: readDkim(raw.dkim),
    mailFrom: readMailFrom(raw.mailFrom),
    feedbackForwarding: raw.feedbackForwarding !== false,
    notifications: readNotifications(raw.notifications),
    configurationSet: str(raw.configurationSet),
    tags: Array.isArray(raw.tags)
      ? raw.tags.map(obj).filter((t) => typeof t.key === 'string' && typeof t.value === 'string').map((t) => ({ key: t.key as string, value: t.value as string }))
      : [],
    lastCheckedAt: num(raw.lastCheckedAt),
    lastSuccessAt: num(raw.lastSuccessAt),
    link: typeof link.token === 'string' && num(link.expiresAt) !== null ? { token: link.token, expiresAt: link.expiresAt as number } : null,
  };
}

export function fromRow(row: IdentityRow): IdentityRecord {
  return {
    identity: row.identity,
    type: row.type === 'DOMAIN' ? 'DOMAIN' : 'EMAIL_ADDRESS',
    status: isStatus(row.verificationStatus) ? row.verificationStatus : 'PENDING',
    verificationToken: row.verificationToken,
    createdAt: row.createdAt,
    attrs: readAttrs(row.attrs),
  };
}

export const toRow = (r: IdentityRecord): IdentityRow => ({
  identity: r.identity,
  type: r.type,
  verificationStatus: r.status,
  verificationToken: r.verificationToken,
  createdAt: r.createdAt,
  attrs: r.attrs as unknown as Record<string, unknown>,
});

/** An email identity whose link was not followed in time has failed verification. */
export function currentStatus(r: IdentityRecord, now: number): VerificationStatus {
  if (r.status === 'PENDING' && r.attrs.link && now > r.attrs.link.expiresAt) return 'FAILED';
  return r.status;
}

export function toView(r: IdentityRecord, now: number): IdentityView {
  const a = r.attrs;
  return {
    identity: r.identity,
    type: r.type,
    verificationStatus: currentStatus(r, now),
    verificationToken: r.verificationToken,
    createdAt: r.createdAt,
    dkim: {
      signingEnabled: a.dkim.signingEnabled,
      status: a.dkim.status,
      origin: a.dkim.origin,
      tokens: a.dkim.keys.map((k) => k.selector),
      currentKeyLength: a.dkim.currentKeyLength,
      nextKeyLength: a.dkim.nextKeyLength,
      lastKeyGenerationAt: a.dkim.lastKeyGenerationAt,
    },
    mailFrom: a.mailFrom && { ...a.mailFrom },
    feedbackForwarding: a.feedbackForwarding,
    notifications: { topics: { ...a.notifications.topics }, headers: { ...a.notifications.headers } },
    configurationSet: a.configurationSet,
    tags: a.tags.map((t) => ({ ...t })),
    lastCheckedAt: a.lastCheckedAt,
    lastSuccessAt: a.lastSuccessAt,
  };
}
