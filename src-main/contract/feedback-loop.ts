// DTOs of the UI API's feedback-loop screens (issue 4): email templates with a live preview, SNS topics,
// subscriptions and their delivery log, the per-message timeline and the global event stream.
// Owns: the JSON shapes the renderer and the UI API agree on (times as ISO strings, AWS names verbatim).
// Must not: import anything but sibling contract types (no node:*, no electron).
import type { MessageSummary, SesEventRecord, SesEventType } from './messages';

/** A failure as SES words it (`MissingRenderingAttribute`, `Attribute 'name' is not present …`). */
export interface SesErrorDto {
  code: string;
  message: string;
}

// --- templates -----------------------------------------------------------------------------------

/** GET /api/templates → TemplateListDto. */
export interface TemplateSummaryDto {
  name: string;
  createdAt: string | null;
}

export interface TemplateListDto {
  items: TemplateSummaryDto[];
}

/** GET /api/templates/:name; also the answer of POST and PUT. */
export interface TemplateDto {
  name: string;
  subject: string;
  text: string | null;
  html: string | null;
  createdAt: string | null;
}

/** POST /api/templates (name required) · PUT /api/templates/:name (name ignored). */
export interface TemplateBody {
  name: string;
  subject: string;
  text?: string | null;
  html?: string | null;
}

/** POST /api/template-render: inline content rendered with `data` (a JSON object as text, as SES takes TemplateData). */
export interface TemplateRenderBody {
  subject: string;
  text?: string | null;
  html?: string | null;
  data: string;
}

/**
 * The result of a render, always 200: SES's rendering refusal is data here (`error`), so a live preview can
 * show it while the user types. `previewId` opens the rendered HTML at templatePreview (sandboxed like a
 * message preview; kept for a short while in memory).
 */
export interface TemplateRenderDto {
  subject: string | null;
  text: string | null;
  html: string | null;
  previewId: string | null;
  error: SesErrorDto | null;
}

// --- SNS -----------------------------------------------------------------------------------------

export interface SnsTopicDto {
  topicArn: string;
  name: string;
  displayName: string;
  subscriptionsConfirmed: number;
  subscriptionsPending: number;
}

export interface SnsTopicListDto {
  items: SnsTopicDto[];
}

export type SnsSubscriptionStatus = 'pending' | 'confirmed';

export interface SnsSubscriptionDto {
  /** `PendingConfirmation` until confirmed (SNS's own placeholder), then the subscription ARN. */
  subscriptionArn: string;
  topicArn: string;
  protocol: string;
  endpoint: string;
  status: SnsSubscriptionStatus;
  rawMessageDelivery: boolean;
}

export interface SnsSubscriptionListDto {
  items: SnsSubscriptionDto[];
}

/** POST /api/sns/topics. */
export interface SnsTopicBody {
  name: string;
}

/** POST /api/sns/subscriptions. */
export interface SnsSubscribeBody {
  topicArn: string;
  protocol: 'http' | 'https';
  endpoint: string;
}

/** One attempt to hand something to a destination (an SNS HTTP endpoint, an EventBridge/Firehose sink). */
export interface DeliveryAttemptDto {
  id: string;
  at: string;
  /** `sns` for SNS subscriptions; other destinations name themselves (`eventbridge`, `firehose`). */
  channel: string;
  /** The URL (or file) the attempt went to. */
  endpoint: string;
  topicArn: string | null;
  subscriptionArn: string | null;
  /** SNS envelope type: SubscriptionConfirmation, Notification (null for other channels). */
  messageType: string | null;
  /** The SES message it was about, when it was about one, and the SES event (SesEventRecord.id) it carried. */
  sesMessageId: string | null;
  sesEventId: number | null;
  attempt: number;
  /** `delivered` (2xx), `failed` (will be retried), `abandoned` (no more retries), or `pending`. */
  outcome: string;
  httpStatus: number | null;
  latencyMs: number | null;
  /** The first kilobyte of the answer. */
  responseBody: string | null;
  error: string | null;
}

/** GET /api/sns/deliveries?topicArn&messageId → DeliveryAttemptListDto (newest first). */
export interface DeliveryAttemptListDto {
  items: DeliveryAttemptDto[];
}

// --- timeline and event stream -------------------------------------------------------------------

/** GET /api/timeline/:id: what MessageDetail does not already carry for the message's timeline. */
export interface TimelineDto {
  messageId: string;
  /** Every attempt to every destination for this message (SNS, event sinks), oldest first. */
  deliveries: DeliveryAttemptDto[];
  /** Mail SES sent about it (bounce DSN, complaint ARF report, auto-reply). */
  related: MessageSummary[];
}

/** One row of the global event stream: an SES event plus what the list shows of its message. */
export interface EventStreamItemDto extends SesEventRecord {
  configurationSet: string | null;
  subject: string;
}

/** GET /api/event-stream?type&configurationSet&tag&limit&cursor (type repeatable; tag `name` or `name=value`). */
export interface EventStreamQuery {
  types?: SesEventType[];
  configurationSet?: string;
  tag?: string;
  limit?: number;
  cursor?: string | null;
}

export interface EventStreamPageDto {
  items: EventStreamItemDto[];
  nextCursor: string | null;
}
