// The SNS subset's public surface: topics, subscriptions, Publish, and the HTTP/HTTPS delivery log that
// Sesame keeps for every attempt. SES event publishing calls `publish` and `topicExists`; the SNS Query
// handlers call the rest; the UI reads `deliveries`.
// Owns: shapes and the service interface (core/sns/sns.ts implements it). Must not: hold behaviour or
// mention a wire format.

/** SNS MessageAttributes value (Publish), kept as given. */
export interface SnsMessageAttribute {
  dataType: string;
  stringValue?: string;
  binaryValue?: Buffer;
}

/** Where a publish came from when SES published it (event publishing / identity notifications). */
export interface SnsPublishOrigin {
  sesMessageId: string;
  eventId?: number;
}

export interface SnsPublishRequest {
  topicArn: string;
  message: string;
  subject?: string;
  messageAttributes?: Record<string, SnsMessageAttribute>;
  /** Publish's MessageStructure=json: `message` is a JSON object with a `default` key and per-protocol keys. */
  messageStructure?: 'json';
  origin?: SnsPublishOrigin;
}

export interface SnsPublishResult {
  messageId: string;
}

export interface TopicView {
  topicArn: string;
  name: string;
  createdAt: number;
  /** Attribute name → value as SNS spells them (DisplayName, Policy, DeliveryPolicy…), settable ones only. */
  attributes: Record<string, string>;
  tags: { key: string; value: string }[];
  subscriptionsConfirmed: number;
  subscriptionsPending: number;
  subscriptionsDeleted: number;
}

export type SubscriptionStatus = 'pending' | 'confirmed';

export interface SubscriptionView {
  subscriptionArn: string;
  topicArn: string;
  protocol: string;
  endpoint: string;
  status: SubscriptionStatus;
  /** True for http/https: Sesame delivers those for real; other protocols are stored only. */
  delivered: boolean;
  rawMessageDelivery: boolean;
  attributes: Record<string, string>;
  createdAt: number;
  confirmedAt: number | null;
}

export interface SubscriptionPage<T> {
  items: T[];
  nextToken: string | null;
}

/** One HTTP attempt to one endpoint (a confirmation request or a notification). */
export interface DeliveryAttempt {
  attempt: number;
  at: number;
  /** HTTP status, or null when no response came (connection refused, timeout). */
  status: number | null;
  latencyMs: number;
  /** First 1 KB of the response body. */
  responseBody: string | null;
  error: string | null;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One message (confirmation or notification) on its way to one subscription, with its attempts. */
export interface DeliveryView {
  id: number;
  kind: 'SubscriptionConfirmation' | 'Notification';
  /** SNS MessageId of the envelope. */
  messageId: string;
  topicArn: string;
  subscriptionArn: string;
  endpoint: string;
  state: DeliveryState;
  createdAt: number;
  /** Sesame time of the next attempt while pending, else null. */
  nextAttemptAt: number | null;
  origin: SnsPublishOrigin | null;
  attempts: DeliveryAttempt[];
}

export interface DeliveryQuery {
  /** SNS MessageId of the publish (or the confirmation). */
  messageId?: string;
  topicArn?: string;
  subscriptionArn?: string;
  /** The SES message the publish came from (event publishing). */
  sesMessageId?: string;
  limit?: number;
}

export interface CreateTopicRequest {
  name: string;
  attributes?: Record<string, string>;
  tags?: { key: string; value: string }[];
}

export interface SubscribeRequest {
  topicArn: string;
  protocol: string;
  endpoint: string;
  attributes?: Record<string, string>;
}

export interface SnsService {
  // --- what SES event publishing needs ---
  /** Publishes to every confirmed subscription of the topic. Throws SesError NotFound for a missing topic. */
  publish(req: SnsPublishRequest): SnsPublishResult;
  topicExists(topicArn: string): boolean;

  // --- topics ---
  /** Idempotent by name: an existing topic is returned as is (SNS refuses differing attributes/tags). */
  createTopic(req: CreateTopicRequest): TopicView;
  deleteTopic(topicArn: string): void;
  getTopic(topicArn: string): TopicView | undefined;
  listTopics(nextToken?: string): SubscriptionPage<TopicView>;
  setTopicAttribute(topicArn: string, name: string, value: string): void;
  /** TagResource: adds or replaces tags by key. Throws ResourceNotFound for a missing topic. */
  tagTopic(topicArn: string, tags: { key: string; value: string }[]): void;
  /** UntagResource: removes these keys (absent ones are ignored). */
  untagTopic(topicArn: string, keys: string[]): void;

  // --- subscriptions ---
  /** Stores the subscription; http/https ones get a SubscriptionConfirmation request. */
  subscribe(req: SubscribeRequest): SubscriptionView;
  confirmSubscription(topicArn: string, token: string): SubscriptionView;
  unsubscribe(subscriptionArn: string): void;
  getSubscription(subscriptionArn: string): SubscriptionView | undefined;
  setSubscriptionAttribute(subscriptionArn: string, name: string, value: string): void;
  listSubscriptions(query: { topicArn?: string; nextToken?: string }): SubscriptionPage<SubscriptionView>;

  // --- delivery ---
  /** Every delivery with its attempts, newest first. */
  deliveries(query: DeliveryQuery): DeliveryView[];
  /** Runs delivery attempts that are due (Sesame time); resolves when they have finished. */
  runDue(): Promise<number>;
  /** Sesame time of the next pending attempt, or null. */
  nextDueAt(): number | null;
  /** The PEM certificate SigningCertURL serves. */
  signingCertificate(): string;
}

/**
 * Outbound HTTP, injected into the engine (EngineOptions.outboundHttp; hosts/app.ts passes
 * adapters/deliveries/outbound-http.ts). Resolves with any HTTP response; rejects when none came
 * (connection refused, DNS, timeout) with an Error whose message says why.
 */
export interface OutboundRequest {
  method: 'POST' | 'GET' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface OutboundResponse {
  status: number;
  /** The response body as text (callers keep what they need). */
  body: string;
}

export type OutboundHttp = (req: OutboundRequest) => Promise<OutboundResponse>;
