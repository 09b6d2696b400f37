// Message content on the UI API: the raw MIME, the HTML preview, attachments by index.
//   GET /api/messages/:id/raw[?download=1]          message/rfc822 (download: attachment `<id>.eml`)
//   GET /api/messages/:id/html[?remote=0|1]         the HTML part as a document, with the preview CSP
//   GET /api/messages/:id/attachments/:index[?inline=1]  the attachment, with its type and file name
// Everything served here is untrusted content on the API's own origin, so each answer carries nosniff and a
// CSP that forbids scripts; raw and attachments are additionally sandboxed and offered as downloads.
// The preview and attachments also open with a per-message capability (`?cap=`, capabilities.ts, checked in
// auth.ts): the preview's `cid:` URLs carry one, never the token.
// Owns: these three routes' HTTP shapes. Must not: parse MIME (the engine returns parts ready to serve).
import type { ServerResponse } from 'node:http';
import { CAPABILITY_QUERY, CapabilityScopes, UiRoutes } from '../../contract/ui-api';
import type { Engine } from '../../core/engine-api';
import { capability } from './capabilities';
import { PREVIEW_CSP, previewDocument, rewriteCidReferences } from './html-preview';
import { badRequest, contentDisposition, notFound, send } from './respond';

/** CSP for content that must never execute or be treated as our page, even if a user navigates to it. */
export const INERT_CSP = "default-src 'none'; sandbox";

/** A MIME type we may echo back in Content-Type, or a safe default. */
export function safeContentType(type: string): string {
  const t = type.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(t) ? t : 'application/octet-stream';
}

/** A `0|1` query flag (absent → false); anything else, or given twice, is a 400. */
export function flag(query: URLSearchParams, name: string): boolean {
  const all = query.getAll(name);
  if (all.length === 0) return false;
  if (all.length > 1 || (all[0] !== '0' && all[0] !== '1')) throw badRequest(`${name} must be 0 or 1.`);
  return all[0] === '1';
}

/**
 * An attachment's URL as written into the preview's markup: with the message's attachments capability, never
 * the token (hostile CSS can read the markup; capabilities.ts). No capability when auth is off.
 */
export function attachmentUrl(id: string, index: number, token: string | null): string {
  const path = UiRoutes.messageAttachment.replace(':id', encodeURIComponent(id)).replace(':index', String(index));
  return token === null ? path : `${path}?${CAPABILITY_QUERY}=${capability(token, CapabilityScopes.attachments(id))}`;
}

export async function serveRaw(engine: Engine, res: ServerResponse, method: string, id: string, query: URLSearchParams): Promise<void> {
  const download = flag(query, 'download');
  const raw = await engine.messages.raw(id);
  if (raw === undefined) throw notFound(`No message ${id}.`);
  const headers: Record<string, string> = {
    'content-type': 'message/rfc822',
    'cache-control': 'no-store',
    'content-security-policy': INERT_CSP,
  };
  if (download) headers['content-disposition'] = contentDisposition('attachment', `${id}.eml`);
  send(res, 200, headers, raw, method);
}

export async function serveHtml(
  engine: Engine,
  token: string | null,
  res: ServerResponse,
  method: string,
  id: string,
  query: URLSearchParams,
  /** A variant of the mail's HTML (the dark-scheme preview), applied before cid: references are rewritten. */
  transform: (html: string) => string = (html) => html,
): Promise<void> {
  const remote = flag(query, 'remote');
  const detail = await engine.messages.get(id);
  if (detail === undefined) throw notFound(`No message ${id}.`);
  if (detail.html === null) throw notFound(`Message ${id} has no HTML part.`);
  const html = rewriteCidReferences(transform(detail.html), detail.attachments, (index) => attachmentUrl(id, index, token));
  send(
    res,
    200,
    {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': remote ? PREVIEW_CSP.remote : PREVIEW_CSP.local,
    },
    previewDocument(html),
    method,
  );
}

export async function serveAttachment(
  engine: Engine,
  res: ServerResponse,
  method: string,
  id: string,
  rawIndex: string,
  query: URLSearchParams,
): Promise<void> {
  const inline = flag(query, 'inline');
  if (!/^\d{1,6}$/.test(rawIndex)) throw badRequest('The attachment index must be a non-negative integer.');
  const a = await engine.messages.attachment(id, Number(rawIndex));
  if (a === undefined) throw notFound(`No attachment ${rawIndex} on message ${id}.`);
  send(
    res,
    200,
    {
      'content-type': safeContentType(a.contentType),
      'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', a.filename ?? `attachment-${rawIndex}`),
      'cache-control': 'private, max-age=3600',
      'content-security-policy': INERT_CSP,
    },
    a.content,
    method,
  );
}
