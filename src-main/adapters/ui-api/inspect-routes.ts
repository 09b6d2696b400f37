// Message inspection on the UI API (issue 5): what the engine's inspect capability computes, as JSON, and
// single MIME parts for viewing or downloading.
//   GET /api/messages/:id/authentication           DKIM / SPF / DMARC / ARC results + deliverability checklist
//   GET /api/messages/:id/mime-tree                 the MIME structure (paths 1, 1.2 …) with each part's facts
//   GET /api/messages/:id/links                     every <a href> / <img src> URL in the HTML parts
//   GET /api/messages/:id/compatibility             HTML/CSS support across email clients (caniemail data) + score
//   POST /api/messages/:id/links/check              those URLs checked (link check section below)
//   GET /api/messages/:id/spam[?refresh=1]          SpamAssassin's score via spamd (cached; "not available" when off)
//   GET /api/messages/:id/parts/:path[?inline=1]    one part's decoded bytes (download unless inline=1)
//   GET /api/messages/:id/compare/:otherId[?all=1]  A (:id) vs B: headers, MIME structure, text/HTML line diffs
//   GET /api/messages/:id/html?scheme=dark          the HTML preview as a dark-mode client evaluates it (below)
// Parts are untrusted content on the API's own origin, exactly like attachments (content-routes.ts): nosniff
// (respond.ts), a script-less sandboxed CSP, a sanitised Content-Type, and no capability — these URLs carry
// the token (the preview's markup never links here), so capabilities.ts is unchanged.
// Owns: these four routes' HTTP shapes. Must not: parse MIME or compute authentication (engine.inspect does).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../../core/engine-api';
import { flag, INERT_CSP, safeContentType, serveHtml } from './content-routes';
import { readBody } from '../http/http-io';
import { badRequest, contentDisposition, decodeSegment, methodNotAllowed, notFound, send, sendJson } from './respond';

/** MIME part paths (contract/mime-tree.ts): `TEXT` (the whole message), `1`, `1.2`, `2.1.3` — at most 32 levels. */
const PART_PATH = /^(?:TEXT|[1-9]\d{0,5}(?:\.[1-9]\d{0,5}){0,31})$/;

type JsonMember = 'authentication' | 'mimeTree' | 'links' | 'compatibility';

async function serveJson(engine: Engine, res: ServerResponse, method: string, id: string, member: JsonMember): Promise<void> {
  const value = await engine.inspect[member](id);
  if (value === undefined) throw notFound(`No message ${id}.`);
  sendJson(res, 200, value, method);
}

async function serveSpam(engine: Engine, res: ServerResponse, method: string, id: string, refresh: boolean): Promise<void> {
  const report = await engine.inspect.spam(id, { refresh });
  if (report === undefined) throw notFound(`No message ${id}.`);
  sendJson(res, 200, report, method);
}

async function serveCompare(engine: Engine, res: ServerResponse, method: string, id: string, rawOther: string, all: boolean): Promise<void> {
  const other = decodeSegment(rawOther, 'message id');
  const report = await engine.inspect.compare(id, other, { all });
  if (report === undefined) throw notFound(`No message ${id} or ${other}.`);
  sendJson(res, 200, report, method);
}

async function servePart(engine: Engine, res: ServerResponse, method: string, id: string, rawPath: string, query: URLSearchParams): Promise<void> {
  const inline = flag(query, 'inline');
  const path = decodeSegment(rawPath, 'part path');
  if (!PART_PATH.test(path)) throw badRequest('The part path must be TEXT or look like 1, 1.2 or 2.1.3 (see the mime-tree route).');
  const part = await engine.inspect.part(id, path);
  if (part === undefined) throw notFound(`No part ${path} on message ${id}.`);
  const type = safeContentType(part.contentType);
  const name = part.filename || `part-${path}${type === 'text/calendar' ? '.ics' : ''}`;
  send(
    res,
    200,
    {
      'content-type': type,
      'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', name),
      'cache-control': 'private, max-age=3600',
      'content-security-policy': INERT_CSP,
    },
    part.data,
    method,
  );
}

/** True when `seg` (['messages', id, sub, …]) is an inspection route. */
export function isInspectPath(seg: string[]): boolean {
  const sub = seg[2];
  if (sub === 'parts') return seg.length === 4;
  if (sub === 'spam') return seg.length === 3;
  if (sub === 'compare') return seg.length === 4;
  return seg.length === 3 && (sub === 'authentication' || sub === 'mime-tree' || sub === 'links' || sub === 'compatibility');
}

/** Answer an inspection route (isInspectPath(seg) is true; only GET/HEAD reach here). */
export async function handleInspect(engine: Engine, res: ServerResponse, method: string, id: string, seg: string[], query: URLSearchParams): Promise<void> {
  switch (seg[2]) {
    case 'authentication':
      return serveJson(engine, res, method, id, 'authentication');
    case 'mime-tree':
      return serveJson(engine, res, method, id, 'mimeTree');
    case 'links':
      return serveJson(engine, res, method, id, 'links');
    case 'compatibility':
      return serveJson(engine, res, method, id, 'compatibility');
    case 'spam':
      return serveSpam(engine, res, method, id, flag(query, 'refresh'));
    case 'compare':
      return serveCompare(engine, res, method, id, seg[3], flag(query, 'all'));
    default:
      return servePart(engine, res, method, id, seg[3], query);
  }
}

// --- link check ----------------------------------------------------------------------------------------
// POST /api/messages/:id/links/check [{"allowPrivate": true|false}] → LinkCheckReport (contract/link-check.ts):
// every link and image URL checked by engine.inspect.checkLinks (SSRF-safe; cached a few minutes). The body is
// optional; `allowPrivate` changes the persisted setting (may loopback/private addresses be connected to?) first.
const MAX_LINK_CHECK_BODY = 1024;

/** True for ['messages', id, 'links', 'check']. */
export function isLinkCheckPath(seg: string[]): boolean {
  return seg.length === 4 && seg[2] === 'links' && seg[3] === 'check';
}

export async function handleLinkCheck(engine: Engine, req: IncomingMessage, res: ServerResponse, method: string, id: string): Promise<void> {
  if (method !== 'POST') throw methodNotAllowed(method, 'POST');
  const r = await readBody(req, MAX_LINK_CHECK_BODY);
  if (!r.ok) throw badRequest('Unreadable or oversized body.');
  if (r.body.length) {
    let body: unknown;
    try {
      body = JSON.parse(r.body.toString('utf8'));
    } catch {
      throw badRequest('The body must be JSON.');
    }
    const allow = (body as { allowPrivate?: unknown } | null)?.allowPrivate;
    if (typeof body !== 'object' || body === null || (allow !== undefined && typeof allow !== 'boolean')) {
      throw badRequest('The body must be {"allowPrivate": true|false} (or empty).');
    }
    if (typeof allow === 'boolean') engine.inspect.linkCheckAllowPrivate(allow);
  }
  const report = await engine.inspect.checkLinks(id);
  if (report === undefined) throw notFound(`No message ${id}.`);
  sendJson(res, 200, report);
}

// --- dark-mode preview -------------------------------------------------------------------------------------
// GET /api/messages/:id/html?scheme=dark[&remote=0|1]: the same preview document, CSP and capability as the
// plain preview (content-routes.ts serveHtml), with the mail's `prefers-color-scheme` media features resolved
// for a dark-mode reader: `(prefers-color-scheme: dark)` becomes always true and `(… light)` always false.
// Chromium does not carry the embedding iframe's `color-scheme` into the frame's prefers-color-scheme, and
// the sandboxed frame cannot be emulated from the page, so this is how the preview "honours
// prefers-color-scheme". The text is rewritten wherever it appears (style blocks, media= attributes).
const DARK_FEATURE = /\(\s*prefers-color-scheme\s*:\s*dark\s*\)/gi;
const LIGHT_FEATURE = /\(\s*prefers-color-scheme\s*:\s*light\s*\)/gi;

/** The mail HTML as a dark-mode client that honours prefers-color-scheme evaluates it. */
export function resolveDarkScheme(html: string): string {
  return html.replace(DARK_FEATURE, '(min-width: 0px)').replace(LIGHT_FEATURE, '(max-width: 0px)');
}

/** True for `?scheme=…` on the html route (only `dark` is valid; `light` is the plain preview). */
export function wantsScheme(query: URLSearchParams): boolean {
  return query.has('scheme');
}

export async function serveSchemeHtml(
  engine: Engine,
  token: string | null,
  res: ServerResponse,
  method: string,
  id: string,
  query: URLSearchParams,
): Promise<void> {
  const scheme = query.getAll('scheme');
  if (scheme.length !== 1 || scheme[0] !== 'dark') throw badRequest('scheme must be dark (omit it for the light preview).');
  return serveHtml(engine, token, res, method, id, query, resolveDarkScheme);
}
