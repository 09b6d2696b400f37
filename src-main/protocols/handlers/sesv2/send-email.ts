// SES v2 SendEmail: Content.Simple (with Headers and Attachments) or Content.Raw -> engine.sending.send.
// Owns: mapping the v2 request onto a SendRequest (door sesv2, 40 MB limit) and the MessageId back.
// Must not: check addresses, sizes, quotas or identities — the engine does, and throws SesError.
// Content.Template arrives with the templates capability; until then it is refused with a clear error.
import { errors } from '../../../core/errors';
import type { SimpleAttachment, SimpleContent, SendRequest } from '../../../core/engine-api';
import { MAX_MESSAGE_BYTES_V2 } from '../../../core/limits';
import type { OperationHandler } from '../../handler-types';
import { callerOf } from '../../handler-types';
import type { WireContent, WireTag } from '../common';
import { compact, toTags, toTextPart, toDestination } from '../common';

interface WireAttachment {
  RawContent: Buffer;
  FileName: string;
  ContentDisposition?: string;
  ContentDescription?: string;
  ContentId?: string;
  ContentType?: string;
}

interface SendEmailInput {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
  ReplyToAddresses?: string[];
  FeedbackForwardingEmailAddress?: string;
  Content: {
    Simple?: {
      Subject: WireContent;
      Body: { Text?: WireContent; Html?: WireContent };
      Headers?: { Name: string; Value: string }[];
      Attachments?: WireAttachment[];
    };
    Raw?: { Data: Buffer };
    Template?: unknown;
  };
  EmailTags?: WireTag[];
  ConfigurationSetName?: string;
}

const toAttachment = (a: WireAttachment): SimpleAttachment =>
  compact({
    fileName: a.FileName,
    content: a.RawContent,
    contentType: a.ContentType,
    contentDisposition: a.ContentDisposition === 'ATTACHMENT' || a.ContentDisposition === 'INLINE' ? a.ContentDisposition : undefined,
    contentId: a.ContentId,
    contentDescription: a.ContentDescription,
  });

function toContent(content: SendEmailInput['Content']): SendRequest['content'] {
  if (content.Raw) return { kind: 'raw', data: content.Raw.Data };
  if (content.Simple) {
    const s = content.Simple;
    return compact<SimpleContent>({
      kind: 'simple',
      subject: toTextPart(s.Subject)!,
      text: toTextPart(s.Body.Text),
      html: toTextPart(s.Body.Html),
      headers: s.Headers?.map((h) => ({ name: h.Name, value: h.Value })),
      attachments: s.Attachments?.map(toAttachment),
    });
  }
  if (content.Template) throw errors.templatesNotYetSupported();
  throw errors.emptyContent();
}

export const SendEmail: OperationHandler = async (raw, ctx) => {
  const input = raw as unknown as SendEmailInput;
  const request: SendRequest = compact({
    caller: callerOf(ctx),
    from: input.FromEmailAddress,
    destination: toDestination(input.Destination),
    replyTo: input.ReplyToAddresses,
    returnPath: input.FeedbackForwardingEmailAddress,
    content: toContent(input.Content),
    tags: toTags(input.EmailTags),
    configurationSetName: input.ConfigurationSetName,
    maxBytes: MAX_MESSAGE_BYTES_V2,
  });
  const { messageId } = await ctx.engine.sending.send(request);
  return { MessageId: messageId };
};
