// SES v2 suppression list operations (ses-facts §A.12): PutSuppressedDestination, GetSuppressedDestination,
// DeleteSuppressedDestination, ListSuppressedDestinations, PutAccountSuppressionAttributes.
// Owns: mapping v2 members to engine.suppression / engine.account and the reason enum checks (the generated
// model carries no enums). Must not: decide what is listed (core/suppression does).
import { errors, suppressionErrors } from '../../../core/errors';
import type { SuppressedDestination, SuppressionReason } from '../../../core/engine-api';
import { isSuppressionReason } from '../../../core/suppression/suppression';
import type { OperationHandler } from '../../handler-types';

/** The reasons in `value`, or a validation error naming `path` (list members wrap the enum constraint). */
function reasonsOf(value: unknown, path: string): SuppressionReason[] {
  const list = (value ?? []) as unknown[];
  if (!list.every(isSuppressionReason)) throw errors.validation([suppressionErrors.reasonProblem(path, true)]);
  return list;
}

const dateOf = (ms: number) => new Date(ms);

function attributesOf(d: SuppressedDestination) {
  return {
    ...(d.messageId !== null ? { MessageId: d.messageId } : {}),
    ...(d.feedbackId !== null ? { FeedbackId: d.feedbackId } : {}),
  };
}

export const PutSuppressedDestination: OperationHandler = (input, ctx) => {
  if (!isSuppressionReason(input.Reason)) throw errors.validation([suppressionErrors.reasonProblem('reason', false)]);
  ctx.engine.suppression.put(input.EmailAddress as string, input.Reason);
  return {};
};

export const GetSuppressedDestination: OperationHandler = (input, ctx) => {
  const address = input.EmailAddress as string;
  const d = ctx.engine.suppression.get(address);
  if (!d) throw suppressionErrors.notListed(address);
  return {
    SuppressedDestination: {
      EmailAddress: d.emailAddress,
      Reason: d.reason,
      LastUpdateTime: dateOf(d.lastUpdateTime),
      Attributes: attributesOf(d),
    },
  };
};

export const DeleteSuppressedDestination: OperationHandler = (input, ctx) => {
  const address = input.EmailAddress as string;
  if (!ctx.engine.suppression.delete(address)) throw suppressionErrors.notListed(address);
  return {};
};

export const ListSuppressedDestinations: OperationHandler = (input, ctx) => {
  const page = ctx.engine.suppression.list({
    reasons: reasonsOf(input.Reasons, 'reasons'),
    ...(input.StartDate instanceof Date ? { startDate: input.StartDate.getTime() } : {}),
    ...(input.EndDate instanceof Date ? { endDate: input.EndDate.getTime() } : {}),
    ...(typeof input.NextToken === 'string' && input.NextToken !== '' ? { nextToken: input.NextToken } : {}),
    ...(typeof input.PageSize === 'number' ? { pageSize: input.PageSize } : {}),
  });
  return {
    SuppressedDestinationSummaries: page.items.map((d) => ({ EmailAddress: d.emailAddress, Reason: d.reason, LastUpdateTime: dateOf(d.lastUpdateTime) })),
    ...(page.nextToken ? { NextToken: page.nextToken } : {}),
  };
};

/** Absent SuppressedReasons is an empty list: the account-level list stops suppressing (floci [claim]; [verify]). */
export const PutAccountSuppressionAttributes: OperationHandler = (input, ctx) => {
  ctx.engine.account.update({ suppressedReasons: reasonsOf(input.SuppressedReasons, 'suppressedReasons') });
  return {};
};
