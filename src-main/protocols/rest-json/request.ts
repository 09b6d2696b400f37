// restJson1 request -> operation input, from the model's location traits.
// Owns: labels (already URI-decoded by the router), `@httpQuery` (repeated keys -> lists, ISO timestamps),
// `@httpQueryParams`, `@httpHeader` (comma lists, HTTP-date timestamps), `@httpPrefixHeaders`,
// `@httpPayload`, and the JSON body for every unbound member.
// Must not: validate (validate.ts does, after this) or choose the operation (router.ts).
// See https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
import { errors } from '../../core/errors';
import type { AwsHttpRequest } from '../http-types';
import type { WireObject } from '../handler-types';
import type { MemberModel, ServiceModel, StructureShape } from '../model/types';
import { resolveShape, structureOf } from '../model/types';
import { convertScalar } from '../scalars';
import type { RouteMatch } from './router';
import { readJson } from './json-codec';

/** A string from a label, query parameter or header, as the member's type (lists of scalars included). */
function fromStrings(model: ServiceModel, member: MemberModel, values: string[]): unknown {
  const shape = resolveShape(model, member.target);
  if (typeof shape === 'string') return convertScalar(shape, values[0]);
  if (shape.type === 'list') {
    const inner = resolveShape(model, shape.member);
    return values.map((v) => (typeof inner === 'string' ? convertScalar(inner, v) : v));
  }
  return values[0];
}

function parseBody(req: AwsHttpRequest): Record<string, unknown> {
  const text = req.body.toString('utf8');
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw errors.malformedBody((e as Error).message);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw errors.malformedBody('the body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function readPayload(model: ServiceModel, member: MemberModel, req: AwsHttpRequest): unknown {
  const shape = resolveShape(model, member.target);
  if (shape === 'blob') return req.body.length > 0 ? Buffer.from(req.body) : undefined;
  if (shape === 'string') return req.body.length > 0 ? req.body.toString('utf8') : undefined;
  return readJson(model, member.target, parseBody(req));
}

export function readRestInput(model: ServiceModel, match: RouteMatch, req: AwsHttpRequest, query: URLSearchParams): WireObject {
  const shape: StructureShape | null = structureOf(model, match.operation.input);
  const input: WireObject = {};
  if (!shape) return input;
  const members = Object.entries(shape.members);
  const bound = new Set(members.filter(([, m]) => m.location === 'query').map(([, m]) => m.locationName));
  const hasBodyMembers = members.some(([, m]) => !m.location);
  const body = hasBodyMembers ? parseBody(req) : {};
  for (const [name, m] of members) {
    let value: unknown;
    switch (m.location) {
      case 'label':
        value = name in match.labels ? fromStrings(model, m, [match.labels[name]]) : undefined;
        break;
      case 'query': {
        const values = query.getAll(m.locationName ?? name);
        value = values.length > 0 ? fromStrings(model, m, values) : undefined;
        break;
      }
      case 'queryParams': {
        const rest: Record<string, string> = {};
        for (const [k, v] of query) if (!bound.has(k) && !(k in rest)) rest[k] = v;
        value = Object.keys(rest).length > 0 ? rest : undefined;
        break;
      }
      case 'header': {
        const raw = req.headers[(m.locationName ?? name).toLowerCase()];
        const list = typeof resolveShape(model, m.target) !== 'string';
        value = raw === undefined ? undefined : fromStrings(model, m, list ? raw.split(',').map((s) => s.trim()) : [raw]);
        break;
      }
      case 'prefixHeaders': {
        const prefix = (m.locationName ?? '').toLowerCase();
        const found = Object.entries(req.headers).filter(([k]) => k.startsWith(prefix));
        value = found.length > 0 ? Object.fromEntries(found.map(([k, v]) => [k.slice(prefix.length), v])) : undefined;
        break;
      }
      case 'payload':
        value = readPayload(model, m, req);
        break;
      case 'responseCode':
        value = undefined;
        break;
      default: {
        const raw = body[name];
        value = raw === undefined || raw === null ? undefined : readJson(model, m.target, raw);
      }
    }
    if (value !== undefined) input[name] = value;
  }
  return input;
}
