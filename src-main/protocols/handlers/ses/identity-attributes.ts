// SES v1 identity attributes: GetIdentityVerificationAttributes, GetIdentityDkimAttributes,
// SetIdentityDkimEnabled, SetIdentityMailFromDomain, GetIdentityMailFromDomainAttributes.
// Owns: the v1 maps keyed by the identity as the caller wrote it. Identities that do not exist are left out
// of the Get* maps (ses-facts §D.11: SES's answer for them is not recorded; omission is the choice [verify]);
// the Set* actions refuse them (identityErrors.unknownIdentity).
// Must not: decide anything (core/identities does).
import type { OperationHandler } from '../../handler-types';
import { enumMember, existing, mapOf, V1_MX_BEHAVIOR, V1_MX_BEHAVIOR_NAME, V1_STATUS } from '../identity-wire';

/** VerificationToken is reported for domains only (ses-facts §A.9, LocalStack's AWS-validated test). */
export const GetIdentityVerificationAttributes: OperationHandler = (input, ctx) => ({
  VerificationAttributes: mapOf(ctx.engine, input.Identities, (v) => ({
    VerificationStatus: V1_STATUS[v.verificationStatus],
    ...(v.type === 'DOMAIN' && v.verificationToken ? { VerificationToken: v.verificationToken } : {}),
  })),
});

export const GetIdentityDkimAttributes: OperationHandler = (input, ctx) => ({
  DkimAttributes: mapOf(ctx.engine, input.Identities, (v) => ({
    DkimEnabled: v.dkim.signingEnabled,
    DkimVerificationStatus: V1_STATUS[v.dkim.status],
    ...(v.dkim.tokens.length ? { DkimTokens: [...v.dkim.tokens] } : {}),
  })),
});

export const SetIdentityDkimEnabled: OperationHandler = (input, ctx) => {
  const view = existing(ctx.engine, input.Identity as string);
  ctx.engine.identities.setDkimSigningEnabled(view.identity, input.DkimEnabled as boolean);
  return {};
};

/** No MailFromDomain (or an empty one) turns the custom MAIL FROM domain off. */
export const SetIdentityMailFromDomain: OperationHandler = (input, ctx) => {
  const view = existing(ctx.engine, input.Identity as string);
  const behavior = enumMember(input.BehaviorOnMXFailure, 'behaviorOnMXFailure', Object.keys(V1_MX_BEHAVIOR));
  const domain = typeof input.MailFromDomain === 'string' ? input.MailFromDomain : null;
  ctx.engine.identities.setMailFrom(view.identity, domain, behavior === undefined ? undefined : V1_MX_BEHAVIOR[behavior]);
  return {};
};

/** Without a custom MAIL FROM domain only the behaviour is reported (as v2 does) [verify]. */
export const GetIdentityMailFromDomainAttributes: OperationHandler = (input, ctx) => ({
  MailFromDomainAttributes: mapOf(ctx.engine, input.Identities, (v) =>
    v.mailFrom
      ? {
          MailFromDomain: v.mailFrom.domain,
          MailFromDomainStatus: V1_STATUS[v.mailFrom.status],
          BehaviorOnMXFailure: V1_MX_BEHAVIOR_NAME[v.mailFrom.behaviorOnMxFailure],
        }
      : { BehaviorOnMXFailure: 'UseDefaultValue' },
  ),
});
