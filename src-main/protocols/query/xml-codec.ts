// Handler values -> awsQuery XML, walked along the model's shapes.
// Owns: element names (xmlName), lists as `<X><member>..</member></X>` (or repeated `<X>` when flattened),
// maps as `<X><entry><key/><value/></entry></X>` (SES v1 has no flattened maps), ISO 8601 timestamps,
// base64 blobs, XML escaping of text.
// Must not: frame responses (`{Action}Response`, errors) — that is query/protocol.ts.
import type { ListShape, MapShape, MemberModel, ServiceModel } from '../model/types';
import { resolveShape } from '../model/types';
import { writeBlob, writeTimestamp } from '../scalars';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

// Characters XML 1.0 cannot carry at all, not even as references (https://www.w3.org/TR/xml/#charsets): C0
// controls other than tab, LF and CR, U+FFFE, U+FFFF, and lone surrogates (with the `u` flag a surrogate
// class matches only unpaired halves). They become U+FFFD, so an echoed `Action=Foo%01` cannot break SDK parsers.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT = /[&<>\r]|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;
// eslint-disable-next-line no-control-regex -- as above
const ATTRIBUTE = /[&<>"'\r]|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;
const escapeChar = (c: string): string => ESCAPES[c] ?? '\uFFFD';

/** Escapes element text (`&`, `<`, `>`; `\r` as a reference so parsers keep it; non-XML characters as U+FFFD). */
export function escapeXml(text: string): string {
  return text.replace(TEXT, escapeChar);
}

/** Escapes an attribute value (quotes too). */
export function escapeXmlAttribute(text: string): string {
  return text.replace(ATTRIBUTE, escapeChar);
}

export function element(name: string, inner: string): string {
  return inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`;
}

function scalar(type: string, value: unknown, member?: MemberModel): string {
  if (type === 'timestamp') return escapeXml(String(writeTimestamp(value, member?.timestampFormat ?? 'date-time')));
  if (type === 'blob') return escapeXml(String(writeBlob(value)));
  if (typeof value === 'object' && value !== null) return escapeXml(JSON.stringify(value));
  return escapeXml(String(value));
}

/** A list's items, each (absent ones skipped) as an element called `name`. */
function listItems(model: ServiceModel, shape: ListShape, items: unknown[], name: string): string {
  return items.filter((v) => v !== undefined && v !== null).map((v) => element(name, writeXml(model, shape.member, v))).join('');
}

/** A map's entries (absent values skipped), each as an element called `name` holding its key and value elements. */
function mapEntries(model: ServiceModel, shape: MapShape, record: Record<string, unknown>, name: string): string {
  return Object.entries(record)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => element(name, element(shape.keyName ?? 'key', escapeXml(k)) + element(shape.valueName ?? 'value', writeXml(model, shape.value, v))))
    .join('');
}

/** The inner XML of a value of shape `target`. */
export function writeXml(model: ServiceModel, target: string, value: unknown, member?: MemberModel): string {
  const shape = resolveShape(model, target);
  if (typeof shape === 'string') return scalar(shape, value, member);
  if (shape.type === 'list') {
    if (!Array.isArray(value)) return '';
    return listItems(model, shape, value, shape.memberName ?? 'member');
  }
  if (typeof value !== 'object' || value === null) return '';
  const record = value as Record<string, unknown>;
  if (shape.type === 'map') return mapEntries(model, shape, record, 'entry');
  let out = '';
  for (const [name, m] of Object.entries(shape.members)) {
    const v = record[name];
    if (v === undefined || v === null) continue;
    out += writeMember(model, m.xmlName ?? name, m, v);
  }
  return out;
}

function writeMember(model: ServiceModel, name: string, m: MemberModel, v: unknown): string {
  const target = resolveShape(model, m.target);
  if (typeof target === 'string' || target.type === 'structure' || !(m.flattened || target.flattened)) {
    return element(name, writeXml(model, m.target, v, m));
  }
  // Flattened collections: one element per item (or map entry), named after the member.
  if (target.type === 'list') return Array.isArray(v) ? listItems(model, target, v, name) : '';
  return mapEntries(model, target, v as Record<string, unknown>, name);
}
