// The UI API's per-launch token, as Jupyter does it: presented in the `x-sesame-token` header, the
// `sesame_token_<port>` cookie, or `?token=`. A page load with a valid `?token=` sets the cookie (HttpOnly,
// SameSite=Strict) and redirects to the same URL without the token, so it leaves the address bar and history.
// The cookie is named per port because cookies do not isolate by port (RFC 6265 §8.5): one name would let two
// Sesames on a host overwrite each other's cookie and hand the token to every other server on 127.0.0.1 —
// only this port's name is read. A request with no token may still carry a per-message capability
// (capabilities.ts), which opens only that message's preview or attachments.
// Owns: reading and comparing tokens (timing-safe), the cookie, the redirect. Must not: check Host/Origin
// (guard.ts) or know routes beyond "is this a page load" and which routes take a capability.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CAPABILITY_QUERY, TOKEN_HEADER, TOKEN_QUERY, tokenCookieName } from '../../contract/ui-api';
import { capabilityMatches, capabilityScopeFor } from './capabilities';
import { parseHost } from './guard';

export type AuthOutcome =
  | { kind: 'ok' }
  | { kind: 'redirect'; location: string; setCookie: string }
  | { kind: 'denied'; reason: string };

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** Compare in constant time regardless of where (or whether) the strings differ, and of their lengths. */
export function tokenMatches(expectedDigest: Buffer, presented: string): boolean {
  return timingSafeEqual(expectedDigest, digest(presented));
}

/** All values of cookie `name` in a Cookie header (a browser may send several with different paths). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const out: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    let v = part.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1);
    try {
      out.push(decodeURIComponent(v));
    } catch {
      out.push(v);
    }
  }
  return out;
}

/** The raw query without any `token=` pair, keeping every other pair byte for byte. */
export function queryWithoutToken(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((pair) => {
      if (pair === '') return false;
      const key = pair.split('=', 1)[0];
      try {
        return decodeURIComponent(key.replace(/\+/g, ' ')) !== TOKEN_QUERY;
      } catch {
        return true;
      }
    })
    .join('&');
}

export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}

/**
 * The port the browser addressed (Host header; the guard has already vetted it), else the bound one. They
 * differ only behind a port mapping, where the browser's port is what keeps two Sesames' cookies apart.
 */
export function cookiePort(req: IncomingMessage, boundPort: number): number {
  const host = req.headers.host === undefined ? null : parseHost(req.headers.host);
  return host ? host.port : boundPort;
}

export interface Auth {
  /** null when auth is off. */
  readonly token: string | null;
  check(req: IncomingMessage, path: string, rawQuery: string, query: URLSearchParams, pageLoad: boolean): AuthOutcome;
}

/** `boundPort` is read per request: it is known only once the server listens (port 0). */
export function createAuth(token: string | null, boundPort: () => number): Auth {
  const expected = token === null ? null : digest(token);
  return {
    token,
    check(req, path, rawQuery, query, pageLoad) {
      if (expected === null || token === null) return { kind: 'ok' };
      const port = cookiePort(req, boundPort());
      const cookieName = tokenCookieName(port);
      const fromQuery = query.get(TOKEN_QUERY);
      if (fromQuery !== null && tokenMatches(expected, fromQuery)) {
        if (!pageLoad) return { kind: 'ok' };
        const rest = queryWithoutToken(rawQuery);
        // Never let the redirect become protocol-relative (`//evil.example`): one leading slash only.
        const safePath = path.replace(/^[/\\]+/, '/');
        return { kind: 'redirect', location: safePath + (rest ? `?${rest}` : ''), setCookie: tokenCookie(fromQuery, port) };
      }
      const header = req.headers[TOKEN_HEADER];
      if (typeof header === 'string' && tokenMatches(expected, header)) return { kind: 'ok' };
      const cookies = cookieValues(req.headers.cookie, cookieName);
      for (const v of cookies) {
        if (tokenMatches(expected, v)) return { kind: 'ok' };
      }
      const cap = query.getAll(CAPABILITY_QUERY);
      const scope = cap.length === 1 ? capabilityScopeFor(req.method ?? 'GET', path) : null;
      if (scope !== null && capabilityMatches(token, scope, cap[0])) return { kind: 'ok' };
      const presented = fromQuery !== null || header !== undefined || cookies.length > 0 || cap.length > 0;
      return {
        kind: 'denied',
        reason: presented
          ? 'The Sesame token is wrong (it changes on every launch unless fixed with --ui-token).'
          : 'A Sesame token is required: open the UI URL that Sesame printed (it carries ?token=…), or send the x-sesame-token header.',
      };
    },
  };
}
