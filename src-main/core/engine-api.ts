// The engine's public surface: what every door (v2, v1, SMTP, UI API, hosts) may call.
// Owns: the types of requests into the engine and of what comes back. core/engine.ts implements it.
// Reads that show a message's content (`messages.get`, `.raw`, `.attachment`, `.retrospection`) are async:
// large stored MIME is inflated off the event loop, and views parse it with mailparser on demand
// (core/messages/mail-reader.ts); everything else is sync.
// Must not: mention a wire format. Doors translate their protocol into these calls.
import type { MessageDetail, MessagePage, MessageSummary, SesEventRecord, SmtpSessionInfo } from '../contract/messages';
import type { MessageListQuery, ReputationChange } from '../contract/ui-api';
import type { AccountService } from './account/api';
import type { ConfigurationSetService } from './config-sets/api';
import type { IdentityService } from './identities/api';
import type { ScenarioService } from './outcomes/api';
import type { SuppressionService } from './suppression/api';
import type { DeliveryView, SnsService } from './sns/api';
import type { PublishingService, PublishRecord } from './publishing/api';
import type { TemplateContent, TemplateService } from './templates/api';
import type { BulkEntryResult, BulkSendRequest } from './sending/bulk';
import type { TrackingService } from './tracking/api';
import type { ContactService, ListManagementOptions } from './contacts/api';
import type { EventLogService } from './store/event-query';
import type { InspectApi } from './inspect/api';
import type { MetricsService } from './metrics/api';
import type { DedicatedIpService } from './dedicated-ips/api';
import type { ReputationService } from './reputation/api';
import type { RecommendationService } from './vdm/recommendations';

/** Who called, from where: recorded on the message and used for auto tags. */
export interface CallerContext {
  door: 'sesv2' | 'ses' | 'smtp';
  /** SES operation name for API calls (`SendEmail`, `SendRawEmail`); `SMTP` isn't an SES op — see ses:operation. */
  operation: string;
  sourceIp: string;
  /** Access key id from SigV4 or the SMTP user name; null when absent. */
  accessKeyId: string | null;
  requestId: string;
  /** SMTP only: the session facts kept on the message. */
  smtp?: SmtpSessionInfo;
}

export interface MessageTag {
  name: string;
  value: string;
}

export interface TextPart {
  data: string;
  charset?: string;
}

export interface SimpleAttachment {
  fileName: string;
  content: Buffer;
  contentType?: string;
  contentDisposition?: 'ATTACHMENT' | 'INLINE';
  contentId?: string;
  contentDescription?: string;
}

/** Simple content: the engine composes MIME from it (v2 Content.Simple, v1 SendEmail). */
export interface SimpleContent {
  kind: 'simple';
  subject: TextPart;
  text?: TextPart;
  html?: TextPart;
  headers?: { name: string; value: string }[];
  attachments?: SimpleAttachment[];
}

/** Raw content: MIME taken as is (v2 Content.Raw, v1 SendRawEmail, SMTP DATA). */
export interface RawContent {
  kind: 'raw';
  data: Buffer;
}

/**
 * Templated content (v1 SendTemplatedEmail, v2 Content.Template): a stored template by name or ARN, or inline
 * content, rendered with `data` (TemplateData, a JSON text) — core/sending/draft-template.ts.
 */
export interface TemplateSendContent {
  kind: 'template';
  name?: string;
  arn?: string;
  content?: TemplateContent;
  data: string;
  headers?: { name: string; value: string }[];
  attachments?: SimpleAttachment[];
}

export interface SendRequest {
  caller: CallerContext;
  /** FromEmailAddress (v2) / Source (v1) / MAIL FROM (SMTP). Optional for raw: taken from the From header. */
  from?: string;
  /** Explicit destination. For raw without destination, recipients come from To/Cc/Bcc headers. */
  destination?: { to?: string[]; cc?: string[]; bcc?: string[] };
  replyTo?: string[];
  /** ReturnPath (v1) / FeedbackForwardingEmailAddress (v2). */
  returnPath?: string;
  content: SimpleContent | RawContent | TemplateSendContent;
  tags?: MessageTag[];
  configurationSetName?: string;
  /** v2 SendEmail ListManagementOptions (core/sending/list-management.ts). */
  listManagement?: ListManagementOptions;
  /** Size limit for this door (MAX_MESSAGE_BYTES_V1 or _V2). */
  maxBytes: number;
}

export interface SendResult {
  messageId: string;
}

export type { AccountPatch, AccountService, AccountView, SendQuota, SuppressionReason } from './account/api';
export type { IdentityService, IdentityType, IdentityView, VerificationStatus } from './identities/api';
export type { SuppressedDestination, SuppressionService } from './suppression/api';
export type { ConfigurationSetService, ConfigurationSetView } from './config-sets/api';
export type { ScenarioService } from './outcomes/api';
export type { DeliveryView, SnsService } from './sns/api';
export type { EventSinks, PublishingService, PublishRecord } from './publishing/api';
export type { BulkEntryResult, BulkSendRequest, BulkStatus } from './sending/bulk';
export type { TemplateService } from './templates/api';

/** LocalStack `/_aws/ses` message shape (ses-facts §B.2). */
export interface RetrospectionMessage {
  Id: string;
  Region: string;
  Timestamp: string;
  Source: string;
  Destination: { ToAddresses: string[]; CcAddresses: string[]; BccAddresses: string[] };
  Subject?: string;
  Body?: { text_part: string | null; html_part: string | null };
  RawData?: string;
  Template?: string;
  TemplateData?: string;
}

/** One attachment's decoded bytes, as the UI API serves them. */
export interface AttachmentContent {
  filename: string | null;
  contentType: string;
  content: Buffer;
}

/** Domain events the engine emits; adapters subscribe (live UI, webhooks, notifications). */
export interface DomainEvents {
  'message.accepted': MessageSummary;
  'message.updated': MessageSummary;
  'messages.deleted': { ids: string[] | 'all' };
  'event.recorded': SesEventRecord;
  /** An SNS HTTP/HTTPS delivery was queued or attempted (core/sns delivery log). */
  'sns.delivery': DeliveryView;
  /** Event publishing handed an event to a destination, or a sink write finished (core/publishing publish log). */
  'publish.recorded': PublishRecord;
  /** Reputation (evaluation or a fresh start) moved the account's or a set's enforcement status. */
  'reputation.changed': ReputationChange;
}

export interface DomainBus {
  on<K extends keyof DomainEvents>(name: K, fn: (payload: DomainEvents[K]) => void): () => void;
  emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void;
}

export interface Engine {
  readonly region: string;
  readonly accountId: string;
  readonly bus: DomainBus;
  sending: {
    /** Validate, compose, persist, record Send then Delivery. Throws SesError when SES would refuse. */
    send(req: SendRequest): Promise<SendResult>;
    /** SendBulkEmail / SendBulkTemplatedEmail: one templated send per entry, results in request order (core/sending/bulk.ts). */
    sendBulk(req: BulkSendRequest): Promise<BulkEntryResult[]>;
  };
  account: AccountService;
  identities: IdentityService;
  suppression: SuppressionService;
  configurationSets: ConfigurationSetService;
  scenarios: ScenarioService;
  /** The SNS subset: topics, subscriptions, Publish, and the HTTP/HTTPS delivery log (core/sns/api.ts). */
  sns: SnsService;
  /** Event publishing: configuration-set event destinations, event sinks, the publish log, CloudWatch counters, GetMessageInsights. */
  publishing: PublishingService;
  /** Email templates: CRUD and TestRender (stored or inline content). */
  templates: TemplateService;
  /** Open/click tracking: the tokens behind tracking URLs, and Open / Click recorded when they are hit. */
  tracking: TrackingService;
  /** Contact lists, contacts, and list management's one-click unsubscribe (core/contacts/api.ts). */
  contacts: ContactService;
  /** The statistics ledger (15-minute buckets): GetSendStatistics, BatchGetMetricData, reputation, the dashboard. */
  metrics: MetricsService;
  /** Dedicated IPs, simulated (core/dedicated-ips/api.ts): pools, IPs, warm-up, each send's outgoing IP. */
  dedicatedIps: DedicatedIpService;
  /** Bounce and complaint rates, enforcement status (account and sets with reputation metrics), settings, fresh starts. */
  reputation: ReputationService;
  /** VDM recommendations (ListRecommendations) computed from identities and the local zone. */
  recommendations: RecommendationService;
  /** Message inspection (issue 5): MIME structure, parts, links (and authentication). */
  inspect: InspectApi;
  /** Read-only: recent SES events across messages (the UI's event stream) and the system mail about a message. */
  eventLog: EventLogService;
  /** Sesame's clock: the injected clock plus the time-travel offset (persisted). */
  time: {
    now(): number;
    offset(): number;
    /** Moves Sesame's time forward and runs every scheduled outcome that falls due. */
    advance(ms: number): { now: number; ran: number };
    /** Runs scheduled outcomes due now (hosts call it from a timer; tests after moving an injected FakeClock). */
    runDue(): number;
    /** When the next scheduled outcome is due (Sesame time), or null. */
    nextDueAt(): number | null;
  };
  /** Every piece of SES account state back to a new account's (identities, suppression, configuration sets, rules, quotas, clock offset). Mail is kept; the start-up account overrides (flags/env/config file) apply again. */
  reset(): void;
  messages: {
    list(query: MessageListQuery): MessagePage;
    /** Stored and unread counts, kept in memory by the store (cheap: for badges and the tray). */
    counts(): { total: number; unread: number };
    /**
     * The message read back with mailparser (headers, bodies, attachments) plus its stored facts and events.
     * Rejects with UnreadableMessageError (messages/mail-reader.ts) when mailparser refuses the stored MIME.
     */
    get(id: string): Promise<MessageDetail | undefined>;
    /** The stored MIME as the recipient receives it (SES's headers included). */
    raw(id: string): Promise<Buffer | undefined>;
    /** Attachment `index` in `get`'s order, decoded; undefined when there is no such message or attachment. Rejects as `get`. */
    attachment(id: string, index: number): Promise<AttachmentContent | undefined>;
    markRead(id: string, read: boolean): MessageSummary | undefined;
    delete(ids: string[]): number;
    deleteAll(): number;
    /** LocalStack-compatible view (`GET /_aws/ses`), filters `id` and `email` (= Source). */
    /** Composed (Simple) sends report Body{text_part, html_part} parsed back from their MIME. */
    retrospection(filter: { id?: string; email?: string }): Promise<RetrospectionMessage[]>;
    /** LocalStack-compatible delete (`DELETE /_aws/ses`), all or one id. */
    retrospectionDelete(id?: string): number;
  };
  close(): void;
}
