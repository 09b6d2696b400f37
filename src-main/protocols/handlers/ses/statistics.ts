// SES v1 GetSendStatistics: one SendDataPoint per 15-minute interval with activity over the last two weeks
// (ses-facts §A.8), from the statistics ledger (core/metrics). DeliveryAttempts = recipients sent to; Bounces =
// Permanent plus Transient bounces (SES reports a soft bounce only once it gave up retrying, which is when
// Sesame records a Transient bounce) [verify]; Complaints; Rejects (recipients of rejected messages).
// Owns: the field mapping only. Must not: count (core/metrics does).
import type { OperationHandler } from '../../handler-types';

export const GetSendStatistics: OperationHandler = (_input, ctx) => ({
  SendDataPoints: ctx.engine.metrics.sendStatistics().map((p) => ({
    Timestamp: new Date(p.timestamp),
    DeliveryAttempts: p.deliveryAttempts,
    Bounces: p.bounces,
    Complaints: p.complaints,
    Rejects: p.rejects,
  })),
});
