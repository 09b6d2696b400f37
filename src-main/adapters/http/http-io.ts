// Node HTTP plumbing shared by the two HTTP doors (aws-endpoint and ui-api).
// Owns: binding a server to host:port (port 0 = any free port), URLs a client can dial for a bind address,
// closing a server with its keep-alive and streaming connections, splitting a request target into raw path
// and query, and reading a body into one Buffer under a size cap.
// Must not: know about routes, SES, tokens or the UI.
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIPv6 } from 'node:net';

/** Start listening; resolves with the port actually bound. Rejects with the listen error (EADDRINUSE…). */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** Whether a bind address only accepts connections from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** The host a local client should dial for a bind address: wildcards become loopback. */
export function connectHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::' || host === '[::]') return '::1';
  return host.replace(/^\[|\]$/g, '');
}

/** The host part of a URL for a bind address: the address to connect to, IPv6 literals bracketed. */
export function urlHost(host: string): string {
  const h = connectHost(host);
  return isIPv6(h) ? `[${h}]` : h;
}

/** `http://host:port` for a bind address, bracketing IPv6 literals. */
export function originFor(host: string, port: number): string {
  return `http://${urlHost(host)}:${port}`;
}

/** Stop accepting, end idle keep-alive sockets, then cut whatever is still open (SSE streams, slow bodies). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeIdleConnections();
    // Anything still busy after a short grace period (a long upload, an event stream) is cut.
    const timer = setTimeout(() => server.closeAllConnections(), 250);
    timer.unref();
    server.once('close', () => clearTimeout(timer));
  });
}

/** Split `req.url` into the raw path and raw query; absolute-form targets lose only scheme and authority. */
export function splitTarget(target: string): { path: string; query: string } {
  let t = target;
  if (t.charCodeAt(0) !== 47 /* '/' */) {
    const m = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(t);
    t = m ? t.slice(m[0].length) || '/' : '/' + t;
  }
  const q = t.indexOf('?');
  return q === -1 ? { path: t, query: '' } : { path: t.slice(0, q), query: t.slice(q + 1) };
}

export type BodyResult =
  | { ok: true; body: Buffer }
  /** `drained`: the excess was read and discarded, so the connection can stay open for the answer. */
  | { ok: false; reason: 'too-large'; size: number; drained: boolean }
  | { ok: false; reason: 'unreadable' };

const EMPTY = Buffer.alloc(0);
/** Over-cap bodies up to this multiple of the cap are drained so the client reads a clean answer. */
const DRAIN_FACTOR = 4;

/**
 * Read the whole body, refusing more than `cap` bytes. An over-cap body is drained (not buffered) so the
 * error can be answered after the client has finished sending, as SDKs expect; an absurd declared length
 * is answered at once and the connection closed.
 */
export function readBody(req: IncomingMessage, cap: number): Promise<BodyResult> {
  const declared = req.headers['content-length'];
  let tooLarge = false;
  if (declared !== undefined) {
    const n = Number(declared);
    if (!Number.isSafeInteger(n) || n < 0) return Promise.resolve({ ok: false, reason: 'unreadable' });
    if (n > cap * DRAIN_FACTOR) return Promise.resolve({ ok: false, reason: 'too-large', size: n, drained: false });
    if (n > cap) tooLarge = true;
    else if (n === 0 && req.headers['transfer-encoding'] === undefined) {
      req.resume();
      return Promise.resolve({ ok: true, body: EMPTY });
    }
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: BodyResult) => {
      if (done) return;
      done = true;
      resolve(r);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > cap * DRAIN_FACTOR) finish({ ok: false, reason: 'too-large', size, drained: false });
        return;
      }
      if (size > cap) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) finish({ ok: false, reason: 'too-large', size, drained: true });
      else finish({ ok: true, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) });
    });
    req.on('error', () => finish({ ok: false, reason: 'unreadable' }));
    req.on('aborted', () => finish({ ok: false, reason: 'unreadable' }));
  });
}
