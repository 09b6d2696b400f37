// SES v1 account operations: GetSendQuota, GetAccountSendingEnabled, UpdateAccountSendingEnabled.
// Owns: the field mapping only. Must not: compute quotas or decide pauses (core/account does).
import type { OperationHandler } from '../../handler-types';

export const GetSendQuota: OperationHandler = (_input, ctx) => {
  const q = ctx.engine.account.quota();
  return { Max24HourSend: q.max24HourSend, MaxSendRate: q.maxSendRate, SentLast24Hours: q.sentLast24Hours };
};

/** `Enabled` is the switch UpdateAccountSendingEnabled sets; an enforcement pause (SHUTDOWN) is reported by v2 GetAccount. */
export const GetAccountSendingEnabled: OperationHandler = (_input, ctx) => ({ Enabled: ctx.engine.account.get().sendingEnabled });

/** No output shape (only ResponseMetadata). `Enabled` absent leaves sending as it is [verify]. */
export const UpdateAccountSendingEnabled: OperationHandler = (input, ctx) => {
  if (typeof input.Enabled === 'boolean') ctx.engine.account.update({ sendingEnabled: input.Enabled });
};
