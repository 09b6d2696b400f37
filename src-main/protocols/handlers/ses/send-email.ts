// SES v1 SendEmail and SendRawEmail -> engine.sending.send (door ses, 10 MB limit).
// Owns: mapping Source/Destination/Message/ReplyToAddresses/ReturnPath/Tags/ConfigurationSetName, and
// RawMessage.Data with optional Source and Destinations, onto a SendRequest; the MessageId back.
// Must not: check addresses, sizes, quotas or identities — the engine does, and throws SesError.
import type { SendRequest } from '../../../core/engine-api';
import { MAX_MESSAGE_BYTES_V1 } from '../../../core/limits';
import type { OperationHandler } from '../../handler-types';
import { callerOf } from '../../handler-types';
import type { WireContent, WireTag } from '../common';
import { compact, toTags, toTextPart, toDestination } from '../common';

interface SendEmailInput {
  Source: string;
  Destination: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  Message: { Subject: WireContent; Body: { Text?: WireContent; Html?: WireContent } };
  ReplyToAddresses?: string[];
  ReturnPath?: string;
  Tags?: WireTag[];
  ConfigurationSetName?: string;
}

interface SendRawEmailInput {
  Source?: string;
  Destinations?: string[];
  RawMessage: { Data: Buffer };
  Tags?: WireTag[];
  ConfigurationSetName?: string;
}

export const SendEmail: OperationHandler = async (raw, ctx) => {
  const input = raw as unknown as SendEmailInput;
  const request: SendRequest = compact({
    caller: callerOf(ctx),
    from: input.Source,
    destination: toDestination(input.Destination),
    replyTo: input.ReplyToAddresses,
    returnPath: input.ReturnPath,
    content: compact({
      kind: 'simple' as const,
      subject: toTextPart(input.Message.Subject)!,
      text: toTextPart(input.Message.Body.Text),
      html: toTextPart(input.Message.Body.Html),
    }),
    tags: toTags(input.Tags),
    configurationSetName: input.ConfigurationSetName,
    maxBytes: MAX_MESSAGE_BYTES_V1,
  });
  const { messageId } = await ctx.engine.sending.send(request);
  return { MessageId: messageId };
};

/** `Destinations` are envelope recipients; the engine takes them as the explicit destination. */
export const SendRawEmail: OperationHandler = async (raw, ctx) => {
  const input = raw as unknown as SendRawEmailInput;
  const request: SendRequest = compact({
    caller: callerOf(ctx),
    from: input.Source,
    destination: input.Destinations ? { to: input.Destinations } : undefined,
    content: { kind: 'raw' as const, data: input.RawMessage.Data },
    tags: toTags(input.Tags),
    configurationSetName: input.ConfigurationSetName,
    maxBytes: MAX_MESSAGE_BYTES_V1,
  });
  const { messageId } = await ctx.engine.sending.send(request);
  return { MessageId: messageId };
};
