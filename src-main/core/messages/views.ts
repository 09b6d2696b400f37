// Stored messages as the outside sees them: inbox summaries, MessageDetail (the stored facts — envelope,
// tags, API/SMTP facts, SES events — joined with what mailparser read back from the MIME: header lines,
// text, HTML, attachments, Reply-To, Cc) and LocalStack's `/_aws/ses` shape (ses-facts §B.2: {Id, Region,
// Timestamp, Source, Destination{To,Cc,BccAddresses}} plus Subject and Body{text_part, html_part} for
// composed sends, RawData for raw ones), so helpers and viewers written for LocalStack work against Sesame.
// Must not: query the store, parse MIME (mail-reader.ts does, once per request) or format HTTP.
import type { ParsedMail } from 'mailparser';
import type { MessageDetail, SesEventRecord } from '../../contract/messages';
import type { RetrospectionMessage } from '../engine-api';
import { summaryOf } from '../store/rows';
import type { StoredMessage } from '../store/types';
import { addressesOf, attachmentInfos, headerLinesOf, htmlOf, textOf } from './mail-reader';

export { summaryOf };

/** Envelope recipients the To/Cc headers do not name: the Bcc recipients (as accepted, so as listed). */
function hiddenRecipients(m: StoredMessage): string[] {
  const named = new Set([...m.to, ...m.cc].map((a) => a.address.toLowerCase()));
  return m.rcptTo.filter((r) => !named.has(r.toLowerCase()));
}

/** `mail` is the stored MIME as mail-reader's `readForDetail` parsed it. */
export function buildDetail(m: StoredMessage, mail: ParsedMail, events: SesEventRecord[]): MessageDetail {
  return {
    ...summaryOf(m),
    cc: addressesOf(mail.cc),
    bcc: hiddenRecipients(m),
    replyTo: addressesOf(mail.replyTo),
    envelope: { mailFrom: m.mailFrom, rcptTo: m.rcptTo },
    returnPath: m.returnPath,
    relatedId: m.relatedId,
    headers: headerLinesOf(mail),
    text: textOf(mail),
    html: htmlOf(mail),
    attachments: attachmentInfos(mail),
    tags: m.tags,
    smtp: m.smtp,
    api: m.api,
    events,
    template: m.template ?? null,
  };
}

/**
 * The LocalStack shape. Raw sends carry their MIME as RawData; composed sends carry Subject and the Body
 * parts, `bodies` being the stored MIME as mail-reader's `readBodies` parsed it.
 */
export function toRetrospection(
  m: StoredMessage,
  region: string,
  content: { kind: 'raw'; raw: Buffer } | { kind: 'simple'; bodies: ParsedMail },
): RetrospectionMessage {
  const destination =
    m.kind === 'simple' && m.destination
      ? { ToAddresses: m.destination.to, CcAddresses: m.destination.cc, BccAddresses: m.destination.bcc }
      : { ToAddresses: m.to.map((a) => a.address), CcAddresses: m.cc.map((a) => a.address), BccAddresses: hiddenRecipients(m) };
  const base = {
    Id: m.id,
    Region: region,
    Timestamp: new Date(m.receivedAt).toISOString(),
    Source: m.source,
    Destination: destination,
  };
  if (content.kind === 'raw') return { ...base, RawData: content.raw.toString('utf8') };
  // Templated sends also carry LocalStack's Template (the name; '' for inline content) and TemplateData.
  const template = m.template ? { Template: m.template.name ?? '', TemplateData: m.template.data } : {};
  return { ...base, Subject: m.subject, Body: { text_part: textOf(content.bodies), html_part: htmlOf(content.bodies) }, ...template };
}
