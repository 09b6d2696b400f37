// SES event JSON exactly as configuration-set event destinations receive it (ses-facts §A.5.2):
// `{eventType, mail, <detail>}` with `mail` = {timestamp, source, sourceArn, sendingAccountId, messageId,
// destination, headersTruncated, headers, commonHeaders, tags}. The store assembles each event as
// `{eventType, mail, ...body}`, keeping the `mail` object once per message.
// Owns: the shapes and key order of `mail`, `send`, `delivery`, `bounce`, `complaint`, `deliveryDelay` and
// `reject` (outcome-json.ts holds the last four), the Delivery constants, and the tag map
// (`mail.tags`: automatic `ses:*` tags plus the caller's, each name mapping to an array of values). Tag
// order follows SES's captured events (LocalStack snapshot test_ses_sns_topic_integration_send_email,
// 2023): ses:operation, ses:configuration-set, ses:source-ip, ses:from-domain, custom tags,
// ses:caller-identity; Delivery adds ses:outgoing-ip last.
// Must not: decide what happens to a message (the pipeline and, later, the simulator do), or validate tag
// syntax (the sending-rules issue does, before anything is stored).
import type { HeaderLine } from '../../contract/messages';
import type { CallerContext, MessageTag } from '../engine-api';
import { formatAddress, type CommonHeaderValues } from '../mime/addresses';

export interface SesCommonHeaders {
  from?: string[];
  date?: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string[];
  messageId: string;
  subject?: string;
}

export interface SesMail {
  timestamp: string;
  source: string;
  /** Absent for templated sends on AWS (LocalStack snapshot); always present for Simple and Raw. */
  sourceArn?: string;
  sendingAccountId: string;
  messageId: string;
  destination: string[];
  headersTruncated: boolean;
  headers: HeaderLine[];
  commonHeaders: SesCommonHeaders;
  tags: Record<string, string[]>;
}

export interface SendEventJson {
  eventType: 'Send';
  mail: SesMail;
  send: Record<string, never>;
}

export interface DeliveryEventJson {
  eventType: 'Delivery';
  mail: SesMail;
  delivery: {
    timestamp: string;
    processingTimeMillis: number;
    recipients: string[];
    smtpResponse: string;
    reportingMTA: string;
    remoteMtaIp: string;
  };
}

/**
 * What the recipient's MTA "answered". smtpResponse and reportingMTA follow SES's captured Delivery events
 * (reportingMTA `a8-77.smtp-out.amazonses.com`); the receiving MTA is this machine.
 */
export const DELIVERY_FACTS = {
  smtpResponse: '250 2.0.0 OK',
  reportingMTA: 'a8-77.smtp-out.amazonses.com',
  remoteMtaIp: '127.0.0.1',
} as const;

/** SES marks `headersTruncated` when the header section passes 10 KB (ses-facts §A.5.1). */
export const EVENT_HEADERS_MAX_BYTES = 10 * 1024;

/** The `headers` list of `mail`, cut at the size SES truncates at. */
export function eventHeaders(lines: HeaderLine[]): { headers: HeaderLine[]; truncated: boolean } {
  let size = 0;
  const headers: HeaderLine[] = [];
  for (const h of lines) {
    size += h.name.length + h.value.length + 4;
    if (size > EVENT_HEADERS_MAX_BYTES) return { headers, truncated: true };
    headers.push({ name: h.name, value: h.value });
  }
  return { headers, truncated: false };
}

/**
 * `commonHeaders`: a key only when its header is present. `messageId` is the caller's Message-ID when the
 * headers carry one (raw mail), otherwise the SES MessageId (API-composed mail; ses-facts §A.5.2).
 */
export function commonHeaders(v: CommonHeaderValues, present: Set<string>, sesMessageId: string): SesCommonHeaders {
  const c: Partial<SesCommonHeaders> = {};
  if (present.has('from')) c.from = v.from.map(formatAddress);
  if (present.has('date') && v.date !== null) c.date = v.date;
  if (present.has('to')) c.to = v.to.map(formatAddress);
  if (present.has('cc')) c.cc = v.cc.map(formatAddress);
  if (present.has('bcc')) c.bcc = v.bcc.map(formatAddress);
  if (present.has('reply-to')) c.replyTo = v.replyTo.map(formatAddress);
  c.messageId = present.has('message-id') && v.messageId ? v.messageId : sesMessageId;
  if (present.has('subject')) c.subject = v.subject;
  return c as SesCommonHeaders;
}

/** The part of a Send event after `mail` (the store keeps `mail` once per message). */
export function sendBody(): Omit<SendEventJson, 'eventType' | 'mail'> {
  return { send: {} };
}

/** The part of a Delivery event after `mail`. `smtpResponse` defaults to DELIVERY_FACTS' (the simulator answers `250 Ok`). */
export function deliveryBody(d: {
  timestamp: number;
  processingTimeMillis: number;
  recipients: string[];
  smtpResponse?: string;
}): Omit<DeliveryEventJson, 'eventType' | 'mail'> {
  return {
    delivery: {
      timestamp: new Date(d.timestamp).toISOString(),
      processingTimeMillis: d.processingTimeMillis,
      recipients: d.recipients,
      smtpResponse: d.smtpResponse ?? DELIVERY_FACTS.smtpResponse,
      reportingMTA: DELIVERY_FACTS.reportingMTA,
      remoteMtaIp: DELIVERY_FACTS.remoteMtaIp,
    },
  };
}

export interface TagInputs {
  caller: CallerContext;
  configurationSet: string | null;
  /** Domain of the From header address; absent when From could not be parsed (ses-facts §A.5.2). */
  fromDomain: string | null;
  custom: MessageTag[];
}

/**
 * `ses:caller-identity` is the IAM principal's name on AWS (e.g. `Admin`). Sesame has no IAM users, so it
 * reports the access key id (SigV4 or SMTP user name) and `root` when the caller gave none.
 */
export function callerIdentity(caller: CallerContext): string {
  return caller.accessKeyId ?? 'root';
}

export function sendTags(t: TagInputs): Record<string, string[]> {
  const tags: Record<string, string[]> = { 'ses:operation': [t.caller.operation] };
  if (t.configurationSet) tags['ses:configuration-set'] = [t.configurationSet];
  tags['ses:source-ip'] = [t.caller.sourceIp];
  if (t.fromDomain) tags['ses:from-domain'] = [t.fromDomain];
  for (const { name, value } of t.custom) (tags[name] ??= []).push(value);
  tags['ses:caller-identity'] = [callerIdentity(t.caller)];
  return tags;
}

/** Delivery events carry the Send tags plus the outgoing IP. */
export function deliveryTags(send: Record<string, string[]>, outgoingIp: string): Record<string, string[]> {
  return { ...send, 'ses:outgoing-ip': [outgoingIp] };
}
