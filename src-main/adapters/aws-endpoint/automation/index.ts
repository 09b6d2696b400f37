// Sesame's test-automation API on the AWS port, under `/_sesame/` beside LocalStack's `/_aws/ses`: JSON in,
// JSON out, failures as `{code, message}` with a 4xx (405 names the allowed methods in `Allow`).
// Routes (each module documents its own):
//   account-routes.ts   POST /_sesame/reset[?messages=1] · GET|PATCH /_sesame/account
//   identity-routes.ts  POST /_sesame/identities/{identity}/verify · POST /_sesame/identities/{identity}/fail
//   time-routes.ts      GET /_sesame/time · POST /_sesame/time/advance
//   scenario-rules.ts   GET|POST|DELETE /_sesame/scenario-rules · POST …/reorder · GET|PUT|DELETE …/{id}
//   event-sinks.ts      GET|PUT /_sesame/event-sinks · GET /_sesame/publishing · GET /_sesame/metrics
//   sns-routes.ts       GET /_sesame/sns/deliveries (the SNS delivery log)
//   dns-routes.ts       GET|POST|DELETE /_sesame/dns (user records in the local zone, real-DNS fallback)
//   reputation-routes.ts GET /_sesame/reputation · PATCH …/settings · POST …/fresh-start
//   dedicated-ip-routes.ts GET|POST /_sesame/dedicated-ips · DELETE …/{ip} (lease and release IPs)
// `/_sesame/health` and `/_sesame/verify-email` stay with retrospection.ts (server.ts asks `isAutomationPath`
// first; a path no route here knows goes there).
// To add routes: write a module exporting `readonly AutomationRoute[]` (automation/types.ts) and add it to
// ROUTE_MODULES — one line.
// Owns: matching, decoding the JSON body, and turning failures into answers. Must not: hold route code or
// read sockets (server.ts reads the body, capped at AUTOMATION_MAX_BODY_BYTES).
import type { Engine } from '../../../core/engine-api';
import { isSesError, type SesError } from '../../../core/errors';
import type { AwsHttpResponse } from '../../../protocols/http-types';
import { accountRoutes } from './account-routes';
import { dedicatedIpRoutes } from './dedicated-ip-routes';
import { dnsRoutes } from './dns-routes';
import { eventSinkRoutes } from './event-sinks';
import { identityRoutes } from './identity-routes';
import { reputationRoutes } from './reputation-routes';
import { scenarioRuleRoutes } from './scenario-rules';
import { snsRoutes } from './sns-routes';
import { timeRoutes } from './time-routes';
import type { AutomationRoute } from './types';
import { AutomationError, isReply } from './types';

/** Every route module, in match order. */
const ROUTE_MODULES: readonly (readonly AutomationRoute[])[] = [
  accountRoutes,
  identityRoutes,
  timeRoutes,
  scenarioRuleRoutes,
  eventSinkRoutes,
  snsRoutes,
  dnsRoutes,
  reputationRoutes,
  dedicatedIpRoutes,
];

/** Automation bodies are small JSON documents; 1 MiB is generous. */
export const AUTOMATION_MAX_BODY_BYTES = 1024 * 1024;

interface CompiledRoute {
  route: AutomationRoute;
  segments: string[];
}

const split = (path: string) => {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/').slice(1);
};

const ROUTES: CompiledRoute[] = ROUTE_MODULES.flat().map((route) => ({ route, segments: split(route.path) }));

/** Path parameters when `segments` match the route's pattern (raw, not yet decoded); null otherwise. */
function match(c: CompiledRoute, segments: string[]): Record<string, string> | null {
  if (c.segments.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const want = c.segments[i];
    if (want.startsWith(':')) {
      if (segments[i] === '') return null;
      params[want.slice(1)] = segments[i];
    } else if (want !== segments[i]) return null;
  }
  return params;
}

/** Whether some automation route answers this path (with any method). */
export function isAutomationPath(path: string): boolean {
  if (!path.startsWith('/_sesame/')) return false;
  const segments = split(path);
  return ROUTES.some((c) => match(c, segments) !== null);
}

const json = (status: number, value: unknown, extra: Record<string, string> = {}): AwsHttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...extra },
  body: value === undefined ? '' : JSON.stringify(value),
});

const failure = (status: number, code: string, message: string, extra: Record<string, string> = {}) =>
  json(status, { code, message }, extra);

/** An engine refusal: the v2 error name as the code, and an HTTP status that says what kind of failure it was. */
function sesFailure(err: SesError): AwsHttpResponse {
  const status =
    err.fault === 'server' ? 500 : err.wire.v2 === 'NotFoundException' ? 404 : err.wire.v2 === 'ConflictException' || err.wire.v2 === 'AlreadyExistsException' ? 409 : 400;
  return failure(status, err.wire.v2, err.message);
}

/** A body over the cap (server.ts reads it). */
export const bodyTooLarge = (): AwsHttpResponse =>
  failure(413, 'PayloadTooLarge', `Automation requests carry at most ${AUTOMATION_MAX_BODY_BYTES} bytes of JSON.`);

/** Answer one automation request. `query` is the raw query string without '?'. */
export async function handleAutomation(engine: Engine, method: string, path: string, query: string, body: Buffer): Promise<AwsHttpResponse> {
  const segments = split(path);
  const candidates = ROUTES.map((c) => ({ c, params: match(c, segments) })).filter((m) => m.params !== null);
  const verb = method === 'HEAD' ? 'GET' : method;
  const hit = candidates.find((m) => m.c.route.method === verb);
  if (!hit) {
    const allow = [...new Set(candidates.map((m) => m.c.route.method))].join(', ');
    return failure(405, 'MethodNotAllowed', `${method} is not supported on ${path}; use ${allow}.`, { allow });
  }

  try {
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(hit.params!)) {
      try {
        params[k] = decodeURIComponent(v);
      } catch {
        throw new AutomationError(400, 'BadRequest', `The path segment "${v}" is not valid percent-encoding.`);
      }
    }
    let parsed: unknown;
    const text = body.toString('utf8');
    if (text.trim() !== '') {
      try {
        parsed = JSON.parse(text);
      } catch (e) {
        throw new AutomationError(400, 'BadRequest', `The body is not JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const result = await hit.c.route.handle({ engine, method, params, query: new URLSearchParams(query), body: parsed });
    const out = isReply(result) ? json(result.status, result.body) : json(200, result);
    return method === 'HEAD' ? { ...out, body: '' } : out;
  } catch (err) {
    if (err instanceof AutomationError) return failure(err.status, err.code, err.message);
    if (isSesError(err)) return sesFailure(err);
    throw err;
  }
}
