// Which service model a request on the shared AWS port is for.
// Owns: the routing rule of DESIGN.md §3 — anything under `/v2/email` is SES v2 (REST-JSON); a form POST
// (or a GET with `Action=`) is Query: SNS when the SigV4 scope's service is `sns`, else SES v1 (scopes
// `ses` and `email`, or unsigned; any other scope is then refused by sigv4.ts checkSigningService).
// LocalStack routes the same way (service_router.py: signing name + path).
// One more rule for unsigned requests: SNS's own links — a SubscriptionConfirmation's SubscribeURL
// (`/?Action=ConfirmSubscription&TopicArn=…&Token=…`) and a Notification's UnsubscribeURL
// (`/?Action=Unsubscribe&SubscriptionArn=…`) — are plain GETs with no SigV4 at all; an unsigned request whose
// query-string `Action` is an SNS action that SES v1 does not have goes to SNS. SES v1 actions are unaffected.
// Must not: parse bodies or pick operations (the protocols do), or normalise the path.
import type { AwsHttpRequest } from './http-types';
import type { ServiceName } from './model/types';
import type { CredentialScope } from './sigv4';
import { SERVICE_MODELS } from './generated/index';

export type ServiceRoute = { service: ServiceName } | { service: null };

const isV2Path = (path: string) => path === '/v2/email' || path.startsWith('/v2/email/');

/** Whether the request carries a body: read, or declared (a body the transport refused to read is still one). */
const hasBody = (req: AwsHttpRequest) =>
  req.body.length > 0 || Number(req.headers['content-length']) > 0 || req.headers['transfer-encoding'] !== undefined;

/** An action of the SNS model that SES v1 does not have (`ConfirmSubscription`, `Unsubscribe`, …). */
const isSnsOnlyAction = (action: string) =>
  Object.hasOwn(SERVICE_MODELS.sns.operations, action) && !Object.hasOwn(SERVICE_MODELS.ses.operations, action);

export function routeService(req: AwsHttpRequest, scope: CredentialScope | null): ServiceRoute {
  if (isV2Path(req.path)) return { service: 'sesv2' };
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const method = req.method.toUpperCase();
  const formPost = method === 'POST' && (type.startsWith('application/x-www-form-urlencoded') || (type === '' && hasBody(req)));
  const queryAction = new URLSearchParams(req.query).get('Action');
  if (formPost || queryAction !== null || (method === 'POST' && req.path === '/')) {
    if (scope === null && queryAction !== null && isSnsOnlyAction(queryAction)) return { service: 'sns' };
    return { service: scope?.service === 'sns' ? 'sns' : 'ses' };
  }
  return { service: null };
}
