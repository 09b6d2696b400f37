// Identity views in the SES wire shapes, shared by the v1 and v2 identity handlers (ses-facts §A.9).
// Owns: v2 DkimAttributes / MailFromAttributes / VerificationInfo, v1's CamelCase spelling of statuses
// and MAIL FROM behaviour, enum checks on input members, and the opaque list paging token.
// Must not: decide anything (core/identities does).
import type { BehaviorOnMxFailure, DkimKeyLength, IdentityView, VerificationStatus } from '../../core/identities/api';
import { errors, validationProblems } from '../../core/errors';
import type { WireObject } from '../handler-types';

/** v1 spells statuses `Pending|Success|Failed|TemporaryFailure|NotStarted`. */
export const V1_STATUS: Record<VerificationStatus, string> = {
  PENDING: 'Pending',
  SUCCESS: 'Success',
  FAILED: 'Failed',
  TEMPORARY_FAILURE: 'TemporaryFailure',
  NOT_STARTED: 'NotStarted',
};

/** v1 `BehaviorOnMXFailure` values and their v2 names. */
export const V1_MX_BEHAVIOR: Record<string, BehaviorOnMxFailure> = { UseDefaultValue: 'USE_DEFAULT_VALUE', RejectMessage: 'REJECT_MESSAGE' };
export const V1_MX_BEHAVIOR_NAME: Record<BehaviorOnMxFailure, string> = { USE_DEFAULT_VALUE: 'UseDefaultValue', REJECT_MESSAGE: 'RejectMessage' };

/** The value if it is one of `allowed`, else a Coral-style enum validation error naming `path`. */
export function enumMember<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw errors.validation([validationProblems.enumValue(path, String(value), [...allowed])]);
}

export const KEY_LENGTHS: readonly DkimKeyLength[] = ['RSA_1024_BIT', 'RSA_2048_BIT'];

const date = (ms: number | null) => (ms === null ? undefined : new Date(ms));

/** v2 DkimAttributes (GetEmailIdentity, CreateEmailIdentity). */
export function dkimAttributes(v: IdentityView): WireObject {
  const d = v.dkim;
  const out: WireObject = { SigningEnabled: d.signingEnabled, Status: d.status };
  if (d.tokens.length) out.Tokens = [...d.tokens];
  out.SigningAttributesOrigin = d.origin;
  if (d.nextKeyLength) out.NextSigningKeyLength = d.nextKeyLength;
  if (d.currentKeyLength) out.CurrentSigningKeyLength = d.currentKeyLength;
  if (d.lastKeyGenerationAt !== null) out.LastKeyGenerationTimestamp = date(d.lastKeyGenerationAt);
  return out;
}

/**
 * v2 MailFromAttributes. Without a custom MAIL FROM domain SES reports only the behaviour
 * (`{"BehaviorOnMxFailure": "USE_DEFAULT_VALUE"}`, as in the AWS CLI's get-email-identity example) [verify].
 */
export function mailFromAttributes(v: IdentityView): WireObject {
  if (!v.mailFrom) return { BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' };
  return { MailFromDomain: v.mailFrom.domain, MailFromDomainStatus: v.mailFrom.status, BehaviorOnMxFailure: v.mailFrom.behaviorOnMxFailure };
}

/** A domain that failed its DNS check names why (VerificationError); the reasons are Sesame's picks [verify]. */
const ERROR_TYPE: Partial<Record<VerificationStatus, string>> = { FAILED: 'TYPE_NOT_FOUND', TEMPORARY_FAILURE: 'DNS_SERVER_ERROR' };

export function verificationInfo(v: IdentityView): WireObject {
  const out: WireObject = {};
  if (v.lastCheckedAt !== null) out.LastCheckedTimestamp = date(v.lastCheckedAt);
  if (v.lastSuccessAt !== null) out.LastSuccessTimestamp = date(v.lastSuccessAt);
  const error = v.type === 'DOMAIN' ? ERROR_TYPE[v.verificationStatus] : undefined;
  if (error) out.ErrorType = error;
  return out;
}

export const wireTags = (v: IdentityView) => v.tags.map((t) => ({ Key: t.key, Value: t.value }));

// Paging: the token is an offset in the list, wrapped so callers treat it as opaque.
const encodeToken = (offset: number) => Buffer.from(`sesame:${offset}`).toString('base64');

function decodeToken(token: string): number {
  const m = /^sesame:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!m) throw errors.invalidNextToken(token);
  return Number(m[1]);
}

/** One page of `all` from the NextToken, `size` clamped to 1..max (absent or 0: max). */
export function page<T>(all: T[], nextToken: unknown, size: unknown, max: number): { items: T[]; next?: string } {
  const start = typeof nextToken === 'string' && nextToken !== '' ? decodeToken(nextToken) : 0;
  const n = typeof size === 'number' && size >= 1 ? Math.min(Math.trunc(size), max) : max;
  const items = all.slice(start, start + n);
  const end = start + items.length;
  return end < all.length ? { items, next: encodeToken(end) } : { items };
}
