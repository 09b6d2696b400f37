// Stored messages as the outside sees them: inbox summaries, MessageDetail (the MIME read back — headers,
// text, HTML, attachments, Bcc — with its SES events; parsing happens here, on demand, never on the ingest
// path) and LocalStack's `/_aws/ses` shape (ses-facts §B.2: {Id, Region, Timestamp, Source,
// Destination{To,Cc,BccAddresses}} plus Subject and Body{text_part, html_part} for composed sends, RawData
// for raw ones), so helpers and viewers written for LocalStack work against Sesame.
// Must not: query the store or format HTTP.
import type { AttachmentInfo, HeaderLine, MessageDetail, MessageSummary, SesEventRecord } from '../../contract/messages';
import type { RetrospectionMessage } from '../engine-api';
import { readCommonHeaders } from '../mime/addresses';
import { partContent, readBodies, type BodyAttachment } from '../mime/body';
import { parseParts } from '../mime/parts';
import type { StoredMessage, StoredSummary } from '../store/types';

export function summaryOf(m: StoredSummary): MessageSummary {
  return {
    id: m.id,
    receivedAt: new Date(m.receivedAt).toISOString(),
    door: m.door,
    operation: m.operation,
    from: m.from,
    to: m.to,
    subject: m.subject,
    snippet: m.snippet,
    size: m.size,
    read: m.read,
    hasAttachments: m.hasAttachments,
    status: m.status,
    configurationSet: m.configurationSet,
  };
}

const info = (a: BodyAttachment, index: number, size: number): AttachmentInfo => ({
  index,
  filename: a.filename,
  contentType: a.contentType,
  size,
  contentId: a.contentId,
  disposition: a.disposition,
});

export function buildDetail(m: StoredMessage, raw: Buffer, events: SesEventRecord[]): MessageDetail {
  const root = parseParts(raw);
  const bodies = readBodies(raw, root);
  const common = readCommonHeaders(root.fields);
  const named = new Set([...m.to, ...m.cc].map((a) => a.address.toLowerCase()));
  const headers: HeaderLine[] = root.fields.map((f) => ({ name: f.name, value: f.value }));
  return {
    ...summaryOf(m),
    cc: m.cc,
    bcc: m.rcptTo.filter((r) => !named.has(r.toLowerCase())),
    replyTo: common.replyTo,
    envelope: { mailFrom: m.mailFrom, rcptTo: m.rcptTo },
    headers,
    text: bodies.text,
    html: bodies.html,
    attachments: bodies.attachments.map((a, i) => info(a, i, partContent(raw, a.part).length)),
    tags: m.tags,
    smtp: m.smtp,
    api: m.api,
    events,
  };
}

/** The decoded content of attachment `index` (the same order `buildDetail` lists them in). */
export function readAttachment(raw: Buffer, index: number) {
  const a = readBodies(raw, parseParts(raw)).attachments[index];
  if (!a) return undefined;
  return { filename: a.filename, contentType: a.contentType, content: partContent(raw, a.part) };
}

export function toRetrospection(m: StoredMessage, raw: Buffer, region: string): RetrospectionMessage {
  const named = new Set([...m.to, ...m.cc].map((a) => a.address.toLowerCase()));
  const destination =
    m.kind === 'simple' && m.destination
      ? { ToAddresses: m.destination.to, CcAddresses: m.destination.cc, BccAddresses: m.destination.bcc }
      : {
          ToAddresses: m.to.map((a) => a.address),
          CcAddresses: m.cc.map((a) => a.address),
          BccAddresses: m.rcptTo.filter((r) => !named.has(r.toLowerCase())),
        };
  const base = {
    Id: m.id,
    Region: region,
    Timestamp: new Date(m.receivedAt).toISOString(),
    Source: m.source,
    Destination: destination,
  };
  if (m.kind === 'raw') return { ...base, RawData: raw.toString('utf8') };
  const bodies = readBodies(raw, parseParts(raw));
  return { ...base, Subject: m.subject, Body: { text_part: bodies.text, html_part: bodies.html } };
}
