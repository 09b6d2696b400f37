// Small response helpers shared by the UI API modules: JSON bodies, {code, message} errors, and the
// security headers every answer carries.
// Owns: how the UI API writes a response. Must not: decide status codes for domain situations (callers do).
import type { ServerResponse } from 'node:http';
import type { ApiErrorBody } from '../../contract/ui-api';

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

/** Thrown by route code to answer an API error; the server turns it into `{code, message}`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  constructor(status: number, code: ErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export const badRequest = (message: string) => new ApiError(400, 'BadRequest', message);
export const notFound = (message: string) => new ApiError(404, 'NotFound', message);

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

export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string, extra: Record<string, string> = {}): void {
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
