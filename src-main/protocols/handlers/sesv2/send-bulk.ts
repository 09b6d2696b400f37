// SES v2 SendBulkEmail -> engine.sending.sendBulk (door sesv2, 40 MB per message).
// Owns: mapping DefaultContent.Template, DefaultEmailTags, FromEmailAddress, ReplyToAddresses,
// FeedbackForwardingEmailAddress, ConfigurationSetName and BulkEmailEntries[{Destination, ReplacementTags,
// ReplacementEmailContent.ReplacementTemplate.ReplacementTemplateData, ReplacementHeaders}] onto the engine's
// bulk request, and `BulkEmailEntryResults[{Status, Error, MessageId}]` back in request order.
// Must not: render, check or decide anything — the engine does (core/sending/bulk.ts).
import { templateErrors } from '../../../core/errors';
import { MAX_BULK_DESTINATIONS, MAX_MESSAGE_BYTES_V2 } from '../../../core/limits';
import type { OperationHandler } from '../../handler-types';
import { callerOf } from '../../handler-types';
import type { WireDestination, WireTag } from '../common';
import { compact, toDestination, toHeaders, toTags } from '../common';
import { templateSendContent, type WireTemplate } from './send-email';

interface SendBulkEmailInput {
  FromEmailAddress?: string;
  ReplyToAddresses?: string[];
  FeedbackForwardingEmailAddress?: string;
  DefaultEmailTags?: WireTag[];
  DefaultContent: { Template?: WireTemplate };
  BulkEmailEntries: {
    Destination: WireDestination;
    ReplacementTags?: WireTag[];
    ReplacementEmailContent?: { ReplacementTemplate?: { ReplacementTemplateData?: string } };
    ReplacementHeaders?: { Name: string; Value: string }[];
  }[];
  ConfigurationSetName?: string;
}

export const SendBulkEmail: OperationHandler = async (raw, ctx) => {
  const input = raw as unknown as SendBulkEmailInput;
  const template = input.DefaultContent.Template;
  if (!template) throw templateErrors.bulkNeedsTemplate();
  if (input.BulkEmailEntries.length > MAX_BULK_DESTINATIONS) throw templateErrors.tooManyDestinations(MAX_BULK_DESTINATIONS);
  const results = await ctx.engine.sending.sendBulk({
    base: compact({
      caller: callerOf(ctx),
      from: input.FromEmailAddress,
      replyTo: input.ReplyToAddresses,
      returnPath: input.FeedbackForwardingEmailAddress,
      content: templateSendContent(template),
      tags: toTags(input.DefaultEmailTags),
      configurationSetName: input.ConfigurationSetName,
      maxBytes: MAX_MESSAGE_BYTES_V2,
    }),
    entries: input.BulkEmailEntries.map((e) =>
      compact({
        destination: toDestination(e.Destination) ?? {},
        replacementTags: toTags(e.ReplacementTags),
        replacementData: e.ReplacementEmailContent?.ReplacementTemplate?.ReplacementTemplateData,
        replacementHeaders: toHeaders(e.ReplacementHeaders),
      }),
    ),
  });
  return { BulkEmailEntryResults: results.map((r) => compact({ Status: r.status, Error: r.error, MessageId: r.messageId })) };
};
