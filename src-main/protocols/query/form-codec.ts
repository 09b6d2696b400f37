// awsQuery request parameters -> handler values, walked along the model's shapes.
// Owns: `A.B` nesting, lists `X.member.N` (or `X.N` when flattened, `X=` for an empty list), maps
// `X.entry.N.key` / `X.entry.N.value` (xmlName on key/value honoured, as SNS's `Name`/`Value`), and
// scalars: numbers, booleans, ISO 8601 (or epoch-second) timestamps, base64 blobs.
// Must not: judge input. A value that does not convert is passed through as its string, and validate.ts
// reports it with its member path. See https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
import type { ServiceModel } from '../model/types';
import { resolveShape } from '../model/types';
import { convertScalar } from '../scalars';

/** Form body and/or query string, as one ordered list of pairs (later wins for duplicates). */
export function parseForm(...sources: string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const source of sources) for (const [k, v] of new URLSearchParams(source)) params.set(k, v);
  return params;
}

/** The numbered indices present under `prefix.` (`X.member.1`, `X.member.2.Name` -> [1, 2]), sorted. */
function indices(keys: string[], prefix: string): number[] {
  const found = new Set<number>();
  for (const k of keys) {
    if (!k.startsWith(prefix)) continue;
    const head = k.slice(prefix.length).split('.')[0];
    if (/^\d+$/.test(head)) found.add(Number(head));
  }
  return [...found].sort((a, b) => a - b);
}

const hasPrefix = (keys: string[], key: string) => keys.some((k) => k === key || k.startsWith(`${key}.`));

/** Reads the value for `target` at `key` (empty key = the top-level input). Undefined when absent. */
export function readQuery(model: ServiceModel, target: string, params: Map<string, string>, key = ''): unknown {
  const keys = [...params.keys()];
  return read(model, target, params, keys, key);
}

function read(model: ServiceModel, target: string, params: Map<string, string>, keys: string[], key: string, flattened = false): unknown {
  const shape = resolveShape(model, target);
  if (typeof shape === 'string') {
    const raw = params.get(key);
    return raw === undefined ? undefined : convertScalar(shape, raw);
  }
  if (key !== '' && !hasPrefix(keys, key)) return undefined;
  if (shape.type === 'list') {
    if (params.get(key) === '') return [];
    const base = shape.flattened || flattened ? `${key}.` : `${key}.${shape.memberName ?? 'member'}.`;
    return indices(keys, base).map((i) => read(model, shape.member, params, keys, `${base}${i}`));
  }
  if (shape.type === 'map') {
    const base = shape.flattened || flattened ? `${key}.` : `${key}.entry.`;
    const out: Record<string, unknown> = {};
    for (const i of indices(keys, base)) {
      const k = params.get(`${base}${i}.${shape.keyName ?? 'key'}`);
      if (k === undefined) continue;
      out[k] = read(model, shape.value, params, keys, `${base}${i}.${shape.valueName ?? 'value'}`);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(shape.members)) {
    const wireName = member.xmlName ?? name;
    const v = read(model, member.target, params, keys, key === '' ? wireName : `${key}.${wireName}`, member.flattened);
    if (v !== undefined) out[name] = v;
  }
  return out;
}
