// The one typed client of the UI API, built from src-main/contract.
// Owns: HTTP calls, turning `{code, message}` error bodies (and network failures) into ApiError, and the
// URLs that the browser itself loads (iframe, images, downloads). Must not: hold state (stores/ do).
import {
  CAPABILITY_QUERY,
  CapabilityScopes,
  UiRoutes,
  type ApiErrorBody,
  type MessageDetailResponse,
  type MessageListQuery,
  type MessageListResponse,
  type Preferences,
  type PreferencesPatch,
  type ServerInfo,
} from '../../../src-main/contract';
import type { CompatibilityReport } from '../../../src-main/contract/compatibility';
import type { MessageComparison } from '../../../src-main/contract/compare';
import type { AuthenticationReport } from '../../../src-main/contract/inspection';
import type { LinkCheckReport } from '../../../src-main/contract/link-check';
import type { MessageLink, MimeTree } from '../../../src-main/contract/mime-tree';
import type { SpamReport } from '../../../src-main/contract/spam';
import { apiUrl, auth, authHeaders, fillRoute, type QueryValue } from '../lib/bridge';
import { capabilityFor } from '../lib/capability';

/** A failed UI API call. `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

type BodyKind = 'json' | 'text' | 'none';

interface RequestOptions {
  method?: 'GET' | 'PUT' | 'DELETE' | 'POST' | 'PATCH';
  /** A text body sent as is (CSV uploads); `body` is sent as JSON. */
  text?: { data: string; type: string };
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

function isErrorBody(v: unknown): v is ApiErrorBody {
  return typeof v === 'object' && v !== null && typeof (v as ApiErrorBody).message === 'string';
}

async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  try {
    const parsed: unknown = JSON.parse(text);
    if (isErrorBody(parsed)) return new ApiError(res.status, parsed.code || `Http${res.status}`, parsed.message);
  } catch {
    // Not JSON: fall through to the status line.
  }
  const message = text.trim().slice(0, 300) || res.statusText || `HTTP ${res.status}`;
  return new ApiError(res.status, `Http${res.status}`, message);
}

export async function request(path: string, kind: 'json', opts?: RequestOptions): Promise<unknown>;
export async function request(path: string, kind: 'text', opts?: RequestOptions): Promise<string>;
export async function request(path: string, kind: 'none', opts?: RequestOptions): Promise<void>;
export async function request(path: string, kind: BodyKind, opts: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { ...authHeaders() };
  if (kind === 'json') headers.accept = 'application/json';
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  } else if (opts.text !== undefined) {
    headers['content-type'] = opts.text.type;
    body = opts.text.data;
  }
  let res: Response;
  try {
    res = await fetch(apiUrl(path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body,
      signal: opts.signal,
      credentials: 'same-origin',
    });
  } catch (err) {
    if (isAbort(err)) throw err;
    throw new ApiError(0, 'NetworkError', 'Sesame is not reachable. Is it still running?');
  }
  if (!res.ok) throw await toApiError(res);
  if (kind === 'none') return undefined;
  if (kind === 'text') return res.text();
  const text = await res.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

/** A JSON call whose answer is taken as `T` (the contract's type for that route). */
export const json = async <T>(path: string, opts?: RequestOptions) => (await request(path, 'json', opts)) as T;

const messagePath = (id: string) => fillRoute(UiRoutes.message, { id });

/** Inspection routes (src-main/adapters/ui-api/inspect-routes.ts). */
const InspectRoutes = {
  authentication: '/api/messages/:id/authentication',
  mimeTree: '/api/messages/:id/mime-tree',
  links: '/api/messages/:id/links',
  part: '/api/messages/:id/parts/:path',
  spam: '/api/messages/:id/spam',
  linkCheck: '/api/messages/:id/links/check',
  compare: '/api/messages/:id/compare/:other',
  compatibility: '/api/messages/:id/compatibility',
} as const;

export const api = {
  info: async (signal?: AbortSignal) => (await request(UiRoutes.info, 'json', { signal })) as ServerInfo,

  listMessages: async (query: MessageListQuery, signal?: AbortSignal) =>
    (await request(UiRoutes.messages, 'json', {
      signal,
      query: { q: query.q?.trim(), limit: query.limit, cursor: query.cursor },
    })) as MessageListResponse,

  getMessage: async (id: string, signal?: AbortSignal) =>
    (await request(messagePath(id), 'json', { signal })) as MessageDetailResponse,

  getRaw: (id: string, signal?: AbortSignal) =>
    request(fillRoute(UiRoutes.messageRaw, { id }), 'text', { signal }),

  setRead: (id: string, read: boolean) =>
    request(fillRoute(UiRoutes.messageRead, { id }), 'none', { method: 'PUT', body: { read } }),

  deleteMessage: (id: string) => request(messagePath(id), 'none', { method: 'DELETE' }),

  deleteAll: () => request(UiRoutes.messages, 'none', { method: 'DELETE' }),

  /** Inspection (issue 5): computed by the engine on demand. */
  getAuthentication: async (id: string, signal?: AbortSignal) =>
    (await request(fillRoute(InspectRoutes.authentication, { id }), 'json', { signal })) as AuthenticationReport,
  getMimeTree: async (id: string, signal?: AbortSignal) =>
    (await request(fillRoute(InspectRoutes.mimeTree, { id }), 'json', { signal })) as MimeTree,
  getLinks: async (id: string, signal?: AbortSignal) =>
    (await request(fillRoute(InspectRoutes.links, { id }), 'json', { signal })) as MessageLink[],
  /** `refresh`: ask spamd again instead of the engine's cached answer (?refresh=1). */
  getSpam: async (id: string, signal?: AbortSignal, refresh = false) =>
    (await request(fillRoute(InspectRoutes.spam, { id }), 'json', { signal, query: refresh ? { refresh: '1' } : undefined })) as SpamReport,
  /** POST; `allowPrivate` (when given) is kept by the engine. */
  checkLinks: async (id: string, allowPrivate?: boolean) =>
    (await request(fillRoute(InspectRoutes.linkCheck, { id }), 'json', {
      method: 'POST',
      body: allowPrivate === undefined ? undefined : { allowPrivate },
    })) as LinkCheckReport,
  /** Message `id` (A) against `other` (B); `all`: every header, not only those that differ (?all=1). */
  compare: async (id: string, other: string, all: boolean, signal?: AbortSignal) =>
    (await request(fillRoute(InspectRoutes.compare, { id, other }), 'json', { signal, query: all ? { all: '1' } : {} })) as MessageComparison,
  getCompatibility: async (id: string, signal?: AbortSignal) =>
    (await request(fillRoute(InspectRoutes.compatibility, { id }), 'json', { signal })) as CompatibilityReport,

  getPreferences: async (signal?: AbortSignal) => (await request(UiRoutes.preferences, 'json', { signal })) as Preferences,

  updatePreferences: async (patch: PreferencesPatch) =>
    (await request(UiRoutes.preferences, 'json', { method: 'PUT', body: patch })) as Preferences,
};

/**
 * URLs the browser loads by itself (no fetch, so no header): they carry the token when it is known — except
 * the HTML preview's, whose document is the mail's hostile markup: it carries only that message's preview
 * capability (or nothing, and the cookie authenticates the frame's navigation).
 */
export const urls = {
  /** `dark`: the preview with the mail's prefers-color-scheme rules resolved for dark mode (scheme=dark). */
  html: async (id: string, remote: boolean, dark = false): Promise<string> => {
    const cap = auth.token ? await capabilityFor(auth.token, CapabilityScopes.preview(id)) : null;
    return apiUrl(fillRoute(UiRoutes.messageHtml, { id }), {
      remote: remote ? 1 : 0,
      scheme: dark ? 'dark' : undefined,
      [CAPABILITY_QUERY]: cap,
    });
  },
  /** A PNG of the preview rendered by the server's Chromium (remote content off), served as a download. */
  png: (id: string, width: number, dark = false) =>
    apiUrl(fillRoute(UiRoutes.messagePng, { id }), { width, scheme: dark ? 'dark' : undefined }, true),
  raw: (id: string, download: boolean) =>
    apiUrl(fillRoute(UiRoutes.messageRaw, { id }), { download: download ? 1 : undefined }, true),
  /** Served as a download (Content-Disposition: attachment); <img> thumbnails can use it too. */
  attachment: (id: string, index: number) => apiUrl(fillRoute(UiRoutes.messageAttachment, { id, index }), {}, true),
  /** One MIME part (path 1, 1.2 … or TEXT): a download, or shown inline with view=true (inert CSP, sandboxed). */
  part: (id: string, path: string, view = false) =>
    apiUrl(fillRoute(InspectRoutes.part, { id, path }), { inline: view ? 1 : undefined }, true),
  events: () => apiUrl(UiRoutes.events, {}, true),
};

/** A readable one-liner for any thrown value. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return err.status ? `${err.message} (${err.code})` : err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

export const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';
