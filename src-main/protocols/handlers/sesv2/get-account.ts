// SES v2 GetAccount: the engine's account view in the v2 output shape.
// Owns: the field mapping only. Must not: compute quotas or state (core/account does).
import type { OperationHandler } from '../../handler-types';

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
  };
};
