// The AWS door: one HTTP port for SES v2 (REST-JSON), SES v1 and the SNS subset (Query), plus the
// LocalStack-compatible retrospection endpoint, a health check, Sesame's automation API (`/_sesame/…`) and the
// open/click tracking URLs tracked mail points at (`/_sesame/t/…`, tracking.ts: it needs the peer and User-Agent).
// Owns: sockets. It reads each request (body capped), hands the protocol layer an AwsHttpRequest with the
// raw path and query exactly as received, and writes back what it returns. Must not: route, parse or
// validate SES requests (protocols/ does) or decide anything about mail (core/ does).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Engine } from '../../core/engine-api';
import { errors } from '../../core/errors';
import { MAX_AWS_REQUEST_BYTES } from '../../core/limits';
import type { AwsHttpRequest, AwsHttpResponse, AwsRequestHandler } from '../../protocols/http-types';
import type { TransportProblem } from '../../protocols/transport-errors';
import { encodeErrorFor, transportErrorResponse } from '../../protocols/transport-errors';
import { closeServer, listen, originFor, readBody, splitTarget } from '../http/http-io';
import { AUTOMATION_MAX_BODY_BYTES, bodyTooLarge, handleAutomation, isAutomationPath } from './automation/index';
import { handleInternal, isInternalPath } from './retrospection';
import { handleTracking, isTrackingPath } from './tracking';
import { handleUnsubscribe, isUnsubscribePath } from './unsubscribe';

export { splitTarget };

const EMPTY = Buffer.alloc(0);

/**
 * Largest body read: a 40 MB MIME base64'd into v2 JSON plus its envelope (limits.ts), so the engine still
 * answers messages over SES's limits with SES's own error text; only bodies past this get the transport's.
 */
export const AWS_BODY_CAP = MAX_AWS_REQUEST_BYTES;

export interface AwsEndpointOptions {
  engine: Engine;
  handler: AwsRequestHandler;
  host: string;
  port: number;
  /** Override the body cap (tests). */
  maxBodyBytes?: number;
  /** Unexpected failures (a handler or the engine threw); defaults to console.error. */
  log?: (line: string) => void;
}

export interface AwsEndpoint {
  url: string;
  port: number;
  close(): Promise<void>;
}

function flattenHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in h) {
    const v = h[name];
    if (v !== undefined) out[name] = typeof v === 'string' ? v : v.join(', ');
  }
  return out;
}

const peer = (req: IncomingMessage): string => {
  const a = req.socket.remoteAddress ?? '';
  return a.startsWith('::ffff:') ? a.slice(7) : a;
};

function send(res: ServerResponse, r: AwsHttpResponse, close = false): void {
  if (res.headersSent || res.destroyed) return;
  const body = r.body;
  const headers: Record<string, string | number> = { ...r.headers };
  if (headers['content-length'] === undefined) {
    headers['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  }
  if (close) headers.connection = 'close';
  try {
    res.writeHead(r.status, headers);
  } catch {
    // A handler produced an unusable status or header: answer a plain 500 instead of crashing.
    res.writeHead(500, { 'content-type': 'text/plain', 'content-length': 21 });
    res.end('Internal Server Error');
    return;
  }
  res.end(r.status === 204 || r.status === 304 ? undefined : body);
}

const plain = (status: number, text: string): AwsHttpResponse => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8' },
  body: text,
});

export async function startAwsEndpoint(opts: AwsEndpointOptions): Promise<AwsEndpoint> {
  const { engine, handler } = opts;
  const cap = opts.maxBodyBytes ?? AWS_BODY_CAP;
  const log = opts.log ?? ((line: string) => console.error(line));
  const report = (what: string, err: unknown) =>
    log(`[aws-endpoint] ${what}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const { path, query } = splitTarget(req.url ?? '/');

    if (isTrackingPath(path)) {
      req.resume();
      send(res, handleTracking(engine, { method, path, ipAddress: peer(req), userAgent: req.headers['user-agent'] ?? '' }));
      return;
    }
    if (isUnsubscribePath(path)) {
      req.resume(); // the one-click body (`List-Unsubscribe=One-Click`) carries nothing else: unsubscribe.ts
      send(res, handleUnsubscribe(engine, { method, path, query }));
      return;
    }

    if (isAutomationPath(path)) {
      const read = await readBody(req, AUTOMATION_MAX_BODY_BYTES);
      if (!read.ok) {
        send(res, read.reason === 'too-large' ? bodyTooLarge() : plain(400, 'The request body could not be read.'), true);
        return;
      }
      try {
        send(res, await handleAutomation(engine, method, path, query, read.body));
      } catch (err) {
        report(`${method} ${path} failed`, err);
        send(res, { status: 500, headers: { 'content-type': 'application/json' }, body: '{"code":"InternalError","message":"The automation request failed."}' });
      }
      return;
    }

    if (isInternalPath(path)) {
      req.resume();
      try {
        send(res, await handleInternal(engine, method, path, query));
      } catch (err) {
        report(`${method} ${path} failed`, err);
        send(res, { status: 500, headers: { 'content-type': 'application/json' }, body: '{"code":"InternalError","message":"Retrospection failed."}' });
      }
      return;
    }

    // Errors answered here (a body refused or unreadable, a handler that threw) go through the protocol
    // layer's encoder for the request's routed service; routing needs only the headers.
    const head: AwsHttpRequest = { method, path, query, headers: flattenHeaders(req.headers), body: EMPTY, sourceIp: peer(req) };
    const read = await readBody(req, cap);
    if (!read.ok) {
      const problem: TransportProblem = read.reason === 'too-large' ? { reason: 'too-large', cap } : { reason: 'unreadable' };
      send(res, transportErrorResponse(head, problem, randomUUID()), read.reason === 'unreadable' || !read.drained);
      return;
    }

    const request: AwsHttpRequest = { ...head, body: read.body };
    let response: AwsHttpResponse;
    try {
      response = await handler(request);
    } catch (err) {
      report(`${method} ${path} failed`, err);
      response = encodeErrorFor(request, errors.internal(), randomUUID());
    }
    send(res, response);
  }

  const server = createServer({ keepAlive: true }, (req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      report('request failed', err);
      if (!res.headersSent) send(res, plain(500, 'Internal Server Error'), true);
      else res.destroy();
    });
  });
  // SDKs pool connections; a long keep-alive avoids reset races when a pooled socket is reused.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  const port = await listen(server, opts.host, opts.port);
  let closing: Promise<void> | null = null;
  return {
    url: originFor(opts.host, port),
    port,
    close: () => (closing ??= closeServer(server)),
  };
}
