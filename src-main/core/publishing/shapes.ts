// What each destination receives, built from a recorded SES event (ses-facts §A.5): the event-type names
// of each door, which destinations match, the EventBridge envelope (source `aws.ses`, SES's detail-types),
// the Firehose record line, CloudWatch dimension values, and the legacy identity notification JSON
// (`{notificationType, mail, bounce|complaint|delivery}`, headers only when enabled for that type).
// Owns: those mappings and shapes. Must not: publish, store or read the clock (fanout.ts does).
import type { SesEventType } from '../../contract/messages';
import type { EventDestinationView, EventTypeName } from '../config-sets/api';
import type { NotificationType } from '../identities/api';

/** SES event JSON `eventType` → the API's `EventType` (v2 MatchingEventTypes). */
export const EVENT_TYPE_NAME: Record<SesEventType, EventTypeName> = {
  Send: 'SEND',
  Reject: 'REJECT',
  Bounce: 'BOUNCE',
  Complaint: 'COMPLAINT',
  Delivery: 'DELIVERY',
  Open: 'OPEN',
  Click: 'CLICK',
  'Rendering Failure': 'RENDERING_FAILURE',
  DeliveryDelay: 'DELIVERY_DELAY',
  Subscription: 'SUBSCRIPTION',
};

/** v1 MatchingEventTypes (lower camel; v1 has no deliveryDelay or subscription) ↔ v2 names. */
export const V1_EVENT_TYPE: Partial<Record<EventTypeName, string>> = {
  SEND: 'send',
  REJECT: 'reject',
  BOUNCE: 'bounce',
  COMPLAINT: 'complaint',
  DELIVERY: 'delivery',
  OPEN: 'open',
  CLICK: 'click',
  RENDERING_FAILURE: 'renderingFailure',
};

export const ALL_EVENT_TYPES = Object.values(EVENT_TYPE_NAME);

/** EventBridge `detail-type` per event (doc events-ref-ses, ses-facts §A.5.2). */
export const DETAIL_TYPE: Record<SesEventType, string> = {
  Send: 'Email Sent',
  Delivery: 'Email Delivered',
  Bounce: 'Email Bounced',
  Complaint: 'Email Complaint Received',
  Reject: 'Email Rejected',
  Open: 'Email Opened',
  Click: 'Email Clicked',
  'Rendering Failure': 'Email Rendering Failed',
  DeliveryDelay: 'Email Delivery Delayed',
  Subscription: 'Email Subscribed',
};

/** SES's CloudWatch metric names (doc event-publishing-retrieving-cloudwatch) [verify `Rendering Failures`]. */
export const CLOUDWATCH_METRIC: Record<SesEventType, string> = {
  Send: 'Send',
  Delivery: 'Delivery',
  Bounce: 'Bounce',
  Complaint: 'Complaint',
  Reject: 'Reject',
  Open: 'Open',
  Click: 'Click',
  'Rendering Failure': 'Rendering Failures',
  DeliveryDelay: 'DeliveryDelay',
  Subscription: 'Subscription',
};

/** SNS Subject of event-publishing notifications [observed, LocalStack snapshots]. */
export const EVENT_SUBJECT = 'Amazon SES Email Event Notification';
/** What SES publishes to a new SNS destination's topic (no Subject) [observed]. */
export const VALIDATION_MESSAGE = 'Successfully validated SNS topic for Amazon SES event publishing.';

export const matches = (d: EventDestinationView, eventType: SesEventType): boolean =>
  d.enabled && d.matchingEventTypes.includes(EVENT_TYPE_NAME[eventType]);

export const configurationSetArn = (region: string, accountId: string, name: string) => `arn:aws:ses:${region}:${accountId}:configuration-set/${name}`;

export interface EventBridgeEnvelope {
  version: '0';
  id: string;
  'detail-type': string;
  source: 'aws.ses';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

/** The envelope EventBridge delivers on the default bus (doc monitoring-eventbridge). `time` without milliseconds, as EventBridge writes it. */
export function eventBridgeEnvelope(e: { id: string; eventType: SesEventType; at: number; region: string; accountId: string; configurationSet: string; detail: unknown }): EventBridgeEnvelope {
  return {
    version: '0',
    id: e.id,
    'detail-type': DETAIL_TYPE[e.eventType],
    source: 'aws.ses',
    account: e.accountId,
    time: new Date(e.at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: e.region,
    resources: [configurationSetArn(e.region, e.accountId, e.configurationSet)],
    detail: e.detail,
  };
}

interface EventPayload {
  eventType?: string;
  mail?: { tags?: Record<string, string[]>; headers?: { name: string; value: string }[] } & Record<string, unknown>;
  click?: { linkTags?: Record<string, string[]> };
  [key: string]: unknown;
}

/** A CloudWatch dimension's value for this event: from a message tag, an email header or a link tag, else the default. */
export function dimensionValue(conf: { dimensionName: string; dimensionValueSource: string; defaultDimensionValue: string }, payload: unknown): string {
  const p = payload as EventPayload;
  const source = conf.dimensionValueSource.toUpperCase().replace(/([a-z])([A-Z])/g, '$1_$2');
  let v: string | undefined;
  if (source === 'MESSAGE_TAG') v = p.mail?.tags?.[conf.dimensionName]?.[0];
  else if (source === 'EMAIL_HEADER') v = p.mail?.headers?.find((h) => h.name.toLowerCase() === conf.dimensionName.toLowerCase())?.value;
  else if (source === 'LINK_TAG') v = p.click?.linkTags?.[conf.dimensionName]?.[0];
  return v ?? conf.defaultDimensionValue;
}

/** Event types that have a legacy identity notification. */
export const NOTIFICATION_TYPES: readonly SesEventType[] = ['Bounce', 'Complaint', 'Delivery'];

/**
 * The legacy notification (ses-facts §A.5.1) from the event's payload: `mail` gains sourceIp and
 * callerIdentity (the Send tags' `ses:source-ip` / `ses:caller-identity`), loses `tags`, and carries
 * headersTruncated/headers/commonHeaders only when headers are enabled for the type.
 */
export function legacyNotification(payload: unknown, type: NotificationType, withHeaders: boolean, sourceArn: string): Record<string, unknown> {
  const p = payload as EventPayload;
  const m = (p.mail ?? {}) as Record<string, unknown> & { tags?: Record<string, string[]> };
  const mail: Record<string, unknown> = {
    timestamp: m.timestamp,
    messageId: m.messageId,
    source: m.source,
    sourceArn: m.sourceArn ?? sourceArn,
    sourceIp: m.tags?.['ses:source-ip']?.[0] ?? '127.0.0.1',
    sendingAccountId: m.sendingAccountId,
    callerIdentity: m.tags?.['ses:caller-identity']?.[0] ?? 'root',
    destination: m.destination,
  };
  if (withHeaders) {
    mail.headersTruncated = m.headersTruncated ?? false;
    mail.headers = m.headers ?? [];
    mail.commonHeaders = m.commonHeaders ?? {};
  }
  const key = type.toLowerCase();
  return { notificationType: type, mail, [key]: p[key] };
}
