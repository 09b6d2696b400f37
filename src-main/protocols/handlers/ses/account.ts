// SES v1 GetSendQuota: the engine's quota in the v1 output shape.
// Owns: the field mapping only. Must not: compute quotas (core/ does).
import type { OperationHandler } from '../../handler-types';

export const GetSendQuota: OperationHandler = (_input, ctx) => {
  const q = ctx.engine.account.quota();
  return { Max24HourSend: q.max24HourSend, MaxSendRate: q.maxSendRate, SentLast24Hours: q.sentLast24Hours };
};
