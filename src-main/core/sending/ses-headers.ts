// SES's MessageId and the headers SES adds to, reads from, and strips out of outgoing mail — every choice in
// one place. Facts: ses-facts §A.6 (MessageId format; headers SES adds/reads/strips) and §D.7 (the open
// Message-ID question). MessageId: 4-hex prefix + 12-hex epoch ms of acceptance + '-' + UUID + '-000000',
// 60 characters, e.g. 0100019b76daa800-00000000-0000-4000-8000-000000000001-000000.
// Owns: header names and values; the pipeline only asks this file what to add or remove.
// Must not: touch buffers (header-block.ts edits them) or know about events.
import { createHash } from 'node:crypto';
import type { Ids } from '../ids';
import { MESSAGE_ID_PREFIX, MESSAGE_ID_SUFFIX } from '../limits';

export const MESSAGE_ID_PATTERN = /^[0-9a-f]{16}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-000000$/;

export function newMessageId(acceptedAt: number, ids: Ids): string {
  const time = Math.max(0, Math.floor(acceptedAt)).toString(16).padStart(12, '0').slice(-12);
  return `${MESSAGE_ID_PREFIX}${time}-${ids.uuid().toLowerCase()}${MESSAGE_ID_SUFFIX}`;
}

/** The acceptance time embedded in a MessageId, or null when it is not one of ours/SES's. */
export function messageIdTime(messageId: string): number | null {
  if (!MESSAGE_ID_PATTERN.test(messageId)) return null;
  return parseInt(messageId.slice(4, 16), 16);
}

/**
 * The "outgoing IP" a recipient sees in X-SES-Outgoing and events see in `ses:outgoing-ip`: the address
 * from the X-SES-Outgoing example in AWS's header-fields doc (`2015.09.11-54.240.9.183`).
 */
export const OUTGOING_IP = '54.240.9.183';

/**
 * Headers SES reads and removes from raw mail (SendRawEmail, SMTP): configuration set, message tags and the
 * sending-authorization ARNs (ses-facts §A.6; doc event-publishing-send-email,
 * sending-authorization-delegate-sender-tasks-email). Also honoured on v2 Simple custom headers: one pipeline.
 */
export const SES_CONTROL_HEADERS = {
  configurationSet: 'x-ses-configuration-set',
  messageTags: 'x-ses-message-tags',
  sourceArn: 'x-ses-source-arn',
  fromArn: 'x-ses-from-arn',
  returnPathArn: 'x-ses-return-path-arn',
} as const;
export const STRIPPED_HEADERS: ReadonlySet<string> = new Set(Object.values(SES_CONTROL_HEADERS));

/** SES's Message-ID domain: `email.amazonses.com` in us-east-1, `{region}.amazonses.com` elsewhere [verify]. */
export function messageIdDomain(region: string): string {
  return region === 'us-east-1' ? 'email.amazonses.com' : `${region}.amazonses.com`;
}

/** `<{MessageId}@email.amazonses.com>`: the Message-ID SES gives mail it composes (Simple content). */
export function sesMessageIdHeader(messageId: string, region: string): string {
  return `<${messageId}@${messageIdDomain(region)}>`;
}

/**
 * Raw mail keeps the caller's Message-ID and Date; SES adds its own only when they are absent. The
 * header-fields doc says SES replaces them, but AWS's own inbound example shows a caller's Message-ID
 * arriving intact, and SES's events report the caller's Message-ID (ses-facts §A.6, §D.7). Settle once
 * against AWS; this is the one place to change.
 */
export const RAW_KEEPS_CALLER_MESSAGE_ID = true;

/**
 * The envelope sender SES uses, which the recipient's MTA writes as Return-Path: `{MessageId}@amazonses.com`
 * in us-east-1 (AWS's inbound example) and a regional subdomain elsewhere (doc creating-identities).
 */
export function returnPathAddress(messageId: string, region: string): string {
  return `${messageId}@${region === 'us-east-1' ? '' : region + '.'}amazonses.com`;
}

/** RFC 5322 date in UTC, as SES writes it (`Thu, 01 Jan 2026 00:00:00 +0000`). */
export function rfc5322Date(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

/**
 * `Feedback-ID: 1.{region}.{opaque}=:AmazonSES` (ses-facts §A.6). The opaque part is a 32-byte base64 value
 * on AWS; here it is a hash of account and configuration set, stable per sender setup like SES's.
 */
export function feedbackId(region: string, accountId: string, configurationSet: string | null): string {
  const opaque = createHash('sha256').update(`${accountId}:${configurationSet ?? ''}`).digest('base64');
  return `1.${region}.${opaque}:AmazonSES`;
}

/** `X-SES-Outgoing: 2015.09.11-54.240.9.183`: UTC date of sending and the outgoing IP (a dedicated one: core/dedicated-ips). */
export function xSesOutgoing(ms: number, ip = OUTGOING_IP): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}.${p(d.getUTCMonth() + 1)}.${p(d.getUTCDate())}-${ip}`;
}

export interface AddedHeaders {
  /** Lines put above the first header (what the recipient's MTA adds: Return-Path). */
  prepend: string[];
  /** Lines put after the last header (what SES adds on the way out). */
  append: string[];
  /** Lower-cased names of the caller's headers SES replaces (none while raw mail keeps its own). */
  replace: string[];
}

/**
 * Headers of the stored copy "as a recipient would see it". `hasMessageId`/`hasDate` say whether the mail
 * already carries them; `composed` is true for Simple mail (SES wrote it: nothing of the caller's to replace).
 */
export function addedHeaders(a: {
  messageId: string;
  region: string;
  accountId: string;
  configurationSet: string | null;
  at: number;
  composed: boolean;
  hasMessageId: boolean;
  hasDate: boolean;
}): AddedHeaders {
  const replace = a.composed || RAW_KEEPS_CALLER_MESSAGE_ID ? [] : ['message-id', 'date'];
  const append: string[] = [];
  if (!a.hasMessageId || replace.length) append.push(`Message-ID: ${sesMessageIdHeader(a.messageId, a.region)}`);
  if (!a.hasDate || replace.length) append.push(`Date: ${rfc5322Date(a.at)}`);
  append.push(`Feedback-ID: ${feedbackId(a.region, a.accountId, a.configurationSet)}`);
  append.push(`X-SES-Outgoing: ${xSesOutgoing(a.at)}`);
  return { prepend: [`Return-Path: <${returnPathAddress(a.messageId, a.region)}>`], append, replace };
}

/**
 * Headers left out of the event `headers` list for Simple mail: SES's captured SendEmail events list From,
 * To, Subject, MIME-Version, Content-Type — not the Message-ID and Date it adds (LocalStack snapshot 2023,
 * AWS Lambda Powertools' captured Send event 2024).
 */
export const SIMPLE_EVENT_HEADER_EXCLUDES: ReadonlySet<string> = new Set(['message-id', 'date']);
