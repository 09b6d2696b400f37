// The event publishing capability put together: destinations (in each set's document), the fan-out of
// every recorded event (subscribed to the bus's `event.recorded`, which fires after commit for immediate and
// scheduled events alike), the local event sinks, the publish log, CloudWatch counters, legacy identity
// notification settings that need SNS, and GetMessageInsights.
// Owns: wiring those together. Must not: hold the behaviour of any part (see each file).
import type { Clock } from '../clock';
import type { ConfigurationSetService } from '../config-sets/api';
import type { DomainBus } from '../engine-api';
import { publishingErrors } from '../errors';
import type { IdentityService } from '../identities/api';
import type { Ids } from '../ids';
import type { OutboundHttp, SnsService } from '../sns/api';
import { createPublishingStore } from '../store/publishing-store';
import type { Store } from '../store/types';
import type { PublishingService, SinkAppend } from './api';
import { createDestinations } from './destinations';
import { createFanout } from './fanout';
import { createPublishLog } from './log';
import { messageInsights } from './insights';
import { createSinks } from './sinks';

/** How long a sink POST may take. Sesame's choice. */
const SINK_TIMEOUT_MS = 15_000;

export interface PublishingDeps {
  region: string;
  accountId: string;
  clock: Clock;
  ids: Ids;
  store: Store;
  bus: DomainBus;
  configurationSets: ConfigurationSetService;
  identities: IdentityService;
  /** Late-bound: core/sns is created beside this capability. */
  sns: () => Pick<SnsService, 'publish' | 'topicExists'> | undefined;
  /** EngineOptions.outboundHttp (shared with core/sns). */
  outbound?: OutboundHttp;
  /** EngineOptions.appendLine: file sinks. */
  append?: SinkAppend;
  log(message: string, err: unknown): void;
}

export function createPublishing(deps: PublishingDeps): PublishingService {
  const { clock, store, identities } = deps;
  // Every publish-log row is announced (the UI's per-message timeline updates live).
  const rawStore = createPublishingStore(store.db);
  const publishStore: typeof rawStore = {
    ...rawStore,
    log(rec) {
      const id = rawStore.log(rec);
      deps.bus.emit('publish.recorded', { id, ...rec });
      return id;
    },
  };
  const log = createPublishLog(publishStore, clock);
  const destinations = createDestinations({
    configurationSets: deps.configurationSets,
    sns: deps.sns,
    logValidation: (set, destination, topicArn, snsMessageId, error) =>
      log({ messageId: '', configurationSet: set, destination, kind: 'sns', target: topicArn, outcome: error ? 'failed' : 'published', snsMessageId, error }),
  });
  const outbound = deps.outbound;
  const sinks = createSinks({
    ...deps,
    settings: store.settings,
    store: publishStore,
    post: outbound && ((r) => outbound({ method: 'POST', url: r.url, headers: r.headers, body: r.body, timeoutMs: SINK_TIMEOUT_MS })),
  });
  const fanout = createFanout({
    clock,
    messages: store.messages,
    configurationSets: deps.configurationSets,
    identities,
    sns: deps.sns,
    store: publishStore,
    sinks,
    region: deps.region,
    accountId: deps.accountId,
  });
  // The log follows the mail: deleted messages take their publishes with them.
  deps.bus.on('messages.deleted', ({ ids }) => publishStore.forget(ids));
  deps.bus.on('event.recorded', (e) => {
    try {
      fanout.publish(e);
    } catch (err) {
      deps.log(`publishing event ${e.id} of ${e.messageId} failed`, err);
    }
  });

  return {
    destinations: destinations.list,
    createDestination: destinations.create,
    updateDestination: destinations.update,
    deleteDestination: destinations.delete,
    setNotificationTopic(identity, type, topicArn) {
      identities.require(identity);
      if (topicArn !== null && !deps.sns()?.topicExists(topicArn)) throw publishingErrors.notificationTopicNotFound(topicArn);
      return identities.setNotificationTopic(identity, type, topicArn);
    },
    setFeedbackForwarding(identity, enabled) {
      const view = identities.require(identity);
      if (!enabled && (!view.notifications.topics.Bounce || !view.notifications.topics.Complaint)) {
        throw publishingErrors.forwardingNeedsTopics(view.identity);
      }
      return identities.setFeedbackForwarding(identity, enabled);
    },
    sinks: sinks.get,
    setSinks: sinks.set,
    published: (q) => publishStore.published(q),
    metrics: (q) => publishStore.metrics(q?.configurationSet),
    messageInsights: (id) => messageInsights(id, store.messages.get(id), store.messages.events(id)),
    settled: sinks.settled,
    // CloudWatch counters are account state; the publish log belongs to the (kept) mail.
    reset: () => publishStore.clearMetrics(),
  };
}
