// Message DTOs shared by the UI API and the renderer.
// Owns: the JSON shapes of captured messages as the UI sees them. Must not: import anything (no node:*, no electron).

/**
 * Which door a message came in through; `system` is mail SES itself sends to you (the identity verification
 * email, a bounce DSN, a mailbox simulator auto-reply), captured so you can read and click it.
 */
export type MessageDoor = 'sesv2' | 'ses' | 'smtp' | 'system';

/** Where a message is in its life, derived from its SES events. */
export type MessageStatus = 'accepted' | 'delivered' | 'bounced' | 'complained' | 'rejected' | 'failed' | 'delayed';

export interface Address {
  name: string;
  address: string;
}

/** One row of the inbox. Small on purpose: lists never carry bodies. */
export interface MessageSummary {
  /** The SES MessageId (also the message's id everywhere in Sesame). */
  id: string;
  /** ISO 8601 time SES accepted the message. */
  receivedAt: string;
  door: MessageDoor;
  /** SES operation or `SMTP` (the `ses:operation` tag value). */
  operation: string;
  from: Address | null;
  to: Address[];
  subject: string;
  /** First ~200 characters of the text body. */
  snippet: string;
  size: number;
  read: boolean;
  hasAttachments: boolean;
  status: MessageStatus;
  configurationSet: string | null;
}

export interface MessagePage {
  items: MessageSummary[];
  /** Total messages matching the query (without paging); a search counts at most 10,000. */
  total: number;
  /** True when a search stopped counting at the cap: show "10,000+". */
  totalCapped: boolean;
  /** Total unread in the whole store (for badges). */
  unread: number;
  /** Opaque cursor for the next (older) page, or null at the end. */
  nextCursor: string | null;
}

export interface HeaderLine {
  name: string;
  value: string;
}

export interface AttachmentInfo {
  /** Index within the message's attachments, used to download it. */
  index: number;
  filename: string | null;
  contentType: string;
  size: number;
  contentId: string | null;
  disposition: 'attachment' | 'inline' | null;
}

/** SMTP session facts kept on SMTP-submitted mail. */
export interface SmtpSessionInfo {
  remoteAddress: string;
  clientHostname: string;
  secure: boolean;
  /** AUTH user name (the access key id for SES SMTP credentials), or null when unauthenticated. */
  user: string | null;
  authMethod: string | null;
  /** Whether the credentials were checked against an SES SMTP password (strict mode). */
  authVerified: boolean;
  /** The session's dialogue up to the message content (AUTH credentials masked, DATA elided); absent on older mail. */
  transcript?: SmtpTranscriptLine[];
}

/** One transcript line: a client command, a server reply line, or a note (TLS started, cut). */
export interface SmtpTranscriptLine {
  from: 'client' | 'server' | 'note';
  text: string;
}

/** API call facts kept on API-submitted mail. */
export interface ApiCallInfo {
  operation: string;
  accessKeyId: string | null;
  sourceIp: string;
  requestId: string;
}

export interface MessageDetail extends MessageSummary {
  cc: Address[];
  /** Envelope recipients not named in To/Cc headers (i.e. Bcc). */
  bcc: string[];
  replyTo: Address[];
  envelope: { mailFrom: string; rcptTo: string[] };
  /** Where SES forwards bounces and complaints: v1 ReturnPath / v2 FeedbackForwardingEmailAddress, as given. */
  returnPath: string | null;
  /** For mail SES sent (door `system`): the message it is about (the bounced message of a DSN), or null. */
  relatedId: string | null;
  headers: HeaderLine[];
  text: string | null;
  html: string | null;
  attachments: AttachmentInfo[];
  tags: Record<string, string[]>;
  smtp: SmtpSessionInfo | null;
  api: ApiCallInfo | null;
  events: SesEventRecord[];
  /** Templated sends (SendTemplatedEmail, SendBulk*, v2 Content.Template): template, data and failure; else null. */
  template: MessageTemplate | null;
}

/** What a templated message was made from (core/templates). */
export interface MessageTemplate {
  /** The stored template's name; null for v2 inline TemplateContent. */
  name: string | null;
  /** TemplateData as given (bulk: the defaults merged with the entry's replacement data). */
  data: string;
  /** The template's parts as they were at send time (null = part absent). */
  content: { subject: string | null; text: string | null; html: string | null };
  /** The Rendering Failure's errorMessage, or null when the message rendered. */
  failure: string | null;
}

/** An SES event recorded on a message (the `eventType` as SES spells it, the JSON as SES sends it). */
export interface SesEventRecord {
  id: number;
  messageId: string;
  eventType: SesEventType;
  timestamp: string;
  /** The full SES event JSON (`{eventType, mail, <detail>}`). */
  payload: unknown;
}

export type SesEventType =
  | 'Send'
  | 'Delivery'
  | 'Bounce'
  | 'Complaint'
  | 'Reject'
  | 'DeliveryDelay'
  | 'Rendering Failure'
  | 'Open'
  | 'Click'
  | 'Subscription';
