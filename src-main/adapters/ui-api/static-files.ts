// Serving the built renderer (out/renderer) to a browser: index.html for `/` and for client-side routes,
// files with their MIME types, long-lived caching for hashed assets, and the app's strict CSP on index.html.
// When the renderer isn't built, a small page says how to build it.
// Owns: mapping URL paths to files under rendererDir, refusing anything outside it. Must not: serve /api/*
// (routes.ts does) or check tokens (the server does, before calling this).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { BASE_HEADERS, send } from './respond';

/** The app's own CSP (DESIGN.md: "a strict CSP on the app itself"). */
export const APP_CSP =
  "default-src 'self'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export const mimeFor = (path: string): string => MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';

/** Vite names built assets `assets/<name>-<hash>.<ext>`: those never change and may be cached for a year. */
export const isHashedAsset = (urlPath: string): boolean =>
  urlPath.startsWith('/assets/') && /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/i.test(urlPath);

const NOT_BUILT = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Sesame</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40em;margin:4em auto;line-height:1.5">
<h1>Sesame is running</h1>
<p>The SES endpoint, SMTP and this API are up, but the UI isn't built. Run <code>npm run build</code> and restart Sesame.</p>
<p>The JSON API is available under <code>/api/</code>.</p>
</body></html>
`;

/** Resolve a URL path (already percent-decoded) under root, or null if it would escape root. */
export function resolveUnder(root: string, urlPath: string): string | null {
  if (urlPath.includes('\0')) return null;
  const base = resolve(root);
  const full = resolve(base, '.' + (urlPath.startsWith('/') ? urlPath : '/' + urlPath));
  return full === base || full.startsWith(base + sep) ? full : null;
}

async function fileSize(path: string): Promise<number | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}

export interface StaticFiles {
  /** Serve GET/HEAD for a non-API path. `urlPath` is the raw path; decoding happens here. */
  serve(res: ServerResponse, method: string, urlPath: string): Promise<void>;
}

export function createStaticFiles(rendererDir: string | null): StaticFiles {
  async function sendFile(res: ServerResponse, method: string, path: string, size: number, headers: Record<string, string>) {
    const h = { 'content-type': mimeFor(path), 'content-length': size, ...headers };
    if (method === 'HEAD') {
      send(res, 200, h, undefined, 'HEAD');
      return;
    }
    res.writeHead(200, { ...BASE_HEADERS, ...h });
    const stream = createReadStream(path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  const indexHeaders = { 'content-security-policy': APP_CSP, 'cache-control': 'no-cache', 'x-frame-options': 'DENY' };

  async function serveIndex(res: ServerResponse, method: string): Promise<void> {
    const index = rendererDir === null ? null : join(rendererDir, 'index.html');
    const size = index === null ? null : await fileSize(index);
    if (index === null || size === null) {
      send(res, 200, { 'content-type': 'text/html; charset=utf-8', ...indexHeaders }, NOT_BUILT, method);
      return;
    }
    await sendFile(res, method, index, size, indexHeaders);
  }

  return {
    async serve(res, method, urlPath) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(urlPath);
      } catch {
        send(res, 400, { 'content-type': 'text/plain; charset=utf-8' }, 'Bad Request', method);
        return;
      }
      if (decoded === '/' || decoded === '/index.html') return serveIndex(res, method);
      const file = rendererDir === null ? null : resolveUnder(rendererDir, decoded);
      if (rendererDir !== null && file === null) {
        send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not Found', method);
        return;
      }
      const size = file === null ? null : await fileSize(file);
      if (file !== null && size !== null) {
        const cache = isHashedAsset(decoded) ? 'public, max-age=31536000, immutable' : 'no-cache';
        await sendFile(res, method, file, size, { 'cache-control': cache });
        return;
      }
      // A missing file (it has an extension) is a 404; anything else is a client-side route of the app.
      if (extname(decoded) !== '') {
        send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not Found', method);
        return;
      }
      await serveIndex(res, method);
    },
  };
}
