// The page behind the link in SES's verification email, on the AWS port:
//   GET /_sesame/verify-email?token=<token>
//     200  "Congratulations! You have successfully verified an email address…" (as SES's own page says)
//     400  the link expired (24 hours after it was sent; the identity is now FAILED)
//     404  no such link (never issued, replaced by a newer verification email, or the identity was deleted)
// Owns: the HTML of those pages and their headers (no caching, no referrer: the token is in the URL; a CSP
// that allows only the inline style). Must not: decide verification (engine.identities.confirmEmail does).
import type { Engine } from '../../core/engine-api';
import { VERIFY_EMAIL_PATH } from '../../core/identities/identities';
import type { AwsHttpResponse } from '../../protocols/http-types';

export { VERIFY_EMAIL_PATH };

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const STYLE =
  'body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f2f3f3;color:#16191f}' +
  'main{max-width:640px;margin:64px auto;background:#fff;padding:32px 40px;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}' +
  'h1{font-size:24px;margin:0 0 16px}.ok{color:#1d8102}.bad{color:#d13212}code{background:#f2f3f3;padding:1px 4px;border-radius:3px}';

function page(status: number, title: string, heading: string, tone: 'ok' | 'bad', paragraphs: string[]): AwsHttpResponse {
  const body =
    `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><style>${STYLE}</style></head>\n` +
    `<body><main data-testid="verify-email-result" data-outcome="${tone}"><h1 class="${tone}">${escapeHtml(heading)}</h1>\n` +
    paragraphs.map((p) => `<p>${p}</p>`).join('\n') +
    '</main></body></html>\n';
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
    body,
  };
}

/** Answers one request to VERIFY_EMAIL_PATH. `query` is the raw query string without '?'. */
export function handleVerifyEmail(engine: Engine, method: string, query: string): AwsHttpResponse {
  if (method !== 'GET' && method !== 'HEAD') {
    return { ...page(405, 'Method not allowed', 'Method not allowed', 'bad', ['Open this link with GET.']), headers: { 'content-type': 'text/html; charset=utf-8', allow: 'GET' } };
  }
  const token = new URLSearchParams(query).get('token') ?? '';
  const result = token === '' ? ({ outcome: 'unknown' } as const) : engine.identities.confirmEmail(token);
  if (result.outcome === 'verified') {
    return page(200, 'Email Address Verification Request was Successful', 'Congratulations!', 'ok', [
      'You have successfully verified an email address. You can now start sending email from this address.',
      `Verified identity: <code>${escapeHtml(result.identity)}</code> (region ${escapeHtml(engine.region)}).`,
      'For new Amazon SES users: if you have not yet requested production access, your account is still in the sandbox, ' +
        'and you can only send email to addresses and domains that have been verified.',
    ]);
  }
  if (result.outcome === 'expired') {
    return page(400, 'Email Address Verification Request has expired', 'This verification link has expired', 'bad', [
      `The link to verify <code>${escapeHtml(result.identity)}</code> expired 24 hours after it was sent, and its verification has failed.`,
      'Request verification again (VerifyEmailIdentity, or delete and re-create the identity) to get a new link.',
    ]);
  }
  return page(404, 'Email Address Verification Request not found', 'This verification link is not valid', 'bad', [
    'No pending verification matches this link. It may have been replaced by a newer verification email, or the identity was deleted.',
  ]);
}
