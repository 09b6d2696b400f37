// The open/click tracking endpoints on the AWS port (ses-facts §A.13; the URLs core/tracking writes into
// tracked mail):
//   GET /_sesame/t/o/<token>.gif  → records `Open` {ipAddress, timestamp, userAgent}; 200 a 1×1 transparent GIF
//   GET /_sesame/t/c/<token>      → records `Click` {…, link, linkTags}; 302 to the original link
//   HEAD on either answers the same headers without recording (link checkers and previews probe with HEAD).
// An unknown token answers 404. Nothing is cached, so every open is a request (as a real pixel would be).
// Owns: these paths' HTTP shapes and reading the client (peer address, User-Agent). Must not: decide what an
// open or click records (engine.tracking does).
import type { Engine } from '../../core/engine-api';
import { TRACKING_CLICK_PREFIX, TRACKING_OPEN_PREFIX } from '../../core/tracking/tracking';
import type { AwsHttpResponse } from '../../protocols/http-types';

/** The smallest transparent GIF: 1×1, one transparent colour (43 bytes). */
export const TRANSPARENT_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

export interface TrackingRequest {
  method: string;
  path: string;
  ipAddress: string;
  userAgent: string;
}

export const isTrackingPath = (path: string): boolean => path.startsWith(TRACKING_OPEN_PREFIX) || path.startsWith(TRACKING_CLICK_PREFIX);

const NO_STORE = { 'cache-control': 'no-store, max-age=0', 'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff' };

const text = (status: number, body: string, extra: Record<string, string> = {}): AwsHttpResponse => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', ...NO_STORE, ...extra },
  body,
});

const notFound = () => text(404, 'This tracking link is not known to Sesame (the message may have been deleted).');

/** Answers one tracking request. */
export function handleTracking(engine: Engine, req: TrackingRequest): AwsHttpResponse {
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, `${req.method} is not supported here; use GET.`, { allow: 'GET, HEAD' });
  const record = req.method === 'GET';
  const client = { ipAddress: req.ipAddress, userAgent: req.userAgent };
  if (req.path.startsWith(TRACKING_OPEN_PREFIX)) {
    const name = req.path.slice(TRACKING_OPEN_PREFIX.length);
    const token = name.endsWith('.gif') ? name.slice(0, -4) : name;
    if (!TOKEN.test(token)) return notFound();
    const known = record ? engine.tracking.open(token, client) !== null : engine.tracking.lookup(token)?.link === null;
    if (!known) return notFound();
    return { status: 200, headers: { 'content-type': 'image/gif', ...NO_STORE, 'cross-origin-resource-policy': 'cross-origin' }, body: record ? TRANSPARENT_GIF : '' };
  }
  const token = req.path.slice(TRACKING_CLICK_PREFIX.length);
  if (!TOKEN.test(token)) return notFound();
  const link = record ? engine.tracking.click(token, client)?.link : engine.tracking.lookup(token)?.link;
  if (!link) return notFound();
  return { status: 302, headers: { location: link, 'content-type': 'text/plain; charset=utf-8', ...NO_STORE }, body: record ? `Redirecting to ${link}\n` : '' };
}
