// The UI API: HTTP JSON + a live event stream for the renderer (Electron window or browser alike), and the
// built renderer itself. Binds loopback by default, checks Host/Origin on every request, then the per-launch
// token (DESIGN.md "Renderer ↔ main").
// Owns: the request pipeline guard → health → token → API routes | static files, and error mapping to
// {code, message}. Must not: decide anything about mail (the engine does) or read configuration (the host
// passes host, port, token, rendererDir and the preferences store).
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { UiRoutes } from '../../contract/ui-api';
import type { ServerInfo } from '../../contract/ui-api';
import type { Engine } from '../../core/engine-api';
import type { PreferencesStore } from '../../core/preferences/preferences';
import { isSesError } from '../../core/errors';
import { UnreadableMessageError } from '../../core/messages/mail-reader';
import { closeServer, listen, originFor, splitTarget } from '../http/http-io';
import { createAuth } from './auth';
import { createEventStreams } from './events-stream';
import { checkHostAndOrigin } from './guard';
import { ApiError, send, sendError, sendJson } from './respond';
import { handleApi } from './routes';
import type { ApiContext } from './routes';
import type { PngCapture } from './png-route';
import { createStaticFiles } from './static-files';

export interface UiApiOptions {
  engine: Engine;
  info: () => ServerInfo;
  /** App preferences (GET/PUT /api/preferences); the host opens the store. */
  preferences: PreferencesStore;
  host: string;
  port: number;
  /** null = auth off (the host warns). */
  token: string | null;
  /** The built renderer (out/renderer), or null when there is none. */
  rendererDir: string | null;
  /** PNG export of previews (GET /api/messages/:id/preview.png); absent = not available. */
  png?: PngCapture;
  /** SSE heartbeat interval (tests). */
  heartbeatMs?: number;
  /** Unexpected failures (500s); defaults to console.error (hosts own `process`). */
  log?: (line: string) => void;
}

export interface UiApi {
  origin: string;
  /** origin + '/?token=…' (or origin + '/' when auth is off). */
  url: string;
  token: string | null;
  port: number;
  close(): Promise<void>;
}

const unauthorizedPage = (reason: string) => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Sesame: token required</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40em;margin:4em auto;line-height:1.5">
<h1>Token required</h1><p>${reason.replace(/[<>&]/g, '')}</p>
<p>Sesame prints the full UI address (with <code>?token=…</code>) when it starts; <code>GET /api/info</code> in the desktop app shows it too.</p>
</body></html>
`;

export async function startUiApi(opts: UiApiOptions): Promise<UiApi> {
  let boundPort = opts.port;
  const auth = createAuth(opts.token, () => boundPort);
  const streams = createEventStreams(opts.engine.bus, opts.heartbeatMs);
  const files = createStaticFiles(opts.rendererDir);
  const ctx: ApiContext = {
    engine: opts.engine,
    info: opts.info,
    token: opts.token,
    streams,
    preferences: opts.preferences,
    origin: () => originFor(opts.host, boundPort),
    png: opts.png,
  };
  const log = opts.log ?? ((line: string) => console.error(line));

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const { path, query: rawQuery } = splitTarget(req.url ?? '/');

    const refused = checkHostAndOrigin(req.headers, { port: boundPort, bindHost: opts.host }, req.method);
    if (refused !== null) return sendError(res, 403, 'Forbidden', refused);

    if (path === UiRoutes.health) return sendJson(res, 200, { status: 'ok' }, method);

    const isApi = path === '/api' || path.startsWith('/api/');
    const pageLoad = !isApi && (method === 'GET' || method === 'HEAD');
    const query = new URLSearchParams(rawQuery);
    const verdict = auth.check(req, path, rawQuery, query, pageLoad);
    if (verdict.kind === 'redirect') {
      return send(res, 302, { location: verdict.location, 'set-cookie': verdict.setCookie, 'cache-control': 'no-store' }, '', method);
    }
    if (verdict.kind === 'denied') {
      if (isApi) return sendError(res, 401, 'Unauthorized', verdict.reason);
      return send(res, 401, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, unauthorizedPage(verdict.reason), method);
    }

    if (isApi) return handleApi(ctx, req, res, method, path, query);
    if (!pageLoad) return sendError(res, 405, 'MethodNotAllowed', `${method} is not supported here; use GET.`, { allow: 'GET, HEAD' });
    return files.serve(res, method, path);
  }

  const server = createServer({ keepAlive: true }, (req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        log(`[ui-api] ${req.method} ${req.url?.split('?')[0]} failed mid-response: ${String(err)}`);
        res.destroy();
        return;
      }
      if (err instanceof ApiError) return sendError(res, err.status, err.code, err.message);
      if (isSesError(err) && err.fault === 'client') return sendError(res, 400, 'BadRequest', err.message);
      // The message is beyond mailparser's limits: a fact about that message, not a server failure.
      if (err instanceof UnreadableMessageError) return sendError(res, 422, 'UnreadableMessage', err.message);
      log(`[ui-api] ${req.method} ${req.url?.split('?')[0]} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      sendError(res, 500, 'InternalError', err instanceof Error ? err.message : 'Internal error.');
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  boundPort = await listen(server, opts.host, opts.port);
  const origin = originFor(opts.host, boundPort);
  let closing: Promise<void> | null = null;
  return {
    origin,
    url: opts.token === null ? `${origin}/` : `${origin}/?token=${encodeURIComponent(opts.token)}`,
    token: opts.token,
    port: boundPort,
    close: () =>
      (closing ??= (async () => {
        streams.closeAll();
        await closeServer(server);
      })()),
  };
}
