// awsQuery request parameters -> handler values, walked along the model's shapes.
// Owns: `A.B` nesting, lists `X.member.N` (or `X.N` when flattened, `X=` for an empty list), maps
// `X.entry.N.key` / `X.entry.N.value` (xmlName on key/value honoured, as SNS's `Name`/`Value`), and
// scalars: numbers, booleans, ISO 8601 (or epoch-second) timestamps, base64 blobs; the parameter-count guard.
// Must not: judge input. A value that does not convert is passed through as its string, and validate.ts
// reports it with its member path. See https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
//
// Cost: the parameter names are split once into a tree of dotted segments, and the model walk follows it,
// so a request is read in time linear in its size (scanning every name for every member was quadratic:
// 4,000 tags took 1.3 s). Names deeper than MAX_QUERY_NAME_SEGMENTS can address no member and are skipped.
import { requestErrors } from '../../core/errors';
import { MAX_QUERY_NAME_SEGMENTS, MAX_QUERY_PARAMETERS } from '../../core/limits';
import type { ServiceModel } from '../model/types';
import { resolveShape } from '../model/types';
import { convertScalar } from '../scalars';

/** Non-empty `&`-separated pairs in a form string, counted without allocating them. */
function countPairs(source: string): number {
  let count = 0;
  let start = 0;
  while (start <= source.length) {
    let end = source.indexOf('&', start);
    if (end === -1) end = source.length;
    if (end > start) count++;
    start = end + 1;
  }
  return count;
}

/**
 * Form body and/or query string, as one ordered list of pairs (later wins for duplicates).
 * Throws a ValidationError when together they hold more than `max` pairs.
 */
export function parseForm(...sources: string[]): Map<string, string> {
  const count = sources.reduce((n, source) => n + countPairs(source), 0);
  if (count > MAX_QUERY_PARAMETERS) throw requestErrors.tooManyParameters(count, MAX_QUERY_PARAMETERS);
  const params = new Map<string, string>();
  for (const source of sources) for (const [k, v] of new URLSearchParams(source)) params.set(k, v);
  return params;
}

/** One dotted prefix of the parameter names: its own value (if a parameter has exactly this name) and its children. */
interface FormNode {
  value?: string;
  children: Map<string, FormNode>;
}

const newNode = (): FormNode => ({ children: new Map() });

/** The parameters as a tree of name segments: `Tags.member.1.Name` -> Tags / member / 1 / Name. */
function indexForm(params: Map<string, string>): FormNode {
  const root = newNode();
  for (const [name, value] of params) {
    const segments = name.split('.', MAX_QUERY_NAME_SEGMENTS + 1);
    if (segments.length > MAX_QUERY_NAME_SEGMENTS) continue;
    let node = root;
    for (const segment of segments) {
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = newNode()));
      node = child;
    }
    node.value = value;
  }
  return root;
}

/** The children named by a decimal index (`1`, `2`, `10`), in numeric order; the first of equal numbers wins. */
function numbered(node: FormNode): FormNode[] {
  const found = new Map<number, FormNode>();
  for (const [segment, child] of node.children) {
    if (!/^\d+$/.test(segment)) continue;
    const n = Number(segment);
    if (!found.has(n)) found.set(n, child);
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, child]) => child);
}

/** Reads the parameters as a value of shape `target` (an operation input, or any structure in tests). */
export function readQuery(model: ServiceModel, target: string, params: Map<string, string>): unknown {
  return read(model, target, indexForm(params));
}

/** `node` is the parameters under this member's name; it exists only when some parameter has that name or a longer one. */
function read(model: ServiceModel, target: string, node: FormNode | undefined, flattened = false): unknown {
  if (!node) return undefined;
  const shape = resolveShape(model, target);
  if (typeof shape === 'string') return node.value === undefined ? undefined : convertScalar(shape, node.value);
  if (shape.type === 'list') {
    if (node.value === '') return [];
    const items = shape.flattened || flattened ? node : node.children.get(shape.memberName ?? 'member');
    return items ? numbered(items).map((item) => read(model, shape.member, item)) : [];
  }
  if (shape.type === 'map') {
    const entries = shape.flattened || flattened ? node : node.children.get('entry');
    const out: Record<string, unknown> = {};
    for (const entry of entries ? numbered(entries) : []) {
      const k = entry.children.get(shape.keyName ?? 'key')?.value;
      if (k === undefined) continue;
      out[k] = read(model, shape.value, entry.children.get(shape.valueName ?? 'value'));
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shape.members)) {
    const v = read(model, member.target, node.children.get(member.xmlName ?? name), member.flattened);
    if (v !== undefined) out[name] = v;
  }
  return out;
}
