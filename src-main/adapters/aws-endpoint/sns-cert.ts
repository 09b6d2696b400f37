// The SNS signing certificate on the AWS port: `GET /_sesame/sns/SimpleNotificationService.pem`, the
// SigningCertURL of every envelope Sesame's SNS sends, so a subscriber verifies signatures as it does against
// AWS's `https://sns.<region>.amazonaws.com/SimpleNotificationService-….pem`.
// Owns: this path's HTTP shape. Must not: make or keep the certificate (hosts/app.ts loads it with
// adapters/deliveries/signing-cert.ts; the engine holds it).
import type { Engine } from '../../core/engine-api';
import { SNS_CERT_PATH } from '../../core/sns/sns';
import type { AwsHttpResponse } from '../../protocols/http-types';

export { SNS_CERT_PATH };

export function handleSnsCertificate(engine: Engine, method: string): AwsHttpResponse {
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, headers: { 'content-type': 'text/plain; charset=utf-8', allow: 'GET' }, body: `${method} is not supported here; use GET.` };
  }
  const pem = engine.sns.signingCertificate();
  if (!pem) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'This Sesame has no SNS signing certificate.' };
  return { status: 200, headers: { 'content-type': 'application/x-pem-file', 'cache-control': 'no-store' }, body: method === 'HEAD' ? '' : pem };
}
