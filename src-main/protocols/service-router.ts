// Which service model a request on the shared AWS port is for.
// Owns: the routing rule of DESIGN.md §3 — anything under `/v2/email` is SES v2 (REST-JSON); a form POST
// (or a GET with `Action=`) is Query: SNS when the SigV4 scope's service is `sns`, else SES v1 (scopes
// `ses` and `email`, or unsigned; any other scope is then refused by sigv4.ts checkSigningService).
// LocalStack routes the same way (service_router.py: signing name + path).
// Must not: parse bodies or pick operations (the protocols do), or normalise the path.
import type { AwsHttpRequest } from './http-types';
import type { ServiceName } from './model/types';
import type { CredentialScope } from './sigv4';

export type ServiceRoute = { service: ServiceName } | { service: null };

const isV2Path = (path: string) => path === '/v2/email' || path.startsWith('/v2/email/');

/** Whether the request carries a body: read, or declared (a body the transport refused to read is still one). */
const hasBody = (req: AwsHttpRequest) =>
  req.body.length > 0 || Number(req.headers['content-length']) > 0 || req.headers['transfer-encoding'] !== undefined;

export function routeService(req: AwsHttpRequest, scope: CredentialScope | null): ServiceRoute {
  if (isV2Path(req.path)) return { service: 'sesv2' };
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const method = req.method.toUpperCase();
  const formPost = method === 'POST' && (type.startsWith('application/x-www-form-urlencoded') || (type === '' && hasBody(req)));
  const actionInQuery = new URLSearchParams(req.query).has('Action');
  if (formPost || actionInQuery || (method === 'POST' && req.path === '/')) {
    return { service: scope?.service === 'sns' ? 'sns' : 'ses' };
  }
  return { service: null };
}
