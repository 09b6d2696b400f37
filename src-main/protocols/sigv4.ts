// SigV4 credential scope, read from a request.
// Owns: finding who signed a request and for which region/service, from the `Authorization` header
// (`AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ses/aws4_request, SignedHeaders=..., Signature=...`)
// or the presigned query form (`X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fses%2Faws4_request`).
// Also: refusing a credential scoped to a service other than the one the request was routed to, as AWS does.
// Must not: verify signatures. Sesame is a local emulator: signatures are NOT checked (any secret works),
// unsigned requests are accepted (no access key id), and the scope's region is not compared with Sesame's.
// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
import { requestErrors } from '../core/errors';
import type { ServiceName } from './model/types';

export interface CredentialScope {
  accessKeyId: string;
  /** `YYYYMMDD` from the scope. */
  date: string;
  region: string;
  /** Signing service: `ses` (current SDKs), `email` (older SDKs, see localstack#4054) or `sns`. */
  service: string;
}

const HEADER_RE = /^AWS4-HMAC-SHA256\s+(.*)$/i;

/** Parses `AKID/date/region/service/aws4_request`. Access key ids never contain '/', so split is exact. */
export function parseCredential(value: string): CredentialScope | null {
  const parts = value.trim().split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !parts[0]) return null;
  const [accessKeyId, date, region, service] = parts;
  return { accessKeyId, date, region, service };
}

/** The scope from the Authorization header, else from presigned query parameters, else null. */
export function readCredentialScope(headers: Record<string, string>, query: string): CredentialScope | null {
  const auth = headers['authorization'];
  if (auth) {
    const m = HEADER_RE.exec(auth.trim());
    if (m) {
      for (const field of m[1].split(',')) {
        const [k, ...rest] = field.trim().split('=');
        if (k === 'Credential') return parseCredential(rest.join('='));
      }
    }
  }
  if (query) {
    const credential = new URLSearchParams(query).get('X-Amz-Credential');
    if (credential) return parseCredential(credential);
  }
  return null;
}

/**
 * SigV4 services accepted per service model, the model's signing name first: SES v1 and v2 sign as `ses`
 * (older SDKs as `email`, ses-facts §A.0), SNS as `sns`.
 */
const SIGNING_SERVICES: Readonly<Record<ServiceName, readonly string[]>> = {
  sesv2: ['ses', 'email'],
  ses: ['ses', 'email'],
  sns: ['sns'],
};

/**
 * Throws AWS's `Credential should be scoped to correct service: 'ses'. ` when a signed request's scope names
 * another service than the one it was routed to (an S3 or STS client pointed at the SES port). Unsigned: fine.
 */
export function checkSigningService(service: ServiceName, scope: CredentialScope | null): void {
  const accepted = SIGNING_SERVICES[service];
  if (scope && !accepted.includes(scope.service)) throw requestErrors.wrongSigningService(accepted[0]);
}
