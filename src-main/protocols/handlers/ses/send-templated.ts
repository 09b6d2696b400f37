// SES v1 SendTemplatedEmail and SendBulkTemplatedEmail -> engine.sending.send / sendBulk (door ses, 10 MB).
// Owns: mapping Source/Destination/Template/TemplateArn/TemplateData/ReplyToAddresses/ReturnPath/Tags/
// ConfigurationSetName (bulk: DefaultTemplateData, DefaultTags, Destinations[{Destination, ReplacementTags,
// ReplacementTemplateData}]) onto engine requests, and v2's bulk statuses onto v1's CamelCase ones
// (`Status[{Status, Error, MessageId}]` in request order, ses-facts §A.11).
// Must not: render, check or decide anything — the engine does, and throws SesError.
import type { BulkStatus, TemplateSendContent } from '../../../core/engine-api';
import { templateErrors } from '../../../core/errors';
import { MAX_BULK_DESTINATIONS, MAX_MESSAGE_BYTES_V1 } from '../../../core/limits';
import type { OperationHandler } from '../../handler-types';
import { callerOf } from '../../handler-types';
import type { WireDestination, WireTag } from '../common';
import { compact, toDestination, toTags } from '../common';
import { sendV1, type V1SendInput } from './send-email';

/** v1's names for the v2 BulkEmailStatus values (model; ses-facts §A.11). */
const V1_BULK_STATUS: Record<BulkStatus, string> = {
  SUCCESS: 'Success',
  MESSAGE_REJECTED: 'MessageRejected',
  MAIL_FROM_DOMAIN_NOT_VERIFIED: 'MailFromDomainNotVerified',
  CONFIGURATION_SET_NOT_FOUND: 'ConfigurationSetDoesNotExist',
  TEMPLATE_NOT_FOUND: 'TemplateDoesNotExist',
  ACCOUNT_SUSPENDED: 'AccountSuspended',
  ACCOUNT_THROTTLED: 'AccountThrottled',
  ACCOUNT_DAILY_QUOTA_EXCEEDED: 'AccountDailyQuotaExceeded',
  INVALID_SENDING_POOL_NAME: 'InvalidSendingPoolName',
  ACCOUNT_SENDING_PAUSED: 'AccountSendingPaused',
  CONFIGURATION_SET_SENDING_PAUSED: 'ConfigurationSetSendingPaused',
  INVALID_PARAMETER: 'InvalidParameterValue',
  TRANSIENT_FAILURE: 'TransientFailure',
  FAILED: 'Failed',
};

interface SendTemplatedEmailInput extends V1SendInput {
  Template: string;
  TemplateArn?: string;
  TemplateData: string;
}

interface SendBulkTemplatedEmailInput {
  Source: string;
  Template: string;
  TemplateArn?: string;
  DefaultTemplateData: string;
  Destinations: { Destination: WireDestination; ReplacementTags?: WireTag[]; ReplacementTemplateData?: string }[];
  ReplyToAddresses?: string[];
  ReturnPath?: string;
  DefaultTags?: WireTag[];
  ConfigurationSetName?: string;
}

/** `Template` is required; `TemplateArn`, when given, names the same template (the name wins). */
const templateContent = (name: string, data: string): TemplateSendContent => ({ kind: 'template', name, data });

export const SendTemplatedEmail: OperationHandler = async (raw, ctx) => {
  const input = raw as unknown as SendTemplatedEmailInput;
  return sendV1(input, templateContent(input.Template, input.TemplateData), ctx);
};

export const SendBulkTemplatedEmail: OperationHandler = async (raw, ctx) => {
  const input = raw as unknown as SendBulkTemplatedEmailInput;
  if (input.Destinations.length > MAX_BULK_DESTINATIONS) throw templateErrors.tooManyDestinations(MAX_BULK_DESTINATIONS);
  const results = await ctx.engine.sending.sendBulk({
    base: compact({
      caller: callerOf(ctx),
      from: input.Source,
      replyTo: input.ReplyToAddresses,
      returnPath: input.ReturnPath,
      content: templateContent(input.Template, input.DefaultTemplateData),
      tags: toTags(input.DefaultTags),
      configurationSetName: input.ConfigurationSetName,
      maxBytes: MAX_MESSAGE_BYTES_V1,
    }),
    entries: input.Destinations.map((d) =>
      compact({
        destination: toDestination(d.Destination) ?? {},
        replacementTags: toTags(d.ReplacementTags),
        replacementData: d.ReplacementTemplateData,
      }),
    ),
  });
  return {
    Status: results.map((r) => compact({ Status: V1_BULK_STATUS[r.status], Error: r.error, MessageId: r.messageId })),
  };
};
