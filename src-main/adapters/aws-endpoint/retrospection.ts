// Sesame's own routes on the AWS port: the LocalStack-compatible retrospection endpoint and a health check.
//   GET    /_aws/ses[?id=<MessageId>][&email=<Source>] → 200 {"messages":[…]}   (ses-facts §B.2)
//   DELETE /_aws/ses[?id=<MessageId>]                   → 204
//   GET    /_sesame/health                              → 200 {"status":"ok"}
//   GET    /_sesame/verify-email?token=…                → the verification link's page (verify-email.ts)
//   GET    /_sesame/sns/SimpleNotificationService.pem   → the SNS signing certificate (sns-cert.ts)
// Owns: these paths' HTTP shapes. Must not: filter or shape messages itself (engine.messages.retrospection
// does), or answer anything under /v2/ or POST / (the protocol layer's).
import type { Engine } from '../../core/engine-api';
import type { AwsHttpResponse } from '../../protocols/http-types';
import { handleSnsCertificate, SNS_CERT_PATH } from './sns-cert';
import { handleVerifyEmail, VERIFY_EMAIL_PATH } from './verify-email';

export const RETROSPECTION_PATH = '/_aws/ses';
export const HEALTH_PATH = '/_sesame/health';

/** Whether a path belongs to this module rather than to the protocol layer. */
export function isInternalPath(path: string): boolean {
  return path.startsWith('/_aws/') || path.startsWith('/_sesame/');
}

const json = (status: number, value: unknown): AwsHttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  body: JSON.stringify(value),
});

const notFound = (path: string) => json(404, { code: 'NotFound', message: `No route for ${path}` });
const notAllowed = (method: string, allow: string): AwsHttpResponse => ({
  ...json(405, { code: 'MethodNotAllowed', message: `${method} is not supported here; use ${allow}.` }),
  headers: { 'content-type': 'application/json', allow },
});

/** Answer one internal request. `query` is the raw query string without '?'. */
export async function handleInternal(engine: Engine, method: string, path: string, query: string): Promise<AwsHttpResponse> {
  const route = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (route === HEALTH_PATH) {
    if (method !== 'GET' && method !== 'HEAD') return notAllowed(method, 'GET');
    return json(200, { status: 'ok' });
  }
  if (route === VERIFY_EMAIL_PATH) return handleVerifyEmail(engine, method, query);
  if (route === SNS_CERT_PATH) return handleSnsCertificate(engine, method);
  if (route !== RETROSPECTION_PATH) return notFound(path);

  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return json(400, { code: 'BadRequest', message: 'Unreadable query string.' });
  }
  const id = params.get('id') || undefined;
  if (method === 'GET' || method === 'HEAD') {
    const email = params.get('email') || undefined;
    const filter: { id?: string; email?: string } = {};
    if (id !== undefined) filter.id = id;
    if (email !== undefined) filter.email = email;
    return json(200, { messages: await engine.messages.retrospection(filter) });
  }
  if (method === 'DELETE') {
    engine.messages.retrospectionDelete(id);
    return { status: 204, headers: {}, body: '' };
  }
  return notAllowed(method, 'GET, DELETE');
}
