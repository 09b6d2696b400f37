// REST routing from the model's URI templates (Smithy `@http` trait).
// Owns: compiling `/v2/email/identities/{EmailIdentity}/policies/{PolicyName}`-style templates (labels,
// greedy `{Key+}` labels, query literals `?x` / `?x=y`) and matching a request's method, raw path and query
// against them, most specific route first.
// Must not: normalise paths. A trailing slash is part of a route: `GET /v2/email/insights/{MessageId}/`
// and `POST /v2/email/email-address-insights/` end in one (botocore model). The SDK v3 schemas drop that
// slash, so a template that ends in '/' also matches without it; a template without one never matches a
// path that has one.
import type { OperationModel, ServiceModel } from '../model/types';

type Segment = { kind: 'literal'; value: string } | { kind: 'label'; name: string } | { kind: 'greedy'; name: string };

interface CompiledRoute {
  operation: OperationModel;
  method: string;
  segments: Segment[];
  trailingSlash: boolean;
  queryLiterals: [string, string | null][];
}

export interface RouteMatch {
  operation: OperationModel;
  /** Label values, URI-decoded, by member name. */
  labels: Record<string, string>;
}

export type RestRouter = (method: string, path: string, query: URLSearchParams) => RouteMatch | null;

const RANK = { literal: 0, label: 1, greedy: 2 } as const;

function compileTemplate(operation: OperationModel): CompiledRoute {
  if (!operation.http) throw new Error(`${operation.name} has no http binding`);
  const [pathPart, queryPart = ''] = operation.http.uri.split('?');
  let body = pathPart.replace(/^\//, '');
  const trailingSlash = body.endsWith('/');
  if (trailingSlash) body = body.slice(0, -1);
  const segments: Segment[] = body === '' ? [] : body.split('/').map((s): Segment => {
    const m = /^\{(\w+)(\+)?\}$/.exec(s);
    if (!m) return { kind: 'literal', value: s };
    return m[2] ? { kind: 'greedy', name: m[1] } : { kind: 'label', name: m[1] };
  });
  const queryLiterals = queryPart
    .split('&')
    .filter(Boolean)
    .map((kv): [string, string | null] => {
      const i = kv.indexOf('=');
      return i < 0 ? [kv, null] : [kv.slice(0, i), kv.slice(i + 1)];
    });
  return { operation, method: operation.http.method.toUpperCase(), segments, trailingSlash, queryLiterals };
}

/** Negative when `a` is more specific than `b`. */
function bySpecificity(a: CompiledRoute, b: CompiledRoute): number {
  const n = Math.min(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const d = RANK[a.segments[i].kind] - RANK[b.segments[i].kind];
    if (d !== 0) return d;
  }
  if (a.segments.length !== b.segments.length) return b.segments.length - a.segments.length;
  return b.queryLiterals.length - a.queryLiterals.length;
}

const decode = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | null {
  const labels: Record<string, string> = {};
  let p = 0;
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg.kind === 'greedy') {
      const take = parts.length - p - (segments.length - i - 1);
      if (take < 1) return null;
      const value = parts.slice(p, p + take).map(decode).join('/');
      if (value === '') return null;
      labels[seg.name] = value;
      p += take;
      continue;
    }
    if (p >= parts.length) return null;
    const part = parts[p++];
    if (seg.kind === 'literal') {
      if (decode(part) !== seg.value) return null;
    } else {
      if (part === '') return null;
      labels[seg.name] = decode(part);
    }
  }
  return p === parts.length ? labels : null;
}

export function createRestRouter(model: ServiceModel): RestRouter {
  const routes = Object.values(model.operations)
    .filter((op) => op.http)
    .map(compileTemplate)
    .sort(bySpecificity);
  return (method, path, query) => {
    let body = path.replace(/^\//, '');
    const hasSlash = body.endsWith('/');
    if (hasSlash) body = body.slice(0, -1);
    const parts = body === '' ? [] : body.split('/');
    const upper = method.toUpperCase();
    for (const route of routes) {
      if (route.method !== upper) continue;
      if (hasSlash && !route.trailingSlash) continue;
      if (!route.queryLiterals.every(([k, v]) => (v === null ? query.has(k) : query.get(k) === v))) continue;
      const labels = matchSegments(route.segments, parts);
      if (labels) return { operation: route.operation, labels };
    }
    return null;
  };
}
