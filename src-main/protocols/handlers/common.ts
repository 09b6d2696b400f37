// Small conversions shared by the SES v1 and v2 handlers.
// Owns: wire structures that both APIs spell the same way (`{Name, Value}` tags, `{Data, Charset}` text).
// Must not: decide anything (the engine does) or touch the wire (the protocols do).
import type { MessageTag, TextPart } from '../../core/engine-api';

export interface WireTag {
  Name: string;
  Value: string;
}

export interface WireContent {
  Data: string;
  Charset?: string;
}

export const toTags = (tags: WireTag[] | undefined): MessageTag[] | undefined =>
  tags?.map((t) => ({ name: t.Name, value: t.Value }));

/** `{Name, Value}` headers (v2 Headers, ReplacementHeaders) convert exactly as tags do. */
export const toHeaders = toTags;

/** `{Key, Value}` resource tags (v2 identities, templates, contact lists, configuration sets; SNS topics). */
export interface WireKeyTag {
  Key: string;
  Value: string;
}

export interface KeyTag {
  key: string;
  value: string;
}

export function toKeyTags(tags: WireKeyTag[]): KeyTag[];
export function toKeyTags(tags: WireKeyTag[] | undefined): KeyTag[] | undefined;
export function toKeyTags(tags: WireKeyTag[] | undefined): KeyTag[] | undefined {
  return tags?.map((t) => ({ key: t.Key, value: t.Value }));
}

export const fromKeyTags = (tags: readonly KeyTag[]): WireKeyTag[] => tags.map((t) => ({ Key: t.key, Value: t.value }));

export const toTextPart = (c: WireContent | undefined): TextPart | undefined =>
  c ? { data: c.Data, ...(c.Charset !== undefined ? { charset: c.Charset } : {}) } : undefined;

/** `{ToAddresses, CcAddresses, BccAddresses}`, spelled alike in v1 and v2, as the engine's destination. */
export interface WireDestination {
  ToAddresses?: string[];
  CcAddresses?: string[];
  BccAddresses?: string[];
}

export const toDestination = (d: WireDestination | undefined) =>
  d ? compact({ to: d.ToAddresses, cc: d.CcAddresses, bcc: d.BccAddresses }) : undefined;

/** Drops undefined members so engine requests stay minimal (and tests compare exactly). */
export function compact<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
