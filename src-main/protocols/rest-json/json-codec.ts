// JSON values <-> handler values, walked along the model's shapes (restJson1 body rules).
// Owns: blobs as base64 strings, timestamps as epoch seconds (rest-json default; `date-time`/`http-date`
// when a member says so), omitting absent members, ignoring unknown input members.
// Must not: judge input. Reading is lenient: a value of the wrong JSON type is passed through unchanged
// so that validate.ts reports it with its member path, together with every other problem.
import type { MemberModel, ServiceModel } from '../model/types';
import { resolveShape } from '../model/types';
import { readBlob, readTimestamp, writeBlob, writeTimestamp } from '../scalars';
import { isRecord } from '../validate';

const isPlainObject = (v: unknown): v is Record<string, unknown> => isRecord(v, Buffer.isBuffer);

/** Reads a JSON value as `target`. Unknown members are dropped; nulls count as absent. */
export function readJson(model: ServiceModel, target: string, value: unknown): unknown {
  const shape = resolveShape(model, target);
  if (typeof shape === 'string') {
    switch (shape) {
      case 'blob':
        return readBlob(value);
      case 'timestamp':
        return readTimestamp(value);
      default:
        return value;
    }
  }
  if (shape.type === 'list') {
    return Array.isArray(value) ? value.map((v) => (v === null ? v : readJson(model, shape.member, v))) : value;
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  if (shape.type === 'map') {
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = readJson(model, shape.value, v);
    return out;
  }
  for (const [name, member] of Object.entries(shape.members)) {
    const v = value[name];
    if (v !== undefined && v !== null) out[name] = readJson(model, member.target, v);
  }
  return out;
}

/** Writes a handler value as JSON for `target`; absent members are omitted. */
export function writeJson(model: ServiceModel, target: string, value: unknown, member?: MemberModel): unknown {
  const shape = resolveShape(model, target);
  if (typeof shape === 'string') {
    if (shape === 'timestamp') return writeTimestamp(value, member?.timestampFormat ?? 'epoch-seconds');
    if (shape === 'blob') return writeBlob(value);
    return value;
  }
  if (shape.type === 'list') {
    return Array.isArray(value) ? value.map((v) => writeJson(model, shape.member, v)) : value;
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  if (shape.type === 'map') {
    for (const [k, v] of Object.entries(value)) if (v !== undefined && v !== null) out[k] = writeJson(model, shape.value, v);
    return out;
  }
  for (const [name, m] of Object.entries(shape.members)) {
    const v = value[name];
    if (v !== undefined && v !== null) out[name] = writeJson(model, m.target, v, m);
  }
  return out;
}
