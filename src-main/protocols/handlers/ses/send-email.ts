// SES v1 SendEmail and SendRawEmail -> engine.sending.send (door ses, 10 MB limit).
// Owns: mapping Source/Destination/Message/ReplyToAddresses/ReturnPath/Tags/ConfigurationSetName, and
// RawMessage.Data with optional Source and Destinations, onto a SendRequest; the MessageId back — and
// sendV1, the part SendTemplatedEmail shares (send-templated.ts).
// Must not: check addresses, sizes, quotas or identities — the engine does, and throws SesError.
import type { SendRequest } from '../../../core/engine-api';
import { MAX_MESSAGE_BYTES_V1 } from '../../../core/limits';
import type { HandlerContext, OperationHandler } from '../../handler-types';
import { callerOf } from '../../handler-types';
import type { WireContent, WireDestination, WireTag } from '../common';
import { compact, toTags, toTextPart, toDestination } from '../common';

/** The members v1 SendEmail and SendTemplatedEmail share. */
export interface V1SendInput {
  Source: string;
  Destination: WireDestination;
  ReplyToAddresses?: string[];
  ReturnPath?: string;
  Tags?: WireTag[];
  ConfigurationSetName?: string;
}

interface SendEmailInput extends V1SendInput {
  Message: { Subject: WireContent; Body: { Text?: WireContent; Html?: WireContent } };
}

interface SendRawEmailInput {
  Source?: string;
  Destinations?: string[];
  RawMessage: { Data: Buffer };
  Tags?: WireTag[];
  ConfigurationSetName?: string;
}

/** One v1 send of `content` with the shared members mapped; `{MessageId}` back. */
export async function sendV1(input: V1SendInput, content: SendRequest['content'], ctx: HandlerContext): Promise<{ MessageId: string }> {
  const request: SendRequest = compact({
    caller: callerOf(ctx),
    from: input.Source,
    destination: toDestination(input.Destination),
    replyTo: input.ReplyToAddresses,
    returnPath: input.ReturnPath,
    content,
    tags: toTags(input.Tags),
    configurationSetName: input.ConfigurationSetName,
    maxBytes: MAX_MESSAGE_BYTES_V1,
  });
  const { messageId } = await ctx.engine.sending.send(request);
  return { MessageId: messageId };
}

export const SendEmail: OperationHandler = async (raw, ctx) => {
  const input = raw as unknown as SendEmailInput;
  const content = compact({
    kind: 'simple' as const,
    subject: toTextPart(input.Message.Subject)!,
    text: toTextPart(input.Message.Body.Text),
    html: toTextPart(input.Message.Body.Html),
  });
  return sendV1(input, content, ctx);
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
