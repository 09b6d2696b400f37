// PNG export of a message's HTML preview over the UI API, for browsers and `sesame serve` (issue 5):
//   GET /api/messages/:id/preview.png?width=800[&scheme=dark]
// The host injects a capturer (adapters/screenshot/chromium-png.ts: the machine's Chromium via playwright-core);
// this route hands it the same preview URL the UI's iframe loads — remote content off, the message's preview
// capability instead of the token — so the image is exactly what the sandboxed, script-less preview shows.
// Without a browser it answers 501 NotAvailable (ServerInfo.pngExport tells the UI beforehand).
// Owns: the route's parameters and HTTP shape. Must not: render or fetch mail itself, or put the token in the URL.
import type { ServerResponse } from 'node:http';
import { CAPABILITY_QUERY, CapabilityScopes } from '../../contract/ui-api';
import type { Engine } from '../../core/engine-api';
import { capability } from './capabilities';
import { ApiError, badRequest, contentDisposition, notFound, send } from './respond';

/** What the host gives the UI API for PNG export; absent = not available on this machine. */
export interface PngCapture {
  capture(url: string, width: number): Promise<Buffer>;
}

export const PNG_ROUTE_SEGMENT = 'preview.png';
const MIN_WIDTH = 200;
const MAX_WIDTH = 2000;
const DEFAULT_WIDTH = 800;

export async function servePreviewPng(
  deps: { engine: Engine; token: string | null; origin: string; png: PngCapture | undefined },
  res: ServerResponse,
  method: string,
  id: string,
  query: URLSearchParams,
): Promise<void> {
  const rawWidth = query.get('width');
  const width = rawWidth === null ? DEFAULT_WIDTH : /^\d{1,4}$/.test(rawWidth) ? Number(rawWidth) : NaN;
  if (!(width >= MIN_WIDTH && width <= MAX_WIDTH)) throw badRequest(`width must be a whole number of CSS pixels ${MIN_WIDTH}..${MAX_WIDTH}.`);
  const scheme = query.get('scheme');
  if (scheme !== null && scheme !== 'dark' && scheme !== 'light') throw badRequest('scheme must be dark or light.');
  const detail = await deps.engine.messages.get(id);
  if (detail === undefined) throw notFound(`No message ${id}.`);
  if (detail.html === null) throw notFound(`Message ${id} has no HTML part.`);
  if (!deps.png) {
    throw new ApiError(501, 'NotAvailable', 'PNG export needs Chromium or Chrome on this machine (start Sesame with --chromium <path> if it is installed somewhere unusual).');
  }
  const url = new URL(`/api/messages/${encodeURIComponent(id)}/html`, deps.origin);
  url.searchParams.set('remote', '0');
  if (scheme === 'dark') url.searchParams.set('scheme', 'dark');
  if (deps.token !== null) url.searchParams.set(CAPABILITY_QUERY, capability(deps.token, CapabilityScopes.preview(id)));
  let png: Buffer;
  try {
    png = await deps.png.capture(url.href, width);
  } catch (err) {
    throw new ApiError(503, 'CaptureFailed', `The preview could not be captured: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  const name = `message-${id.slice(0, 24)}${scheme === 'dark' ? '-dark' : ''}-${width}px.png`;
  send(res, 200, { 'content-type': 'image/png', 'content-disposition': contentDisposition('attachment', name), 'cache-control': 'no-store' }, png, method);
}
