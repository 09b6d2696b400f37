// Small request and response helpers shared by the UI API modules: JSON bodies, {code, message} errors,
// the security headers every answer carries, and reading request bodies and path segments.
// Owns: how the UI API writes a response and reads a request's raw parts.
// Must not: decide status codes for domain situations (callers do).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../../contract/ui-api';
import { readBody } from '../http/http-io';

/** Headers on every UI API answer: no sniffing, no framing by other sites, no Referer leaking the token. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export type ErrorCode =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'MethodNotAllowed'
  | 'PayloadTooLarge'
  | 'UnreadableMessage'
  | 'InternalError';

/** The generic codes, or any other (e.g. an SES v2 error name answered by the SES-state routes). */
export type AnyErrorCode = ErrorCode | (string & {});

/** Thrown by route code to answer an API error; the server turns it into `{code, message}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: AnyErrorCode;
  constructor(status: number, code: AnyErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export const badRequest = (message: string) => new ApiError(400, 'BadRequest', message);
export const notFound = (message: string) => new ApiError(404, 'NotFound', message);
export const methodNotAllowed = (method: string, allow: string) =>
  new ApiError(405, 'MethodNotAllowed', `${method} is not supported here; use ${allow}.`);

export function send(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  body?: string | Buffer,
  method = 'GET',
): void {
  if (res.headersSent || res.destroyed) return;
  const h: Record<string, string | number> = { ...BASE_HEADERS, ...headers };
  if (body !== undefined && h['content-length'] === undefined) {
    h['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  }
  res.writeHead(status, h);
  res.end(method === 'HEAD' || status === 204 ? undefined : body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown, method = 'GET'): void {
  send(res, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, JSON.stringify(value), method);
}

export function sendError(res: ServerResponse, status: number, code: AnyErrorCode, message: string, extra: Record<string, string> = {}): void {
  const body: ApiErrorBody = { code, message };
  send(res, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra }, JSON.stringify(body));
}

/** `attachment; filename="…"; filename*=UTF-8''…` with a safe ASCII fallback (RFC 6266). */
export function contentDisposition(kind: 'attachment' | 'inline', filename: string | null): string {
  if (!filename) return kind;
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The body as UTF-8 text: 413 `tooLargeMessage` past `cap` bytes, 400 when it cannot be read. */
export async function readBodyText(req: IncomingMessage, cap: number, tooLargeMessage: string): Promise<string> {
  const r = await readBody(req, cap);
  if (!r.ok) throw r.reason === 'too-large' ? new ApiError(413, 'PayloadTooLarge', tooLargeMessage) : badRequest('Unreadable body.');
  return r.body.toString('utf8');
}

/** `text` parsed as JSON, or 400 "The body must be JSON.". */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The body must be JSON.');
  }
}

/** A path segment, percent-decoded (400 "Unreadable <what>." when it is not valid percent-encoding). */
export function decodeSegment(raw: string | undefined, what: string): string {
  try {
    return decodeURIComponent(raw ?? '');
  } catch {
    throw badRequest(`Unreadable ${what}.`);
  }
}

/** A path segment, percent-decoded and non-empty (404 "No <what>." when empty). */
export function segment(raw: string | undefined, what: string): string {
  const s = decodeSegment(raw, what);
  if (s === '') throw notFound(`No ${what}.`);
  return s;
}
