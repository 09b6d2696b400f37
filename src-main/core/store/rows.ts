// Column lists and row <-> record mapping for the messages and message_content tables.
// Owns: how each MessageRecord field is stored (summary columns on `messages`, the rest as JSON on
// `message_content`, 0/1 booleans, raw MIME as is or deflated), and what a search matches as addresses
// (searchAddresses: the index's `addresses` column and the LIKE fallback's `search_addresses`).
// Must not: run queries.
import { promisify } from 'node:util';
import { constants, deflateRaw, inflateRaw } from 'node:zlib';
import type { Address, MessageDoor, MessageStatus, MessageSummary } from '../../contract/messages';
import type { EncodedRaw, MessageRecord, StoredMessage, StoredSummary } from './types';

export const SUMMARY_COLUMNS =
  'm.seq, m.id, m.received_at, m.door, m.operation, m.from_name, m.from_addr, m.to_json, m.subject, m.snippet, m.size, m.read, m.has_attachments, m.status, m.configuration_set';

/** Summary columns plus the detail fields (messages m JOIN message_content c). */
export const FULL_COLUMNS = `${SUMMARY_COLUMNS}, m.source, m.mail_from, c.meta_json`;

export interface SummaryRow {
  seq: number;
  id: string;
  received_at: number;
  door: string;
  operation: string;
  from_name: string | null;
  from_addr: string | null;
  to_json: string;
  subject: string;
  snippet: string;
  size: number;
  read: number;
  has_attachments: number;
  status: string;
  configuration_set: string | null;
}

export interface FullRow extends SummaryRow {
  source: string;
  mail_from: string;
  meta_json: string;
}

/** The record fields kept in message_content.meta_json. */
type Meta = Pick<MessageRecord, 'kind' | 'rcptTo' | 'destination' | 'cc' | 'tags' | 'api' | 'smtp' | 'returnPath' | 'relatedId' | 'template'>;

export function toSummary(r: SummaryRow): StoredSummary {
  return {
    seq: r.seq,
    id: r.id,
    receivedAt: r.received_at,
    door: r.door as MessageDoor,
    operation: r.operation,
    from: r.from_addr === null ? null : { name: r.from_name ?? '', address: r.from_addr },
    to: JSON.parse(r.to_json) as Address[],
    subject: r.subject,
    snippet: r.snippet,
    size: r.size,
    read: r.read === 1,
    hasAttachments: r.has_attachments === 1,
    status: r.status as MessageStatus,
    configurationSet: r.configuration_set,
  };
}

/** A stored summary as the UI lists it (the inbox row DTO). */
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

export function toStored(r: FullRow): StoredMessage {
  const meta = JSON.parse(r.meta_json) as Meta;
  // returnPath arrived after the first rows were written; theirs had none.
  return { ...toSummary(r), source: r.source, mailFrom: r.mail_from, ...meta, returnPath: meta.returnPath ?? null, relatedId: meta.relatedId ?? null, template: meta.template ?? null };
}

/** Named parameters for the messages INSERT in message-store.ts (`addresses`: searchAddresses(rec)). */
export function messageParams(rec: MessageRecord, addresses: string) {
  return {
    id: rec.id,
    received_at: rec.receivedAt,
    door: rec.door,
    operation: rec.operation,
    source: rec.source,
    mail_from: rec.mailFrom,
    from_name: rec.from ? rec.from.name : null,
    from_addr: rec.from ? rec.from.address : null,
    to_json: JSON.stringify(rec.to),
    subject: rec.subject,
    snippet: rec.snippet,
    size: rec.size,
    has_attachments: rec.hasAttachments ? 1 : 0,
    status: rec.status,
    configuration_set: rec.configurationSet,
    search_addresses: addresses,
  };
}

export function metaJson(rec: MessageRecord): string {
  const meta: Meta = {
    kind: rec.kind,
    rcptTo: rec.rcptTo,
    destination: rec.destination,
    cc: rec.cc,
    tags: rec.tags,
    api: rec.api,
    smtp: rec.smtp,
    returnPath: rec.returnPath,
    relatedId: rec.relatedId,
    ...(rec.template ? { template: rec.template } : {}),
  };
  return JSON.stringify(meta);
}

/** Every name and address a user might type: the search index's `addresses`, and `messages.search_addresses`. */
export function searchAddresses(rec: Pick<MessageRecord, 'from' | 'to' | 'cc' | 'rcptTo' | 'mailFrom'>): string {
  const parts: string[] = [];
  const add = (a: Address | null) => {
    if (!a) return;
    if (a.name) parts.push(a.name);
    parts.push(a.address);
  };
  add(rec.from);
  rec.to.forEach(add);
  rec.cc.forEach(add);
  for (const r of rec.rcptTo) if (!parts.includes(r)) parts.push(r);
  if (rec.mailFrom && !parts.includes(rec.mailFrom)) parts.push(rec.mailFrom);
  return parts.join(' ');
}

// How raw MIME is kept on disk. Measured on typical 1.4 KB messages: deflate level 1 takes ~22 µs and
// leaves 36 % of the bytes (zstd 1: ~27 µs, 37 %; brotli 1: ~12 µs, 39 %) — a sixth of the whole ingest
// budget — so small messages are stored as they are. Larger ones (HTML newsletters, attachments) are
// deflated on libuv's thread pool before the accept transaction, so a 40 MB message never stalls the
// event loop; already-compressed content that does not shrink is kept as is. The codec is recorded per
// row, so this can change without a migration. Reading a deflated row inflates on the thread pool too
// (up to 40 MB); rows stored as they are come back without leaving the event loop.
export const CODEC_NONE = 0;
export const CODEC_DEFLATE = 1;

/** Messages smaller than this are stored as they are. */
export const COMPRESS_MIN_BYTES = 16 * 1024;

const deflateAsync = promisify(deflateRaw);
const inflateAsync = promisify(inflateRaw);

export async function encodeRaw(raw: Buffer): Promise<EncodedRaw> {
  if (raw.length < COMPRESS_MIN_BYTES) return { codec: CODEC_NONE, data: raw };
  const data = await deflateAsync(raw, { level: constants.Z_BEST_SPEED });
  return data.length < raw.length * 0.9 ? { codec: CODEC_DEFLATE, data } : { codec: CODEC_NONE, data: raw };
}

export function decodeRaw(codec: number, data: Buffer): Promise<Buffer> {
  return codec === CODEC_DEFLATE ? inflateAsync(data) : Promise.resolve(data);
}
