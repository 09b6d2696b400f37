// SES v1 identity operations: VerifyEmailIdentity, VerifyEmailAddress, VerifyDomainIdentity,
// VerifyDomainDkim, ListIdentities, ListVerifiedEmailAddresses, DeleteIdentity, DeleteVerifiedEmailAddress.
// Owns: mapping to engine.identities, ListIdentities paging (MaxItems 1-1000, opaque NextToken). The v1
// deletes succeed for identities that do not exist (the model lists no error for them).
// Must not: decide verification (core/identities does).
import { errors, validationProblems } from '../../../core/errors';
import type { IdentityType } from '../../../core/identities/api';
import type { OperationHandler } from '../../handler-types';
import { page } from '../identity-wire';

/** v1 spells identity types `EmailAddress` / `Domain`. */
const TYPES: Record<string, IdentityType> = { EmailAddress: 'EMAIL_ADDRESS', Domain: 'DOMAIN' };
const MAX_ITEMS = 1000;

export const VerifyEmailIdentity: OperationHandler = async (input, ctx) => {
  await ctx.engine.identities.verifyEmail(input.EmailAddress as string);
  return {};
};

/** The legacy action: the same as VerifyEmailIdentity, with no result element. */
export const VerifyEmailAddress: OperationHandler = async (input, ctx) => {
  await ctx.engine.identities.verifyEmail(input.EmailAddress as string);
};

export const VerifyDomainIdentity: OperationHandler = (input, ctx) => {
  const view = ctx.engine.identities.verifyDomain(input.Domain as string);
  return { VerificationToken: view.verificationToken };
};

export const VerifyDomainDkim: OperationHandler = async (input, ctx) => {
  const view = await ctx.engine.identities.verifyDomainDkim(input.Domain as string);
  return { DkimTokens: view.dkim.tokens };
};

export const ListIdentities: OperationHandler = (input, ctx) => {
  const type = typeof input.IdentityType === 'string' && Object.hasOwn(TYPES, input.IdentityType) ? TYPES[input.IdentityType] : undefined;
  if (input.IdentityType !== undefined && !type) {
    throw errors.validation([validationProblems.enumValue('identityType', String(input.IdentityType), Object.keys(TYPES))]);
  }
  const all = ctx.engine.identities.list(type).map((i) => i.identity);
  const { items, next } = page(all, input.NextToken, input.MaxItems, MAX_ITEMS);
  return { Identities: items, ...(next ? { NextToken: next } : {}) };
};

/** The legacy list: email addresses that are verified. */
export const ListVerifiedEmailAddresses: OperationHandler = (_input, ctx) => ({
  VerifiedEmailAddresses: ctx.engine.identities
    .list('EMAIL_ADDRESS')
    .filter((i) => i.verificationStatus === 'SUCCESS')
    .map((i) => i.identity),
});

export const DeleteIdentity: OperationHandler = (input, ctx) => {
  ctx.engine.identities.delete(input.Identity as string);
  return {};
};

export const DeleteVerifiedEmailAddress: OperationHandler = (input, ctx) => {
  ctx.engine.identities.delete(input.EmailAddress as string);
};
