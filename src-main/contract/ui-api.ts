// The UI API contract: routes, query parameters, responses and live-stream event names.
// Owns: what the renderer (in Electron or a browser) and CI scripts may rely on. The server in
// adapters/ui-api implements it; the renderer's typed client in src-renderer/src/api uses it.
// Must not: import anything.
import type { MessageDetail, MessagePage, MessageSummary, SesEventRecord } from './messages';
import type { DeliveryAttemptDto } from './feedback-loop';
import type { Preferences } from './preferences';

export * from './ses-state';
export * from './feedback-loop';
export * from './dashboard';
export * from './reputation';
export * from './dedicated-ips';

/** Routes of the UI API, relative to its origin. `:id` is the SES MessageId. */
export const UiRoutes = {
  info: '/api/info',
  messages: '/api/messages',
  message: '/api/messages/:id',
  messageRaw: '/api/messages/:id/raw',
  messageHtml: '/api/messages/:id/html',
  /** PNG of the HTML preview (?width=200..2000&scheme=dark); 501 when ServerInfo.pngExport is false. */
  messagePng: '/api/messages/:id/preview.png',
  messageAttachment: '/api/messages/:id/attachments/:index',
  messageRead: '/api/messages/:id/read',
  events: '/api/events',
  /** GET → Preferences; PUT a partial Preferences → the updated Preferences (unknown keys → 400). */
  preferences: '/api/preferences',
  health: '/api/health',
  // SES account state (DTOs in ses-state.ts). Engine refusals answer 4xx {code, message} with SES v2's
  // error name as `code` (e.g. `MessageRejected`, `NotFoundException`); the routes' own refusals use the
  // generic codes (`BadRequest`, `NotFound`, `MethodNotAllowed`).
  /** GET → AccountDto; PATCH an AccountPatchBody → AccountDto. */
  account: '/api/account',
  /** POST a ProductionAccessBody → AccountDto (review PENDING, then GRANTED in Sesame time). */
  productionAccess: '/api/account/production-access',
  /** POST → AccountDto: every piece of SES account state back to a new account's, start-up account settings re-applied (mail is kept). */
  accountReset: '/api/account/reset',
  /** GET → SesTimeDto. */
  time: '/api/time',
  /** POST {ms} → SesTimeDto with `ran`. */
  timeAdvance: '/api/time/advance',
  /** GET → IdentityListDto; POST a CreateIdentityBody → IdentityDto. */
  identities: '/api/identities',
  /** GET → IdentityDto; DELETE → 204. */
  identity: '/api/identities/:identity',
  /** POST an IdentityStatusBody → IdentityDto. */
  identityStatus: '/api/identities/:identity/status',
  /** POST → IdentityDto: the domain's records written to Sesame's local DNS zone (and so verified). */
  identityPublish: '/api/identities/:identity/publish',
  /** GET ?q&reason&limit&cursor → SuppressionPageDto; POST a SuppressionAddBody → SuppressionEntryDto. */
  suppression: '/api/suppression',
  /** DELETE → 204. */
  suppressionEntry: '/api/suppression/:address',
  /** GET → text/csv download `EmailAddress,Reason`. */
  suppressionExport: '/api/suppression/export',
  /** POST text/csv → SuppressionImportDto. */
  suppressionImport: '/api/suppression/import',
  /** GET → ScenarioRuleListDto; POST a ScenarioRuleInput → ScenarioRuleDto. */
  scenarioRules: '/api/scenario-rules',
  /** PUT a ScenarioRuleInput → ScenarioRuleDto; DELETE → 204. */
  scenarioRule: '/api/scenario-rules/:id',
  /** POST a ScenarioReorderBody → ScenarioRuleListDto. */
  scenarioReorder: '/api/scenario-rules/reorder',
  /** POST a SimulatorTestBody → SimulatorTestResultDto. */
  simulatorTest: '/api/simulator-test',
  // Issue 4 screens (DTOs in feedback-loop.ts).
  /** GET → TemplateListDto; POST a TemplateBody → TemplateDto. */
  templates: '/api/templates',
  /** GET → TemplateDto; PUT a TemplateBody → TemplateDto; DELETE → 204. */
  template: '/api/templates/:name',
  /** POST a TemplateRenderBody → TemplateRenderDto (always 200; SES's refusal is its `error`). */
  templateRender: '/api/template-render',
  /** GET → the rendered HTML as a document with the message preview's CSP (for a sandboxed iframe). */
  templatePreview: '/api/template-preview/:previewId',
  /** GET → SnsTopicListDto; POST an SnsTopicBody → SnsTopicDto. */
  snsTopics: '/api/sns/topics',
  /** DELETE → 204. */
  snsTopic: '/api/sns/topics/:topicArn',
  /** GET ?topicArn → SnsSubscriptionListDto; POST an SnsSubscribeBody → SnsSubscriptionDto. */
  snsSubscriptions: '/api/sns/subscriptions',
  /** DELETE → 204 (Unsubscribe). */
  snsSubscription: '/api/sns/subscriptions/:subscriptionArn',
  /** GET ?topicArn&messageId → DeliveryAttemptListDto. */
  snsDeliveries: '/api/sns/deliveries',
  /** GET ?range=24h|7d|14d&configurationSet&identity → DashboardDto (contract/dashboard.ts). */
  dashboard: '/api/dashboard',
  /** GET → ReputationDto (contract/reputation.ts): account and per-set rates, status in words, settings. */
  reputation: '/api/reputation',
  /** PATCH ReputationSettingsPatch → ReputationDto; invalid values → 400 InvalidParameterValue-style {code, message}. */
  reputationSettings: '/api/reputation/settings',
  /** POST FreshStartBody → ReputationDto: rates count from now; a set paused by reputation sends again; the account is reinstated. */
  reputationFreshStart: '/api/reputation/fresh-start',
  /** GET → DedicatedIpsDto; PATCH {autoWarmupEnabled} → DedicatedIpsDto (PutAccountDedicatedIpWarmupAttributes). */
  dedicatedIps: '/api/dedicated-ips',
  /** POST LeaseIpsBody → DedicatedIpsDto (standard IPs from 198.51.100.0/24). */
  dedicatedIpsLease: '/api/dedicated-ips/lease',
  /** POST CreatePoolBody → DedicatedIpsDto. */
  dedicatedIpPools: '/api/dedicated-ips/pools',
  /** DELETE → DedicatedIpsDto; PUT {scalingMode} → DedicatedIpsDto (…/:pool/scaling). */
  dedicatedIpPool: '/api/dedicated-ips/pools/:pool',
  /** PUT {poolName} → DedicatedIpsDto (…/:ip/pool); PUT {warmupPercentage} (…/:ip/warmup); DELETE releases it. */
  dedicatedIp: '/api/dedicated-ips/ips/:ip',
  /** GET → TimelineDto. */
  timeline: '/api/timeline/:id',
  /** GET ?type&configurationSet&tag&limit&cursor → EventStreamPageDto. */
  eventStream: '/api/event-stream',
} as const;

/** Header carrying the per-launch token (or the cookie `sesame_token_<port>`, set from `?token=` on first load). */
export const TOKEN_HEADER = 'x-sesame-token';
/**
 * The token cookie is named per port, as Jupyter does: cookies do not isolate by port (RFC 6265 §8.5), so two
 * Sesames on one host would otherwise overwrite each other's cookie. The port is the one in the Host header.
 */
export const TOKEN_COOKIE_PREFIX = 'sesame_token_';
export const tokenCookieName = (port: number): string => `${TOKEN_COOKIE_PREFIX}${port}`;
export const TOKEN_QUERY = 'token';

/**
 * Query parameter carrying a per-message capability instead of the token, for URLs that hostile mail HTML can
 * see (the preview's own address and the `cid:` images in it): lowercase hex HMAC-SHA256, keyed with the token,
 * of `CapabilityScopes.<kind>(id)`. A preview capability opens only GET messageHtml of that message; an
 * attachments capability only GET messageAttachment of that message. Nothing else accepts either.
 */
export const CAPABILITY_QUERY = 'cap';
export const CapabilityScopes = {
  preview: (id: string): string => `preview:${id}`,
  attachments: (id: string): string => `attachments:${id}`,
} as const;

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
  /** GET /api/messages/:id/preview.png works here (a Chromium was found for PNG export). */
  pngExport: boolean;
}

/** Live stream (Server-Sent Events on /api/events). The SSE `event:` field is one of these names. */
export const LiveEvents = {
  messageAccepted: 'message.accepted',
  messageUpdated: 'message.updated',
  messagesDeleted: 'messages.deleted',
  eventRecorded: 'event.recorded',
  /** An SNS delivery was queued or attempted (the SNS screen's delivery log, the message timeline). */
  snsDelivery: 'sns.delivery',
  /** Event publishing wrote to a destination other than SNS (the message timeline). */
  publishRecorded: 'publish.recorded',
  /** Reputation moved the account's or a configuration set's enforcement status (Account screen, dashboard). */
  reputationChanged: 'reputation.changed',
  /** App-level (not engine state): sent by the UI API after PUT /api/preferences. */
  preferencesUpdated: 'preferences.updated',
} as const;

export interface LiveEventPayloads {
  'message.accepted': MessageSummary;
  'message.updated': MessageSummary;
  'messages.deleted': { ids: string[] | 'all' };
  'event.recorded': SesEventRecord;
  /**
   * Every row of one SNS delivery as GET /api/sns/deliveries lists them (ids `<deliveryId>.<attempt>`; a
   * queued delivery is one `pending` row `<deliveryId>.0`): they replace that delivery's earlier rows.
   */
  'sns.delivery': { deliveryId: string; attempts: DeliveryAttemptDto[] };
  /** One timeline row (GET /api/timeline/:id `deliveries`) for a sink write, count or stored record. */
  'publish.recorded': DeliveryAttemptDto;
  'reputation.changed': ReputationChange;
  'preferences.updated': Preferences;
}

/** Who changed status (null: the account) and to what. */
export interface ReputationChange {
  configurationSet: string | null;
  status: 'HEALTHY' | 'PROBATION' | 'SHUTDOWN';
}

/** PUT /api/preferences body: any subset of the preferences. */
export type PreferencesPatch = Partial<Preferences>;

export interface ApiErrorBody {
  code: string;
  message: string;
}
