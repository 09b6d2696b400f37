// Event fan-out: every SES event recorded on a message (the bus's `event.recorded`, after its commit) goes
// to each enabled destination of the message's configuration set whose MatchingEventTypes include it —
// SNS (the event JSON exactly as recorded, Subject `Amazon SES Email Event Notification`), EventBridge (the
// envelope, to the EventBridge sink), Firehose (the JSON as one record, to the Firehose sink), CloudWatch
// (counted), Pinpoint (logged only) — and Bounce/Complaint/Delivery also to the sender identity's legacy
// notification topic (ses-facts §A.5.1, no Subject [verify §D.12]). Each publish is logged per message.
// Owns: matching and dispatch. Must not: throw into the bus (a failed publish is logged as failed), or
// write files or sockets itself (sinks.ts goes through the injected I/O).
import type { SesEventRecord } from '../../contract/messages';
import type { Clock } from '../clock';
import type { ConfigurationSetService, EventDestinationView } from '../config-sets/api';
import type { IdentityService, NotificationType } from '../identities/api';
import { bareAddress } from '../mime/addresses';
import type { SnsService } from '../sns/api';
import type { PublishingStore } from '../store/publishing-store';
import type { MessageStore } from '../store/types';
import { identityArn } from '../sending/checks';
import type { PublishKind } from './api';
import { createPublishLog } from './log';
import { CLOUDWATCH_METRIC, dimensionValue, EVENT_SUBJECT, legacyNotification, matches, NOTIFICATION_TYPES } from './shapes';
import type { Sinks } from './sinks';

export interface FanoutDeps {
  clock: Clock;
  messages: Pick<MessageStore, 'get'>;
  configurationSets: Pick<ConfigurationSetService, 'get'>;
  identities: Pick<IdentityService, 'get' | 'attributedTo'>;
  sns: () => Pick<SnsService, 'publish'> | undefined;
  store: PublishingStore;
  sinks: Sinks;
  region: string;
  accountId: string;
}

const HOUR = 3_600_000;
const identityOfArn = (arn: unknown): string | null => (typeof arn === 'string' && arn.includes(':identity/') ? arn.slice(arn.indexOf(':identity/') + 10) : null);
const kindOf = (d: EventDestinationView): PublishKind =>
  d.sns ? 'sns' : d.eventBridge ? 'eventBridge' : d.firehose ? 'firehose' : d.cloudWatch ? 'cloudWatch' : 'pinpoint';
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function createFanout(deps: FanoutDeps) {
  const { clock, store } = deps;

  const log = createPublishLog(store, clock);

  function toSns(e: SesEventRecord, set: string | null, destination: string, kind: 'sns' | 'identity-sns', topicArn: string, text: string, subject?: string) {
    const base = { messageId: e.messageId, eventId: e.id, configurationSet: set, destination, kind, target: topicArn };
    try {
      const sns = deps.sns();
      if (!sns) throw new Error('SNS is not available');
      const r = sns.publish({ topicArn, message: text, ...(subject ? { subject } : {}), origin: { sesMessageId: e.messageId, eventId: e.id } });
      log({ ...base, outcome: 'published', snsMessageId: r.messageId });
    } catch (err) {
      log({ ...base, outcome: 'failed', error: message(err) });
    }
  }

  function toDestination(e: SesEventRecord, set: string, d: EventDestinationView) {
    const base = { messageId: e.messageId, eventId: e.id, configurationSet: set, destination: d.name };
    if (d.sns) toSns(e, set, d.name, 'sns', d.sns.topicArn, JSON.stringify(e.payload), EVENT_SUBJECT);
    else if (d.eventBridge) deps.sinks.eventBridge(e, set, d.name);
    else if (d.firehose) deps.sinks.firehose(e, set, d.name);
    else if (d.cloudWatch) {
      const hour = Math.floor(Date.parse(e.timestamp) / HOUR) * HOUR;
      for (const c of d.cloudWatch.dimensionConfigurations) {
        store.count({
          configurationSet: set,
          destination: d.name,
          metric: CLOUDWATCH_METRIC[e.eventType],
          dimensionName: c.dimensionName,
          dimensionValue: dimensionValue(c, e.payload),
          hour: Number.isFinite(hour) ? hour : Math.floor(clock.now() / HOUR) * HOUR,
        });
      }
      log({ ...base, kind: 'cloudWatch', outcome: 'counted' });
    } else if (d.pinpoint) log({ ...base, kind: 'pinpoint', target: d.pinpoint.applicationArn || null, outcome: 'stored' });
  }

  function toIdentity(e: SesEventRecord, source: string) {
    const type = e.eventType as NotificationType;
    const mailArn = (e.payload as { mail?: { sourceArn?: string } }).mail?.sourceArn;
    const identity = identityOfArn(mailArn) ?? deps.identities.attributedTo(bareAddress(source));
    const view = deps.identities.get(identity);
    const topic = view?.notifications.topics[type];
    if (!view || !topic) return;
    const arn = mailArn ?? identityArn(deps.region, deps.accountId, view.identity);
    const body = legacyNotification(e.payload, type, view.notifications.headers[type], arn);
    toSns(e, null, `identity:${type}`, 'identity-sns', topic, JSON.stringify(body));
  }

  /** Publishes one recorded event everywhere it goes. Never throws. */
  function publish(e: SesEventRecord): void {
    // The event's own `mail` names the configuration set (the `ses:configuration-set` tag every send through
    // a set carries) and the source: no store read on the send path (two events per message).
    const mail = (e.payload as { mail?: { source?: string; tags?: Record<string, string[]> } }).mail;
    const setName = mail?.tags?.['ses:configuration-set']?.[0];
    const source = mail?.source ?? deps.messages.get(e.messageId)?.source;
    if (source === undefined) return;
    const set = setName ? deps.configurationSets.get(setName) : undefined;
    for (const d of set?.eventDestinations ?? []) {
      if (!matches(d, e.eventType)) continue;
      try {
        toDestination(e, set!.name, d);
      } catch (err) {
        log({ messageId: e.messageId, eventId: e.id, configurationSet: set!.name, destination: d.name, kind: kindOf(d), outcome: 'failed', error: message(err) });
      }
    }
    if (NOTIFICATION_TYPES.includes(e.eventType)) toIdentity(e, source);
  }

  return { publish };
}
