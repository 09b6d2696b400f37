// The UI API's JSON routes (contract/ui-api.ts UiRoutes), behind the guard and the token.
//   GET /api/info · GET /api/messages?q&limit&cursor · DELETE /api/messages (all) → {deleted}
//   GET|DELETE /api/messages/:id · PUT /api/messages/:id/read {read?: boolean} · DELETE …/read (unread)
//   GET /api/events (SSE) · content routes (raw, html, attachments) in content-routes.ts
//   inspection (authentication, mime-tree, links, parts/:path, html?scheme=dark) → inspect-routes.ts
//   GET /api/messages/:id/preview.png?width&scheme → png-route.ts (the host's Chromium renders the preview)
//   GET /api/preferences · PUT /api/preferences {partial} → Preferences, then broadcasts `preferences.updated`
//   /api/{account,time,identities,suppression,scenario-rules,simulator-test}/* → ses-routes.ts
// Owns: matching paths and methods, validating query parameters (bad values → 400 {code, message}).
// Must not: page through or filter messages itself (the engine does; lists are always paginated), or
// validate preference values (the PreferencesStore does; this file only refuses unknown keys).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MessageListQuery, PreferencesPatch, ServerInfo } from '../../contract/ui-api';
import type { Engine } from '../../core/engine-api';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../core/limits';
import { DEFAULT_PREFERENCES, InvalidPreferenceError } from '../../core/preferences/preferences';
import type { PreferencesStore } from '../../core/preferences/preferences';
import { serveAttachment, serveHtml, serveRaw } from './content-routes';
import type { EventStreams } from './events-stream';
import { handleInspect, handleLinkCheck, isInspectPath, isLinkCheckPath, serveSchemeHtml, wantsScheme } from './inspect-routes';
import { badRequest, methodNotAllowed, notFound, parseJsonBody, readBodyText, segment, sendJson } from './respond';
import { handleSesApi, isSesPath } from './ses-routes';
import { PNG_ROUTE_SEGMENT, servePreviewPng, type PngCapture } from './png-route';

export interface ApiContext {
  engine: Engine;
  info: () => ServerInfo;
  token: string | null;
  streams: EventStreams;
  /** App preferences (lowdb), owned by the host. */
  preferences: PreferencesStore;
  /** This API's own origin (the PNG export loads the preview from it). */
  origin: () => string;
  /** PNG export of previews (png-route.ts); absent when no browser is available. */
  png?: PngCapture;
}

const MAX_QUERY_CHARS = 500;
const MAX_CURSOR_CHARS = 512;
const MAX_JSON_BODY = 64 * 1024;

function single(query: URLSearchParams, name: string): string | undefined {
  const all = query.getAll(name);
  if (all.length > 1) throw badRequest(`${name} may be given once.`);
  return all[0];
}

/** Validate GET /api/messages parameters into the engine's query. */
export function parseListQuery(query: URLSearchParams): MessageListQuery & { limit: number } {
  const out: MessageListQuery & { limit: number } = { limit: DEFAULT_PAGE_SIZE };
  const q = single(query, 'q');
  if (q !== undefined) {
    if (q.length > MAX_QUERY_CHARS) throw badRequest(`q is too long (at most ${MAX_QUERY_CHARS} characters).`);
    if (q.trim() !== '') out.q = q.trim();
  }
  const limit = single(query, 'limit');
  if (limit !== undefined) {
    const n = /^\d{1,4}$/.test(limit) ? Number(limit) : NaN;
    if (!(n >= 1 && n <= MAX_PAGE_SIZE)) throw badRequest(`limit must be an integer from 1 to ${MAX_PAGE_SIZE} (got "${limit}").`);
    out.limit = n;
  }
  const cursor = single(query, 'cursor');
  if (cursor !== undefined) {
    if (!/^[\x21-\x7e]+$/.test(cursor) || cursor.length > MAX_CURSOR_CHARS) {
      throw badRequest('cursor is not a cursor returned by this API (use nextCursor from the previous page).');
    }
    out.cursor = cursor;
  }
  return out;
}

/** The body parsed as JSON; an empty body reads as undefined. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBodyText(req, MAX_JSON_BODY, 'Body too large.');
  return text === '' ? undefined : parseJsonBody(text);
}

const PREFERENCE_KEYS = Object.keys(DEFAULT_PREFERENCES);

/** PUT /api/preferences: a JSON object with known keys only; the store validates the values. */
async function updatePreferences(ctx: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest(`The body must be a JSON object with any of: ${PREFERENCE_KEYS.join(', ')}.`);
  }
  const unknown = Object.keys(body).filter((k) => !PREFERENCE_KEYS.includes(k));
  if (unknown.length > 0) {
    throw badRequest(`Unknown preference${unknown.length === 1 ? '' : 's'} ${unknown.map((k) => `"${k}"`).join(', ')} (known: ${PREFERENCE_KEYS.join(', ')}).`);
  }
  let updated;
  try {
    updated = await ctx.preferences.update(body as PreferencesPatch);
  } catch (err) {
    // Invalid values are the caller's mistake; a failed write is ours and stays a 500.
    if (err instanceof InvalidPreferenceError) throw badRequest(err.message);
    throw err;
  }
  sendJson(res, 200, updated);
  ctx.streams.broadcast('preferences.updated', updated);
}

/** Answer one /api/* request (the health route is answered before auth, in server.ts). */
export async function handleApi(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  const { engine } = ctx;
  const read = method === 'GET' || method === 'HEAD';
  const seg = path.split('/').slice(2); // ['', 'api', ...rest]

  if (seg.length === 1 && seg[0] === 'info') {
    if (!read) throw methodNotAllowed(method, 'GET');
    return sendJson(res, 200, ctx.info(), method);
  }
  if (seg.length === 1 && seg[0] === 'events') {
    if (method !== 'GET') throw methodNotAllowed(method, 'GET');
    return ctx.streams.open(req, res);
  }
  if (seg.length === 1 && seg[0] === 'preferences') {
    if (read) return sendJson(res, 200, ctx.preferences.get(), method);
    if (method === 'PUT') return updatePreferences(ctx, req, res);
    throw methodNotAllowed(method, 'GET, PUT');
  }
  if (isSesPath(seg)) return handleSesApi(ctx, req, res, method, seg, query);
  if (seg[0] !== 'messages' || seg.length > 4) throw notFound(`No API route ${path}.`);

  if (seg.length === 1) {
    if (read) return sendJson(res, 200, engine.messages.list(parseListQuery(query)), method);
    if (method === 'DELETE') return sendJson(res, 200, { deleted: engine.messages.deleteAll() });
    throw methodNotAllowed(method, 'GET, DELETE');
  }

  const id = segment(seg[1], 'message id');
  if (seg.length === 2) {
    if (read) {
      const detail = await engine.messages.get(id);
      if (detail === undefined) throw notFound(`No message ${id}.`);
      return sendJson(res, 200, detail, method);
    }
    if (method === 'DELETE') {
      const deleted = engine.messages.delete([id]);
      if (deleted === 0) throw notFound(`No message ${id}.`);
      return sendJson(res, 200, { deleted });
    }
    throw methodNotAllowed(method, 'GET, DELETE');
  }

  const sub = seg[2];
  if (seg.length === 3 && sub === 'read') {
    if (method !== 'PUT' && method !== 'DELETE') throw methodNotAllowed(method, 'PUT, DELETE');
    let value = method === 'PUT';
    if (method === 'PUT') {
      const body = await readJson(req);
      if (body !== undefined) {
        const r = (body as { read?: unknown } | null)?.read;
        if (typeof body !== 'object' || body === null || (r !== undefined && typeof r !== 'boolean')) {
          throw badRequest('The body must be {"read": true|false} (or empty for true).');
        }
        if (typeof r === 'boolean') value = r;
      }
    }
    const summary = engine.messages.markRead(id, value);
    if (summary === undefined) throw notFound(`No message ${id}.`);
    return sendJson(res, 200, summary);
  }
  if (isLinkCheckPath(seg)) return handleLinkCheck(engine, req, res, method, id);
  if (!read) throw methodNotAllowed(method, 'GET');
  if (seg.length === 3 && sub === 'raw') return serveRaw(engine, res, method, id, query);
  if (seg.length === 3 && sub === PNG_ROUTE_SEGMENT) return servePreviewPng({ engine, token: ctx.token, origin: ctx.origin(), png: ctx.png }, res, method, id, query);
  if (seg.length === 3 && sub === 'html' && wantsScheme(query)) return serveSchemeHtml(engine, ctx.token, res, method, id, query);
  if (seg.length === 3 && sub === 'html') return serveHtml(engine, ctx.token, res, method, id, query);
  if (seg.length === 4 && sub === 'attachments') return serveAttachment(engine, res, method, id, seg[3], query);
  if (isInspectPath(seg)) return handleInspect(engine, res, method, id, seg, query);
  throw notFound(`No API route ${path}.`);
}
