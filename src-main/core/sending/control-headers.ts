// X-SES-CONFIGURATION-SET and X-SES-MESSAGE-TAGS: read from the mail, then removed (ses-facts §A.6).
// Owns: parsing those header values and the precedence rules — an API configuration set wins over the
// header; API tags win over header tags with no merge ("SES uses only the API ones").
// Header tags are kept as written so a malformed one is refused like a malformed API tag (checks.ts
// checkTags, and only when they apply — no API tags): an entry without `=` is a tag without a value, `=v` one
// without a name [verify: AWS's handling of a bad header entry is not recorded]; blank entries are skipped.
// Must not: check tag syntax or that the configuration set exists (checks.ts and the gate do).
import type { MessageTag } from '../engine-api';
import { editHeaders, readHeaderBlock, type HeaderBlock, type HeaderField } from '../mime/header-block';
import { SES_CONTROL_HEADERS, STRIPPED_HEADERS } from './ses-headers';

export interface ControlValues {
  configurationSet: string | null;
  tags: MessageTag[];
}

/** `name1=value1, name2=value2` → tags, as written: `name` alone has an empty value, `=value` an empty name. */
export function parseTagHeader(value: string): MessageTag[] {
  const tags: MessageTag[] = [];
  for (const entry of value.split(',')) {
    if (!entry.trim()) continue;
    const eq = entry.indexOf('=');
    if (eq === -1) tags.push({ name: entry.trim(), value: '' });
    else tags.push({ name: entry.slice(0, eq).trim(), value: entry.slice(eq + 1).trim() });
  }
  return tags;
}

/** Reads the control values from header lines (name/value pairs, first occurrence wins). */
export function readControlValues(headers: { key: string; value: string }[]): ControlValues {
  let configurationSet: string | null = null;
  let tags: MessageTag[] | null = null;
  for (const h of headers) {
    if (h.key === SES_CONTROL_HEADERS.configurationSet && configurationSet === null) configurationSet = h.value.trim() || null;
    if (h.key === SES_CONTROL_HEADERS.messageTags && tags === null) tags = parseTagHeader(h.value);
  }
  return { configurationSet, tags: tags ?? [] };
}

export interface TakenControl {
  /** The message without its control headers, and its header block. */
  buf: Buffer;
  block: HeaderBlock;
  /** The header block as the caller wrote it (control headers included): what the syntax checks read. */
  original: HeaderBlock;
  control: ControlValues;
}

/** Raw mail with the control headers taken out: the values they carried and the cleaned message. */
export function takeControlHeaders(raw: Buffer): TakenControl {
  const original = readHeaderBlock(raw);
  const control: HeaderField[] = original.fields.filter((f) => STRIPPED_HEADERS.has(f.key));
  if (control.length === 0) return { buf: raw, block: original, original, control: { configurationSet: null, tags: [] } };
  const buf = editHeaders(raw, original, { remove: control });
  return { buf, block: readHeaderBlock(buf), original, control: readControlValues(control) };
}

/** Precedence: what the API call said, else what the headers said. */
export function resolveControl(
  api: { configurationSetName?: string; tags?: MessageTag[] },
  fromHeaders: ControlValues,
): ControlValues {
  return {
    configurationSet: api.configurationSetName || fromHeaders.configurationSet,
    tags: api.tags && api.tags.length > 0 ? api.tags : fromHeaders.tags,
  };
}
