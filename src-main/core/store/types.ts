// The store's interface: what the engine may ask of persistence. Everything behind it is SQLite today
// (better-sqlite3), and nothing outside core/store imports better-sqlite3, so a desktop host whose
// Electron refuses the native module fails in one place with one message (see database.ts).
// Owns: record shapes as the engine hands them over and gets them back.
// Must not: know SES rules or parse MIME. (It assembles stored events as `{eventType, mail, ...body}`,
// the SES event envelope, so the shared `mail` object is kept once per message.)
import type { Address, ApiCallInfo, MessageDoor, MessageStatus, SesEventRecord, SesEventType, SmtpSessionInfo } from '../../contract/messages';
import type { Db } from './database';
import type { MessageTemplateInfo } from '../templates/api';

/** One accepted message as the pipeline hands it to the store. */
export interface MessageRecord {
  id: string;
  receivedAt: number;
  door: MessageDoor;
  operation: string;
  /** How the content arrived: composed by us (`simple`) or taken as is (`raw`). */
  kind: 'simple' | 'raw';
  /** The sender as the caller gave it (v1 Source, v2 FromEmailAddress, MAIL FROM or the From header). */
  source: string;
  /** Envelope sender (bare address). */
  mailFrom: string;
  /** Envelope recipients (bare addresses). */
  rcptTo: string[];
  /** Destination as given on the API call, when it was (LocalStack's retrospection reports it). */
  destination: { to: string[]; cc: string[]; bcc: string[] } | null;
  from: Address | null;
  to: Address[];
  cc: Address[];
  subject: string;
  snippet: string;
  size: number;
  hasAttachments: boolean;
  status: MessageStatus;
  configurationSet: string | null;
  /** The message's tag map as the Send event reports it (automatic and custom tags). */
  tags: Record<string, string[]>;
  api: ApiCallInfo | null;
  smtp: SmtpSessionInfo | null;
  /** Where bounces and complaints are forwarded: v1 ReturnPath / v2 FeedbackForwardingEmailAddress, as given. */
  returnPath: string | null;
  /** Mail SES sent (door `system`): the message it is about, or null. */
  relatedId: string | null;
  /** Templated sends: the template, its data and the rendering failure, if any (core/templates/api.ts). */
  template?: MessageTemplateInfo | null;
}

export interface StoredMessage extends MessageRecord {
  seq: number;
  read: boolean;
}

/** Summary columns only (what an inbox row needs). */
export type StoredSummary = Pick<
  StoredMessage,
  'seq' | 'id' | 'receivedAt' | 'door' | 'operation' | 'from' | 'to' | 'subject' | 'snippet' | 'size' | 'read' | 'hasAttachments' | 'status' | 'configurationSet'
>;

/** An SES event of a stored message: the payload is `{eventType, mail, ...body}`. */
export interface NewEvent {
  eventType: SesEventType;
  timestamp: number;
  /** Everything after `mail` (e.g. `{send: {}}`, `{delivery: {...}}`). */
  body: Record<string, unknown>;
  /**
   * This event's changes to the message's `mail`: each key replaces `mail`'s, a null removes it (Delivery's
   * `tags` add `ses:outgoing-ip`; a templated send's Send and Rendering Failure events report fewer headers).
   */
  mailOverride?: MailOverride;
}

/** Keys of the SES `mail` object to replace for one event; null = the key is absent from that event. */
export type MailOverride = Readonly<Record<string, unknown>>;

/** Raw MIME in its on-disk form (from `MessageStore.encodeRaw`). */
export interface EncodedRaw {
  codec: number;
  data: Buffer;
}

export interface AcceptResult {
  seq: number;
  events: SesEventRecord[];
  /** Ids removed by the retention cap in the same transaction. */
  prunedIds: string[];
}

export interface PageRequest {
  /** Free text; empty means no filter. */
  search?: string;
  limit: number;
  /** Only messages older than this sequence (the cursor). */
  before?: number;
}

export interface PageResult {
  rows: StoredSummary[];
  /** Matching messages, counted up to SEARCH_COUNT_CAP. */
  total: number;
  /** True when `total` stopped at the cap (there are more). */
  totalCapped: boolean;
  hasMore: boolean;
}

export interface MessageStore {
  /**
   * One transaction: message row, content (raw MIME, detail fields, the shared SES `mail` object), events,
   * send-log row and retention pruning. The search index follows in batches (search-index.ts).
   */
  accept(rec: MessageRecord, raw: EncodedRaw, mail: object, events: NewEvent[], sendLog: { at: number; recipients: number }): AcceptResult;
  /** Puts raw MIME in its on-disk form; large messages are compressed off the event loop. Call before accept. */
  encodeRaw(raw: Buffer): Promise<EncodedRaw>;
  /** Records a later event on a stored message and sets its status; undefined when the message is gone. */
  addEvent(messageId: string, event: NewEvent, status: MessageStatus): SesEventRecord | undefined;
  page(req: PageRequest): PageResult;
  get(id: string): StoredMessage | undefined;
  /** The stored MIME. The row is read synchronously at call time; deflated rows inflate off the event loop. */
  raw(id: string): Promise<Buffer | undefined>;
  events(id: string): SesEventRecord[];
  setRead(id: string, read: boolean): StoredMessage | undefined;
  /** Deletes the given messages; returns the ids that existed. */
  delete(ids: string[]): string[];
  deleteAll(): number;
  /** Oldest first, optionally one id or one sender (source as given, or the bare envelope sender). */
  list(filter: { id?: string; email?: string }): StoredMessage[];
  counts(): { total: number; unread: number };
  /** Writes anything still buffered (the search index batch); called before close. */
  flush(): void;
}

/** Small JSON values by key (the `account_state` table): account settings, Sesame's clock offset. */
export interface SettingsStore {
  get<T>(key: string): T | undefined;
  put(key: string, value: unknown): void;
  delete(key: string): void;
  clear(): void;
}

export interface SendLogStore {
  /** Rows with `at` strictly after `after`, oldest first. */
  since(after: number): { at: number; recipients: number }[];
  /** Drops rows at or before `before` (they can no longer count toward any rolling window). */
  prune(before: number): void;
  /** Drops every row (a reset). */
  clear(): void;
}

export interface Store {
  /** The open database, for capability stores created beside the engine (core/store/*-store.ts only). */
  db: Db;
  settings: SettingsStore;
  messages: MessageStore;
  sendLog: SendLogStore;
  close(): void;
}
