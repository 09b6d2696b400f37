// The UI API contract: routes, query parameters, responses and live-stream event names.
// Owns: what the renderer (in Electron or a browser) and CI scripts may rely on. The server in
// adapters/ui-api implements it; the renderer's typed client in src-renderer/src/api uses it.
// Must not: import anything.
import type { MessageDetail, MessagePage, MessageSummary, SesEventRecord } from './messages';
import type { Preferences } from './preferences';

/** Routes of the UI API, relative to its origin. `:id` is the SES MessageId. */
export const UiRoutes = {
  info: '/api/info',
  messages: '/api/messages',
  message: '/api/messages/:id',
  messageRaw: '/api/messages/:id/raw',
  messageHtml: '/api/messages/:id/html',
  messageAttachment: '/api/messages/:id/attachments/:index',
  messageRead: '/api/messages/:id/read',
  events: '/api/events',
  /** GET → Preferences; PUT a partial Preferences → the updated Preferences (unknown keys → 400). */
  preferences: '/api/preferences',
  health: '/api/health',
} as const;

/** Header carrying the per-launch token (or the cookie `sesame_token`, set from `?token=` on first load). */
export const TOKEN_HEADER = 'x-sesame-token';
export const TOKEN_COOKIE = 'sesame_token';
export const TOKEN_QUERY = 'token';

/** GET /api/messages query. */
export interface MessageListQuery {
  /** Free text: matches subject, from, to (and body) as a substring. */
  q?: string;
  /** Page size, 1..200 (default 50). */
  limit?: number;
  /** Cursor from the previous page. */
  cursor?: string;
}

export type MessageListResponse = MessagePage;
export type MessageDetailResponse = MessageDetail;

/** GET /api/info: everything the "Connect your app" panel shows. */
export interface ServerInfo {
  name: 'Sesame';
  version: string;
  region: string;
  accountId: string;
  /** Base URL of the AWS endpoint (SES v2 + v1 + retrospection). */
  awsEndpoint: string;
  smtp: {
    host: string;
    /** Plain/STARTTLS port. */
    port: number;
    /** Implicit TLS port, or null when disabled. */
    tlsPort: number | null;
    /** `any` accepts any credentials; `strict` checks SES SMTP passwords. */
    authMode: 'any' | 'strict';
    /** A ready-to-paste SES SMTP credential pair for the first configured access key. */
    username: string;
    password: string;
  };
  /** The access key pair configured for SDK snippets. */
  credentials: { accessKeyId: string; secretAccessKey: string };
  uiUrl: string;
  retention: { maxMessages: number };
  dataDir: string;
  host: 'electron' | 'headless';
}

/** Live stream (Server-Sent Events on /api/events). The SSE `event:` field is one of these names. */
export const LiveEvents = {
  messageAccepted: 'message.accepted',
  messageUpdated: 'message.updated',
  messagesDeleted: 'messages.deleted',
  eventRecorded: 'event.recorded',
  /** App-level (not engine state): sent by the UI API after PUT /api/preferences. */
  preferencesUpdated: 'preferences.updated',
} as const;

export interface LiveEventPayloads {
  'message.accepted': MessageSummary;
  'message.updated': MessageSummary;
  'messages.deleted': { ids: string[] | 'all' };
  'event.recorded': SesEventRecord;
  'preferences.updated': Preferences;
}

/** PUT /api/preferences body: any subset of the preferences. */
export type PreferencesPatch = Partial<Preferences>;

export interface ApiErrorBody {
  code: string;
  message: string;
}
