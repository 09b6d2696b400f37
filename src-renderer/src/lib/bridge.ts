// Where the UI API lives and how this page authenticates to it.
// Owns: reading the Electron preload bridge (window.sesame) or, in a browser, a `?token=` left in the page
// URL; building authenticated URLs. Must not: fetch anything (api/client does that).
//
// Two cases (see src-main/contract/ui-api.ts and contract/bridge.ts):
// - Electron: the preload exposes `window.sesame = { apiOrigin, token, ... }`. Every request goes to
//   apiOrigin with the `x-sesame-token` header; URLs used by EventSource, images and links also carry
//   `?token=` because those cannot send headers. The HTML preview's iframe is the exception: its address
//   carries a per-message capability instead (lib/capability.ts), since the mail's markup lives there.
// - Browser: the page is opened as `/?token=T`; the server sets the `sesame_token_<port>` cookie (HttpOnly,
//   SameSite=Strict) and redirects to the URL without the token, so same-origin fetches, EventSource, the
//   iframe's own navigation and downloads all carry the cookie and the page usually never sees T. The
//   server itself adds an attachments capability (`?cap=`, never the token) to the cid: URLs it writes into
//   the preview (a sandboxed iframe's sub-requests come from an opaque origin and get no SameSite cookie).
//   If a token does reach the page URL anyway, we remember it for this tab and strip it from the address bar.
import { TOKEN_HEADER, TOKEN_QUERY, type SesameBridge } from '../../../src-main/contract';

export interface ApiAuth {
  /** Origin prefix for every API URL ('' = same origin as the page). */
  base: string;
  /** The token, when known (always in Electron; in a browser when the page was opened with ?token=). */
  token: string | null;
  host: 'electron' | 'browser';
}

const SESSION_KEY = 'sesame.token';

/** The preload bridge, when running in the Electron window (typed by src-preload/index.d.ts). */
export function getBridge(): SesameBridge | null {
  const candidate = (window as { sesame?: Partial<SesameBridge> }).sesame;
  return candidate && typeof candidate.apiOrigin === 'string' && typeof candidate.token === 'string'
    ? (candidate as SesameBridge)
    : null;
}

function readBrowserToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get(TOKEN_QUERY);
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(SESSION_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the cookie still authenticates this page.
    }
    // Keep the token out of history, bookmarks and screenshots; the cookie is already set.
    url.searchParams.delete(TOKEN_QUERY);
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
}

function resolveAuth(): ApiAuth {
  const bridge = getBridge();
  if (bridge) return { base: bridge.apiOrigin.replace(/\/+$/, ''), token: bridge.token, host: 'electron' };
  return { base: '', token: readBrowserToken(), host: 'browser' };
}

/** Resolved once at startup. */
export const auth: ApiAuth = resolveAuth();

/** Headers for fetch(): the token header whenever the token is known (harmless next to the cookie). */
export function authHeaders(): Record<string, string> {
  return auth.token ? { [TOKEN_HEADER]: auth.token } : {};
}

export type QueryValue = string | number | boolean | null | undefined;

/** `/api/...` path + query → absolute-or-same-origin URL. Skips null/undefined/'' values. */
export function apiUrl(path: string, query: Record<string, QueryValue> = {}, withToken = false): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  if (withToken && auth.token) params.set(TOKEN_QUERY, auth.token);
  const qs = params.toString();
  return `${auth.base}${path}${qs ? `?${qs}` : ''}`;
}

/** Fill `:name` placeholders of a contract route, URL-encoding each value. */
export function fillRoute(route: string, values: Record<string, string | number>): string {
  return route.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`route ${route}: missing :${name}`);
    return encodeURIComponent(String(v));
  });
}
