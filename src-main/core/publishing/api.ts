// Event publishing's public surface (ses-facts §A.5, §A.13): configuration-set event destinations, where
// EventBridge- and Firehose-shaped records go locally (the "event sinks"), the log of every publish SES made
// for a message (SNS topics, sinks, legacy identity notifications), CloudWatch-shaped counters, and v2
// GetMessageInsights. Legacy identity notification settings live on the identity (identities/api.ts
// `notifications`); the checks that need SNS (topic exists, forwarding rule) are here.
// Owns: shapes and the service interface (publishing/publishing.ts implements it). Must not: hold behaviour.
import type { EventDestinationView } from '../config-sets/api';
import type { IdentityView, NotificationType } from '../identities/api';

export type { EventDestinationView, EventTypeName } from '../config-sets/api';
export type { NotificationType } from '../identities/api';

/** Where one kind of record goes: POSTed to `url` and/or appended as a JSON line to `file`. */
export interface EventSinkTarget {
  url?: string;
  file?: string;
}

/** Sesame's setting (`PUT /_sesame/event-sinks`): EventBridge envelopes and Firehose records, locally. */
export interface EventSinks {
  eventBridge?: EventSinkTarget;
  firehose?: EventSinkTarget;
}

/** How a publish went out. `sns`/`identity-sns`: handed to core/sns (its delivery log has the HTTP attempts). */
export type PublishKind = 'sns' | 'identity-sns' | 'eventBridge' | 'firehose' | 'cloudWatch' | 'pinpoint';

/** One publish for one event of one message, to one destination (and one sink target). */
export interface PublishRecord {
  id: number;
  at: number;
  messageId: string;
  /** The SES event (SesEventRecord.id); null for the validation message of a new SNS destination. */
  eventId: number | null;
  configurationSet: string | null;
  /** The event destination's name, or `identity:<Type>` for a legacy identity notification. */
  destination: string;
  kind: PublishKind;
  /** Topic ARN, URL or file path; null for counted/stored-only kinds. */
  target: string | null;
  /** `published` (handed to SNS), `delivered` (sink accepted it), `failed`, `counted` (CloudWatch), `stored` (Pinpoint). */
  outcome: 'published' | 'delivered' | 'failed' | 'counted' | 'stored';
  /** SNS MessageId for SNS publishes: join with engine.sns.deliveries({ messageId }). */
  snsMessageId: string | null;
  /** HTTP status of a sink POST; null otherwise. */
  status: number | null;
  latencyMs: number | null;
  /** First 1 KB of a sink's HTTP response. */
  responseBody: string | null;
  error: string | null;
}

export interface PublishQuery {
  messageId?: string;
  configurationSet?: string;
  limit?: number;
}

/** A CloudWatch-shaped counter: metric (SES's CloudWatch metric name) × dimension × hour. */
export interface MetricCount {
  configurationSet: string;
  destination: string;
  /** `Send`, `Delivery`, `Bounce`, `Complaint`, `Reject`, `Open`, `Click`, `Rendering Failures`, `DeliveryDelay`, `Subscription`. */
  metric: string;
  dimensionName: string;
  dimensionValue: string;
  /** Start of the hour (epoch ms, Sesame time). */
  hour: number;
  count: number;
}

/** v2 GetMessageInsights, in engine terms. */
export interface MessageInsightsView {
  messageId: string;
  fromEmailAddress: string;
  subject: string;
  emailTags: { name: string; value: string }[];
  insights: {
    destination: string;
    isp: string;
    events: {
      timestamp: number;
      /** v2 EventType (`SEND`, `DELIVERY`, `BOUNCE`…). */
      type: string;
      details?: {
        bounce?: { bounceType: string; bounceSubType: string; diagnosticCode?: string };
        complaint?: { complaintSubType?: string; complaintFeedbackType?: string };
      };
    }[];
  }[];
}

/** POSTs a sink record (injected: the engine never opens a socket). */
export type SinkPost = (req: { url: string; body: string; headers: Record<string, string> }) => Promise<{ status: number; body: string }>;
/** Appends one line to a file (injected I/O: hosts/app.ts gives the real one). */
export type SinkAppend = (file: string, line: string) => Promise<void>;

export interface PublishingService {
  /** A set's destinations; throws ConfigurationSetDoesNotExist. */
  destinations(configurationSet: string): EventDestinationView[];
  /**
   * Throws ConfigurationSetDoesNotExist, EventDestinationAlreadyExists, LimitExceeded (> 10),
   * InvalidSNSDestination (topic missing). An SNS destination's topic gets SES's validation message.
   */
  createDestination(configurationSet: string, destination: EventDestinationView): EventDestinationView;
  /** Replaces the named destination; throws EventDestinationDoesNotExist. */
  updateDestination(configurationSet: string, destination: EventDestinationView): EventDestinationView;
  /** Throws EventDestinationDoesNotExist. */
  deleteDestination(configurationSet: string, name: string): void;

  /** v1 SetIdentityNotificationTopic: the topic must exist; null clears. Throws the identity's NotFound. */
  setNotificationTopic(identity: string, type: NotificationType, topicArn: string | null): IdentityView;
  /** v1 SetIdentityFeedbackForwardingEnabled: false needs Bounce and Complaint topics. */
  setFeedbackForwarding(identity: string, enabled: boolean): IdentityView;

  sinks(): EventSinks;
  setSinks(sinks: EventSinks): EventSinks;
  /** Every publish, newest first. */
  published(query: PublishQuery): PublishRecord[];
  /** CloudWatch-shaped counters, by set (all when absent). */
  metrics(query?: { configurationSet?: string }): MetricCount[];
  /** Throws NotFound for an unknown message. */
  messageInsights(messageId: string): MessageInsightsView;
  /** Resolves when every sink write started so far has finished (tests). */
  settled(): Promise<void>;
  /** engine.reset: the CloudWatch counters go; the publish log stays with the mail it is about. */
  reset(): void;
}
