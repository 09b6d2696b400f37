// SES v2 account operations besides GetAccount: PutAccountDetails (details, and the production-access
// request that opens Sesame's simulated review) and PutAccountSendingAttributes (SendingEnabled).
// Owns: mapping the v2 members onto engine.account. Must not: validate enums or decide the review
// (core/account does, and throws SesError).
import type { AccountDetailsInput } from '../../../core/account/api';
import type { OperationHandler } from '../../handler-types';
import { compact } from '../common';

interface PutAccountDetailsInput {
  MailType: string;
  WebsiteURL: string;
  ContactLanguage?: string;
  UseCaseDescription?: string;
  AdditionalContactEmailAddresses?: string[];
  ProductionAccessEnabled?: boolean;
}

export const PutAccountDetails: OperationHandler = (input, ctx) => {
  const i = input as unknown as PutAccountDetailsInput;
  const details: AccountDetailsInput = compact({
    mailType: i.MailType,
    websiteUrl: i.WebsiteURL,
    contactLanguage: i.ContactLanguage,
    useCaseDescription: i.UseCaseDescription,
    additionalContactEmailAddresses: i.AdditionalContactEmailAddresses,
    productionAccessEnabled: i.ProductionAccessEnabled,
  });
  ctx.engine.account.putDetails(details);
  return {};
};

/** `SendingEnabled` absent leaves sending as it is [verify: the model makes it optional and says no default]. */
export const PutAccountSendingAttributes: OperationHandler = (input, ctx) => {
  if (typeof input.SendingEnabled === 'boolean') ctx.engine.account.update({ sendingEnabled: input.SendingEnabled });
  return {};
};
