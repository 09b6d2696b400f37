// Model validation of a decoded input, before any handler runs.
// Owns: required members and value types (string, number, boolean, timestamp, blob, list, map,
// structure), reported all at once in Smithy/Coral wording with lowerCamel member paths as AWS writes
// them: `1 validation error detected: Value null at 'destination.toAddresses' failed to satisfy
// constraint: Member must not be null`; list elements are `tags.1.member.name`.
// Must not: check length/pattern/range/enum constraints — the SDK v3 schemas we generate from do not
// carry them — or any SES rule (addresses, quotas: core/ does those).
import { errors, validationProblems } from '../core/errors';
import type { ServiceModel } from './model/types';
import { resolveShape } from './model/types';

const EXPECTED: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  timestamp: 'a timestamp',
  blob: 'base64-encoded binary data',
  list: 'a list',
  map: 'a map',
  structure: 'a structure',
};

/** `FromEmailAddress` -> `fromEmailAddress`. */
export const lowerCamel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * A structure or map value: an object that is not a list, a Date or binary. `isBinary` says what counts as binary:
 * here any Uint8Array; rest-json/json-codec passes Buffer.isBuffer.
 */
export const isRecord = (v: unknown, isBinary: (o: object) => boolean = (o) => o instanceof Uint8Array): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isBinary(v) && !(v instanceof Date);

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 100 ? `${text.slice(0, 100)}...` : text;
}

function primitiveOk(type: string, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'timestamp':
      return v instanceof Date && !Number.isNaN(v.getTime());
    case 'blob':
      return v instanceof Uint8Array;
    default:
      return true;
  }
}

/** Every problem with `value` as a `target`, in model order (depth first). */
export function findProblems(model: ServiceModel, target: string, value: unknown, path = ''): string[] {
  const problems: string[] = [];
  const walk = (t: string, v: unknown, p: string): void => {
    const shape = resolveShape(model, t);
    if (typeof shape === 'string') {
      if (!primitiveOk(shape, v)) problems.push(validationProblems.wrongType(p, show(v), EXPECTED[shape]));
      return;
    }
    if (shape.type === 'list') {
      if (!Array.isArray(v)) return void problems.push(validationProblems.wrongType(p, show(v), EXPECTED.list));
      v.forEach((item, i) => {
        const itemPath = `${p}.${i + 1}.member`;
        if (item === null || item === undefined) problems.push(validationProblems.missing(itemPath));
        else walk(shape.member, item, itemPath);
      });
      return;
    }
    if (!isRecord(v)) return void problems.push(validationProblems.wrongType(p, show(v), EXPECTED[shape.type]));
    if (shape.type === 'map') {
      for (const [k, item] of Object.entries(v)) walk(shape.value, item, `${p}.${k}`);
      return;
    }
    for (const [name, member] of Object.entries(shape.members)) {
      const memberPath = p ? `${p}.${lowerCamel(name)}` : lowerCamel(name);
      const item = v[name];
      if (item === undefined || item === null) {
        if (member.required) problems.push(validationProblems.missing(memberPath));
        continue;
      }
      walk(member.target, item, memberPath);
    }
  };
  walk(target, value, path);
  return problems;
}

/** Throws the protocol's validation error (v2 BadRequestException, v1 ValidationError) when input is invalid. */
export function validateInput(model: ServiceModel, target: string | null, input: Record<string, unknown>): void {
  if (target === null) return;
  const problems = findProblems(model, target, input);
  if (problems.length > 0) throw errors.validation(problems);
}
