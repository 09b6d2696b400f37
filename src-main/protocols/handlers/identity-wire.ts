// Identity views in the SES wire shapes, shared by the v1 and v2 identity handlers (ses-facts §A.9).
// Owns: v2 DkimAttributes / MailFromAttributes / VerificationInfo, v1's CamelCase spelling of statuses
// and MAIL FROM behaviour, enum checks on input members, the v1 identity lookups (existing, mapOf) and list paging.
// Must not: decide anything (core/identities does).
import type { Engine } from '../../core/engine-api';
import { errors, identityErrors, validationProblems } from '../../core/errors';
import type { BehaviorOnMxFailure, DkimKeyLength, IdentityView, VerificationStatus } from '../../core/identities/api';
import { decodePageToken, encodePageToken } from '../../core/paging';
import type { WireObject } from '../handler-types';
import { fromKeyTags } from './common';

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
  const problems: string[] = [];
  const member = validationProblems.checkEnum(value, path, allowed, problems);
  if (problems.length) throw errors.validation(problems);
  return member;
}

/** The identity, or identityErrors.unknownIdentity (the v1 Set* actions). */
export function existing(engine: Engine, identity: string): IdentityView {
  const view = engine.identities.get(identity);
  if (!view) throw identityErrors.unknownIdentity(identity);
  return view;
}

/** `{identity as asked: value}` for every asked identity that exists (the v1 Get*Attributes maps). */
export function mapOf(engine: Engine, identities: unknown, value: (v: IdentityView) => WireObject): WireObject {
  const out: WireObject = {};
  for (const asked of identities as string[]) {
    const view = engine.identities.get(asked);
    if (view) out[asked] = value(view);
  }
  return out;
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

export const wireTags = (v: IdentityView) => fromKeyTags(v.tags);

// Paging: the token is an offset in the list, wrapped so callers treat it as opaque (core/paging).
function decodeToken(token: string): number {
  const offset = decodePageToken(token);
  if (offset === undefined) throw errors.invalidNextToken(token);
  return offset;
}

/** One page of `all` from the NextToken, `size` clamped to 1..max (absent or 0: max). */
export function page<T>(all: T[], nextToken: unknown, size: unknown, max: number): { items: T[]; next?: string } {
  const start = typeof nextToken === 'string' && nextToken !== '' ? decodeToken(nextToken) : 0;
  const n = typeof size === 'number' && size >= 1 ? Math.min(Math.trunc(size), max) : max;
  const items = all.slice(start, start + n);
  const end = start + items.length;
  return end < all.length ? { items, next: encodePageToken(end) } : { items };
}
