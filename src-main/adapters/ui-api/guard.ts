// Host and Origin checks for the UI API: the defence against DNS rebinding and cross-site requests.
// A page on evil.example that rebinds its name to 127.0.0.1 still sends `Host: evil.example:PORT`, so only
// loopback names are accepted; a cross-site fetch carries a foreign `Origin`, so a present Origin must be
// this very origin (`file://` is refused, and `null` too except on GET/HEAD: the sandboxed HTML preview
// has an opaque origin, so Chromium sends `Origin: null` when it loads the message's own inline (cid:)
// images. Those reads still need the token, and no response carries CORS headers, so a foreign page
// gains nothing). See DESIGN.md "Renderer ↔ main".
// Owns: the decision allow/403. Must not: look at tokens (auth.ts does) or routes.
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import { isLoopbackHost } from '../http/http-io';

export interface GuardOptions {
  /** The port actually bound. */
  port: number;
  /** The bind address; a non-loopback bind (the user chose to expose the UI) also admits IP-literal Hosts. */
  bindHost: string;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Split a Host header into a lower-cased name (IPv6 kept in brackets) and a port (80 when absent). */
export function parseHost(value: string): { name: string; port: number } | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return null;
  return { name: m[1].toLowerCase(), port: m[2] === undefined ? 80 : Number(m[2]) };
}

/** Returns null when the request may proceed, else the reason for a 403. */
export function checkHostAndOrigin(headers: IncomingHttpHeaders, opts: GuardOptions, method = 'GET'): string | null {
  const hostHeader = headers.host;
  if (!hostHeader) return 'Missing Host header.';
  const host = parseHost(hostHeader);
  if (!host) return 'Unreadable Host header.';
  const exposed = !isLoopbackHost(opts.bindHost);
  const bareName = host.name.replace(/^\[|\]$/g, '');
  const nameOk = LOOPBACK_NAMES.has(host.name) || (exposed && isIP(bareName) !== 0);
  // Behind a port mapping (containers) the Host port differs from the bound one; only checked on loopback binds.
  const portOk = host.port === opts.port || exposed;
  if (!nameOk || !portOk) {
    return `Host ${hostHeader} is not allowed: open Sesame's UI at http://127.0.0.1:${opts.port}/ (DNS-rebinding protection).`;
  }

  const origin = headers.origin;
  if (origin === undefined) return null;
  if (origin === 'null' && (method === 'GET' || method === 'HEAD')) return null;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return `Origin ${origin} is not allowed.`;
  }
  const expected = parseHost(parsed.host || '');
  if (
    origin === 'null' ||
    parsed.protocol !== 'http:' ||
    !expected ||
    expected.name !== host.name ||
    expected.port !== host.port
  ) {
    return `Origin ${origin} is not allowed: the UI API answers only its own pages.`;
  }
  return null;
}
