// SigV4 credential scope, read from a request.
// Owns: finding who signed a request and for which region/service, from the `Authorization` header
// (`AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ses/aws4_request, SignedHeaders=..., Signature=...`)
// or the presigned query form (`X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fses%2Faws4_request`).
// Must not: verify signatures. Sesame is a local emulator: signatures are NOT checked (any secret works),
// and unsigned requests are accepted (they get the engine's region and no access key id).
// See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html

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

/** SigV4 services under which a request is SES (v1 or v2). */
export const SES_SIGNING_SERVICES: ReadonlySet<string> = new Set(['ses', 'email']);
