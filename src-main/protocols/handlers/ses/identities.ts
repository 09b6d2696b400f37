// SES v1 identity operations: VerifyEmailIdentity, ListIdentities.
// Owns: mapping to engine.identities and ListIdentities paging (MaxItems 1-1000, opaque NextToken).
// Must not: decide verification (core/identities does).
import { errors, validationProblems } from '../../../core/errors';
import type { IdentityType } from '../../../core/engine-api';
import type { OperationHandler } from '../../handler-types';

/** v1 spells identity types `EmailAddress` / `Domain`. */
const TYPES: Record<string, IdentityType> = { EmailAddress: 'EMAIL_ADDRESS', Domain: 'DOMAIN' };
const MAX_ITEMS = 1000;

const encodeToken = (offset: number) => Buffer.from(`sesame:${offset}`).toString('base64');

function decodeToken(token: string): number {
  const m = /^sesame:(\d+)$/.exec(Buffer.from(token, 'base64').toString('utf8'));
  if (!m) throw errors.invalidNextToken(token);
  return Number(m[1]);
}

export const VerifyEmailIdentity: OperationHandler = (input, ctx) => {
  ctx.engine.identities.verifyEmail(input.EmailAddress as string);
  return {};
};

export const ListIdentities: OperationHandler = (input, ctx) => {
  const type = typeof input.IdentityType === 'string' && Object.hasOwn(TYPES, input.IdentityType) ? TYPES[input.IdentityType] : undefined;
  if (input.IdentityType !== undefined && !type) {
    throw errors.validation([validationProblems.enumValue('identityType', String(input.IdentityType), Object.keys(TYPES))]);
  }
  const all = ctx.engine.identities.list(type).map((i) => i.identity);
  const start = typeof input.NextToken === 'string' && input.NextToken !== '' ? decodeToken(input.NextToken) : 0;
  const max = Math.min(Math.max(typeof input.MaxItems === 'number' ? Math.trunc(input.MaxItems) : MAX_ITEMS, 1), MAX_ITEMS);
  const page = all.slice(start, start + max);
  const end = start + page.length;
  return { Identities: page, ...(end < all.length ? { NextToken: encodeToken(end) } : {}) };
};
