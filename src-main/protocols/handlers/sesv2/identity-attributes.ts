// SES v2 identity attributes: PutEmailIdentityDkimAttributes, PutEmailIdentityDkimSigningAttributes,
// PutEmailIdentityMailFromAttributes, PutEmailIdentityFeedbackAttributes,
// PutEmailIdentityConfigurationSetAttributes.
// Owns: mapping members and enums onto engine.identities. Must not: decide anything (core/identities does;
// it answers NotFoundException for unknown identities and ConfigurationSetDoesNotExist for unknown sets).
import type { OperationHandler } from '../../handler-types';
import { enumMember } from '../identity-wire';
import { toDkimSigning } from './identities';

const ORIGINS = ['AWS_SES', 'EXTERNAL'] as const;
const MX_BEHAVIORS = ['USE_DEFAULT_VALUE', 'REJECT_MESSAGE'] as const;

export const PutEmailIdentityDkimAttributes: OperationHandler = (input, ctx) => {
  ctx.engine.identities.setDkimSigningEnabled(input.EmailIdentity as string, input.SigningEnabled === true);
  return {};
};

/** Returns the DKIM status and tokens (BYODKIM: the selector). */
export const PutEmailIdentityDkimSigningAttributes: OperationHandler = async (input, ctx) => {
  const identity = input.EmailIdentity as string;
  ctx.engine.identities.require(identity);
  const origin = enumMember(input.SigningAttributesOrigin, 'signingAttributesOrigin', ORIGINS);
  const signing = toDkimSigning(input.SigningAttributes as never, origin, 'signingAttributes');
  const view = await ctx.engine.identities.setDkimSigning(identity, signing ?? { origin: 'AWS_SES' });
  return { DkimStatus: view.dkim.status, DkimTokens: [...view.dkim.tokens] };
};

/** No MailFromDomain (or an empty one) turns the custom MAIL FROM domain off. */
export const PutEmailIdentityMailFromAttributes: OperationHandler = (input, ctx) => {
  const behavior = enumMember(input.BehaviorOnMxFailure, 'behaviorOnMxFailure', MX_BEHAVIORS);
  const domain = typeof input.MailFromDomain === 'string' ? input.MailFromDomain : null;
  ctx.engine.identities.setMailFrom(input.EmailIdentity as string, domain, behavior);
  return {};
};

export const PutEmailIdentityFeedbackAttributes: OperationHandler = (input, ctx) => {
  ctx.engine.identities.setFeedbackForwarding(input.EmailIdentity as string, input.EmailForwardingEnabled === true);
  return {};
};

/** No ConfigurationSetName removes the identity's default configuration set. */
export const PutEmailIdentityConfigurationSetAttributes: OperationHandler = (input, ctx) => {
  const name = typeof input.ConfigurationSetName === 'string' && input.ConfigurationSetName !== '' ? input.ConfigurationSetName : null;
  ctx.engine.identities.setConfigurationSet(input.EmailIdentity as string, name);
  return {};
};
