// SES v2 identities: CreateEmailIdentity, GetEmailIdentity, ListEmailIdentities, DeleteEmailIdentity.
// Owns: mapping the v2 members onto engine.identities (DkimSigningAttributes → Easy DKIM with a key length,
// or BYODKIM with selector and key) and the views back (GetEmailIdentity's members per ses-facts §A.9).
// Must not: decide anything (core/identities does) — unknown identities are NotFoundException from the engine.
import { identityErrors } from '../../../core/errors';
import type { DkimSigningInput, IdentityView } from '../../../core/identities/api';
import type { OperationHandler, WireObject } from '../../handler-types';
import { dkimAttributes, enumMember, KEY_LENGTHS, mailFromAttributes, page, verificationInfo, wireTags } from '../identity-wire';
import { toKeyTags, type WireKeyTag } from '../common';

/** At most this many per page; also the page when PageSize is absent (the model allows 0..1000). */
const MAX_PAGE_SIZE = 1000;

interface WireDkimSigningAttributes {
  DomainSigningSelector?: string;
  DomainSigningPrivateKey?: string;
  NextSigningKeyLength?: string;
  DomainSigningAttributesOrigin?: string;
}

/**
 * DkimSigningAttributes: a selector and key mean BYODKIM; otherwise Easy DKIM with NextSigningKeyLength.
 * `path` names the member in validation errors.
 */
export function toDkimSigning(attrs: WireDkimSigningAttributes | undefined, origin: string | undefined, path: string): DkimSigningInput | undefined {
  if (!attrs && !origin) return undefined;
  const external = origin === 'EXTERNAL' || (origin === undefined && (attrs?.DomainSigningSelector !== undefined || attrs?.DomainSigningPrivateKey !== undefined));
  if (external) {
    if (!attrs?.DomainSigningSelector || !attrs.DomainSigningPrivateKey) throw identityErrors.externalDkimIncomplete();
    return { origin: 'EXTERNAL', selector: attrs.DomainSigningSelector, privateKey: attrs.DomainSigningPrivateKey };
  }
  const nextKeyLength = enumMember(attrs?.NextSigningKeyLength, `${path}.nextSigningKeyLength`, KEY_LENGTHS);
  return nextKeyLength ? { origin: 'AWS_SES', nextKeyLength } : { origin: 'AWS_SES' };
}

export const CreateEmailIdentity: OperationHandler = async (input, ctx) => {
  const tags = toKeyTags(input.Tags as WireKeyTag[] | undefined);
  const view = await ctx.engine.identities.create({
    identity: input.EmailIdentity as string,
    ...(tags ? { tags } : {}),
    ...(typeof input.ConfigurationSetName === 'string' ? { configurationSet: input.ConfigurationSetName } : {}),
    ...(input.DkimSigningAttributes
      ? { dkim: toDkimSigning(input.DkimSigningAttributes as WireDkimSigningAttributes, undefined, 'dkimSigningAttributes') }
      : {}),
  });
  return {
    IdentityType: view.type,
    VerifiedForSendingStatus: view.verificationStatus === 'SUCCESS',
    ...(view.type === 'DOMAIN' ? { DkimAttributes: dkimAttributes(view) } : {}),
  };
};

function getEmailIdentityOutput(view: IdentityView): WireObject {
  return {
    IdentityType: view.type,
    FeedbackForwardingStatus: view.feedbackForwarding,
    VerifiedForSendingStatus: view.verificationStatus === 'SUCCESS',
    DkimAttributes: dkimAttributes(view),
    MailFromAttributes: mailFromAttributes(view),
    Policies: {},
    Tags: wireTags(view),
    ...(view.configurationSet !== null ? { ConfigurationSetName: view.configurationSet } : {}),
    VerificationStatus: view.verificationStatus,
    VerificationInfo: verificationInfo(view),
  };
}

export const GetEmailIdentity: OperationHandler = (input, ctx) =>
  getEmailIdentityOutput(ctx.engine.identities.require(input.EmailIdentity as string));

/** Items `{IdentityType, IdentityName, SendingEnabled, VerificationStatus}`; SendingEnabled = verified. */
export const ListEmailIdentities: OperationHandler = (input, ctx) => {
  const { items, next } = page(ctx.engine.identities.list(), input.NextToken, input.PageSize, MAX_PAGE_SIZE);
  return {
    EmailIdentities: items.map((v) => ({
      IdentityType: v.type,
      IdentityName: v.identity,
      SendingEnabled: v.verificationStatus === 'SUCCESS',
      VerificationStatus: v.verificationStatus,
    })),
    ...(next ? { NextToken: next } : {}),
  };
};

export const DeleteEmailIdentity: OperationHandler = (input, ctx) => {
  const identity = input.EmailIdentity as string;
  if (!ctx.engine.identities.delete(identity)) throw identityErrors.notFound(identity);
  return {};
};
