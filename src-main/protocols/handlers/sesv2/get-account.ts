// SES v2 GetAccount: the engine's account view in the v2 output shape (ses-facts §A.8). `Details` appears
// only after PutAccountDetails, with ReviewDetails {Status, CaseId} once production access was requested.
// Owns: the field mapping only. Must not: compute quotas or state (core/account does).
import type { AccountDetails } from '../../../core/account/api';
import type { OperationHandler, WireObject } from '../../handler-types';

function detailsOut(d: AccountDetails): WireObject {
  return {
    MailType: d.mailType,
    WebsiteURL: d.websiteUrl,
    ...(d.contactLanguage !== null ? { ContactLanguage: d.contactLanguage } : {}),
    ...(d.useCaseDescription !== null ? { UseCaseDescription: d.useCaseDescription } : {}),
    ...(d.additionalContactEmailAddresses.length ? { AdditionalContactEmailAddresses: [...d.additionalContactEmailAddresses] } : {}),
    ...(d.review ? { ReviewDetails: { Status: d.review.status, CaseId: d.review.caseId } } : {}),
  };
}

export const GetAccount: OperationHandler = (_input, ctx) => {
  const a = ctx.engine.account.get();
  return {
    DedicatedIpAutoWarmupEnabled: a.dedicatedIpAutoWarmupEnabled,
    EnforcementStatus: a.enforcementStatus,
    ProductionAccessEnabled: a.productionAccessEnabled,
    SendQuota: {
      Max24HourSend: a.sendQuota.max24HourSend,
      MaxSendRate: a.sendQuota.maxSendRate,
      SentLast24Hours: a.sendQuota.sentLast24Hours,
    },
    SendingEnabled: a.sendingEnabled,
    SuppressionAttributes: { SuppressedReasons: [...a.suppressedReasons] },
    ...(a.details ? { Details: detailsOut(a.details) } : {}),
  };
};
