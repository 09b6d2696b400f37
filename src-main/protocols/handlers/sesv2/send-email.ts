// SES v2 SendEmail: Content.Simple (with Headers and Attachments), Content.Raw or Content.Template (TemplateName,
// TemplateArn or inline TemplateContent, TemplateData, Headers, Attachments) -> engine.sending.send.
// Owns: mapping the v2 request onto a SendRequest (door sesv2, 40 MB limit) and the MessageId back, and the
// v2 `Template` structure onto templated content (SendBulkEmail shares it).
// Must not: check addresses, sizes, quotas or identities, or render — the engine does, and throws SesError.
import { errors } from '../../../core/errors';
import type { SimpleAttachment, SimpleContent, SendRequest, TemplateSendContent } from '../../../core/engine-api';
import { MAX_MESSAGE_BYTES_V2 } from '../../../core/limits';
import type { OperationHandler } from '../../handler-types';
import { callerOf } from '../../handler-types';
import type { WireContent, WireTag } from '../common';
import { compact, toHeaders, toTags, toTextPart, toDestination } from '../common';
import { contentOf, type WireTemplateContent } from './templates';

interface WireAttachment {
  RawContent: Buffer;
  FileName: string;
  ContentDisposition?: string;
  ContentDescription?: string;
  ContentId?: string;
  ContentType?: string;
}

export interface WireTemplate {
  TemplateName?: string;
  TemplateArn?: string;
  TemplateContent?: WireTemplateContent;
  TemplateData?: string;
  Headers?: { Name: string; Value: string }[];
  Attachments?: WireAttachment[];
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
    Template?: WireTemplate;
  };
  EmailTags?: WireTag[];
  ConfigurationSetName?: string;
  ListManagementOptions?: { ContactListName: string; TopicName?: string };
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
      headers: toHeaders(s.Headers),
      attachments: s.Attachments?.map(toAttachment),
    });
  }
  if (content.Template) return templateSendContent(content.Template);
  throw errors.emptyContent();
}

/** v2 `Template` as templated content. TemplateData is optional in the model; absent, the data is `{}` [verify]. */
export function templateSendContent(t: WireTemplate): TemplateSendContent {
  return compact<TemplateSendContent>({
    kind: 'template',
    name: t.TemplateName,
    arn: t.TemplateName ? undefined : t.TemplateArn,
    content: t.TemplateName || t.TemplateArn || !t.TemplateContent ? undefined : contentOf(t.TemplateContent),
    data: t.TemplateData ?? '{}',
    headers: toHeaders(t.Headers),
    attachments: t.Attachments?.map(toAttachment),
  });
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
    listManagement: input.ListManagementOptions && compact({ contactListName: input.ListManagementOptions.ContactListName, topicName: input.ListManagementOptions.TopicName }),
    maxBytes: MAX_MESSAGE_BYTES_V2,
  });
  const { messageId } = await ctx.engine.sending.send(request);
  return { MessageId: messageId };
};
