// The SNS subset (core/sns/api.ts SnsService): topics, subscriptions and Publish, as SES users need them to
// receive SES notifications. Protocols http and https are delivered for real (SNS's envelope, signed, with
// confirmation and retries: envelope.ts, delivery.ts). Every other protocol (email, email-json, sqs, lambda,
// firehose, sms, application) is accepted and stored so code that subscribes them works, but Sesame does not
// deliver to them: there is no local SQS/Lambda/SMS to deliver to.
// Owns: ARNs, validation, subscription state, fan-out of a publish into queued deliveries.
// Must not: open sockets (OutboundHttp is injected) or read files (the signing key is given).
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Clock } from '../clock';
import type { DomainBus } from '../engine-api';
import { snsErrors } from '../errors';
import type { Ids } from '../ids';
import { SNS_LIST_PAGE_SIZE } from '../limits';
import { decodePageToken, encodePageToken } from '../paging';
import type { Db } from '../store/database';
import { createSnsStore, type SubscriptionRow, type TopicRow } from '../store/sns-store';
import type { OutboundHttp, SnsService, SubscriptionView, TopicView } from './api';
import { checkSubscriptionAttribute, checkTopicAttribute, isTrue } from './attributes';
import { createDeliveryRunner } from './delivery';
import { confirmationEnvelope, envelopeHeaders, notificationEnvelope, type Signer } from './envelope';
import { checkPublish, messageFor } from './message';

/** Where SigningCertURL points (the AWS endpoint serves it). */
export const SNS_CERT_PATH = '/_sesame/sns/SimpleNotificationService.pem';

const PROTOCOLS = new Set(['http', 'https', 'email', 'email-json', 'sms', 'sqs', 'application', 'lambda', 'firehose']);
/** Protocols whose subscriptions SNS confirms by a confirmation message; the others are confirmed at once. */
const NEEDS_CONFIRMATION = new Set(['http', 'https', 'email', 'email-json']);
const DELIVERED = new Set(['http', 'https']);
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$|^[A-Za-z0-9_-]{1,251}\.fifo$/;

export interface SnsDeps {
  db: Db;
  region: string;
  accountId: string;
  clock: Clock;
  ids: Ids;
  bus: DomainBus;
  outbound: OutboundHttp;
  /** PEM pair kept by the host in the data dir; absent (unit tests): a key made on first use, no certificate. */
  signing?: { privateKeyPem: string; certificatePem: string };
  /** The AWS endpoint's origin, no trailing slash (SubscribeURL, UnsubscribeURL, SigningCertURL). */
  awsOrigin: () => string;
  log: (message: string, err: unknown) => void;
}

function readToken(token: string | undefined): number {
  if (token === undefined || token === '') return 0;
  const offset = decodePageToken(token);
  if (offset === undefined) throw snsErrors.invalidNextToken();
  return offset;
}

function page<T>(all: T[], token: string | undefined) {
  const start = readToken(token);
  const items = all.slice(start, start + SNS_LIST_PAGE_SIZE);
  return { items, nextToken: start + SNS_LIST_PAGE_SIZE < all.length ? encodePageToken(start + SNS_LIST_PAGE_SIZE) : null };
}

const sameRecord = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** What the engine holds: the service plus what only the composition root calls. */
export interface SnsCapability extends SnsService {
  /** Topics and subscriptions go; pending deliveries stop (the delivery log stays). */
  reset(): void;
  /** Runs due deliveries without waiting (after time travel). */
  kick(): void;
}

export function createSns(deps: SnsDeps): SnsCapability {
  const { clock, ids } = deps;
  const store = createSnsStore(deps.db);
  const runner = createDeliveryRunner({ store, clock, bus: deps.bus, outbound: deps.outbound, isOpen: () => deps.db.open, log: deps.log });
  const origin = deps.awsOrigin;
  let key: KeyObject | null = null;
  const signer: Signer = {
    key: () =>
      (key ??= deps.signing
        ? createPrivateKey(deps.signing.privateKeyPem)
        : generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey),
    get certUrl() {
      return `${origin()}${SNS_CERT_PATH}`;
    },
  };
  const topicArn = (name: string) => `arn:aws:sns:${deps.region}:${deps.accountId}:${name}`;
  const iso = (ms: number) => new Date(ms).toISOString();

  function topicRow(arn: string): TopicRow {
    const t = store.getTopic(arn);
    if (!t) throw snsErrors.topicNotFound();
    return t;
  }

  function topicView(t: TopicRow): TopicView {
    const subs = store.subscriptions(t.arn);
    return {
      topicArn: t.arn,
      name: t.name,
      createdAt: t.createdAt,
      attributes: t.attrs,
      tags: t.tags,
      subscriptionsConfirmed: subs.filter((s) => s.status === 'confirmed').length,
      subscriptionsPending: subs.filter((s) => s.status === 'pending').length,
      subscriptionsDeleted: 0,
    };
  }

  function subView(s: SubscriptionRow): SubscriptionView {
    return {
      subscriptionArn: s.arn,
      topicArn: s.topicArn,
      protocol: s.protocol,
      endpoint: s.endpoint,
      status: s.status,
      delivered: DELIVERED.has(s.protocol),
      rawMessageDelivery: isTrue(s.attrs.RawMessageDelivery),
      attributes: s.attrs,
      createdAt: s.createdAt,
      confirmedAt: s.confirmedAt,
    };
  }

  const signatureVersion = (t: TopicRow) => t.attrs.SignatureVersion ?? '1';

  function queueConfirmation(t: TopicRow, s: SubscriptionRow): void {
    const messageId = ids.uuid();
    const subscribeUrl = `${origin()}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(t.arn)}&Token=${s.token}`;
    const body = confirmationEnvelope(
      { messageId, token: s.token, topicArn: t.arn, subscribeUrl, timestamp: iso(clock.now()), signatureVersion: signatureVersion(t) },
      signer,
    );
    const id = store.insertDelivery({
      kind: 'SubscriptionConfirmation', messageId, topicArn: t.arn, subscriptionArn: s.arn, endpoint: s.endpoint,
      headers: envelopeHeaders('SubscriptionConfirmation', messageId, t.arn), body, createdAt: clock.now(), nextAttemptAt: clock.now(),
      originMessageId: null, originEventId: null,
    });
    runner.emit(id);
  }

  return {
    publish(req) {
      const t = topicRow(req.topicArn);
      const structured = checkPublish(req);
      const messageId = ids.uuid();
      const now = clock.now();
      const queued: number[] = [];
      deps.db.transaction(() => {
        for (const s of store.subscriptions(t.arn)) {
          if (s.status !== 'confirmed' || !DELIVERED.has(s.protocol)) continue;
          const message = messageFor(req, s.protocol, structured);
          const raw = isTrue(s.attrs.RawMessageDelivery);
          const body = raw
            ? message
            : notificationEnvelope(
                {
                  messageId, topicArn: t.arn, subject: req.subject, message, timestamp: iso(now), signatureVersion: signatureVersion(t),
                  unsubscribeUrl: `${origin()}/?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(s.arn)}`,
                  messageAttributes: req.messageAttributes,
                },
                signer,
              );
          queued.push(
            store.insertDelivery({
              kind: 'Notification', messageId, topicArn: t.arn, subscriptionArn: s.arn, endpoint: s.endpoint,
              headers: envelopeHeaders('Notification', messageId, t.arn, s.arn, raw), body, createdAt: now, nextAttemptAt: now,
              originMessageId: req.origin?.sesMessageId ?? null, originEventId: req.origin?.eventId ?? null,
            }),
          );
        }
      })();
      queued.forEach(runner.emit);
      if (queued.length) runner.kick();
      return { messageId };
    },
    topicExists: (arn) => typeof arn === 'string' && store.getTopic(arn) !== undefined,

    createTopic(req) {
      if (!TOPIC_NAME.test(req.name)) throw snsErrors.invalidTopicName();
      const attrs = req.attributes ?? {};
      for (const [k, v] of Object.entries(attrs)) checkTopicAttribute(k, v);
      const arn = topicArn(req.name);
      const existing = store.getTopic(arn);
      if (existing) {
        if (req.attributes && !sameRecord(Object.fromEntries(Object.keys(attrs).map((k) => [k, existing.attrs[k]])), attrs)) {
          throw snsErrors.topicAttributesDiffer();
        }
        if (req.tags?.length && !req.tags.every((t) => existing.tags.some((e) => e.key === t.key && e.value === t.value))) {
          throw snsErrors.topicTagsDiffer();
        }
        return topicView(existing);
      }
      const row: TopicRow = { arn, name: req.name, createdAt: clock.now(), attrs: { ...attrs }, tags: req.tags ?? [] };
      store.insertTopic(row);
      return topicView(row);
    },
    deleteTopic(arn) {
      // SNS answers DeleteTopic of a topic that does not exist with success (idempotent).
      store.deleteTopic(arn);
    },
    getTopic: (arn) => {
      const t = store.getTopic(arn);
      return t ? topicView(t) : undefined;
    },
    listTopics: (nextToken) => page(store.listTopics().map(topicView), nextToken),
    setTopicAttribute(arn, name, value) {
      const t = topicRow(arn);
      checkTopicAttribute(name, value);
      store.updateTopic({ ...t, attrs: { ...t.attrs, [name]: value } });
    },

    tagTopic(arn, tags) {
      const t = store.getTopic(arn);
      if (!t) throw snsErrors.resourceNotFound();
      const kept = t.tags.filter((e) => !tags.some((n) => n.key === e.key));
      store.updateTopic({ ...t, tags: [...kept, ...tags] });
    },
    untagTopic(arn, keys) {
      const t = store.getTopic(arn);
      if (!t) throw snsErrors.resourceNotFound();
      store.updateTopic({ ...t, tags: t.tags.filter((e) => !keys.includes(e.key)) });
    },

    subscribe(req) {
      const t = topicRow(req.topicArn);
      const protocol = req.protocol.toLowerCase();
      if (!PROTOCOLS.has(protocol)) throw snsErrors.unsupportedProtocol(req.protocol);
      if ((protocol === 'http' || protocol === 'https') && !req.endpoint.toLowerCase().startsWith(`${protocol}://`)) {
        throw snsErrors.invalidEndpoint(protocol);
      }
      const attrs = req.attributes ?? {};
      for (const [k, v] of Object.entries(attrs)) checkSubscriptionAttribute(k, v);
      const same = store.subscriptions(t.arn).find((s) => s.protocol === protocol && s.endpoint === req.endpoint);
      if (same) {
        // SNS sends a pending http/https subscription a fresh confirmation request when it is subscribed again.
        if (same.status === 'pending' && DELIVERED.has(protocol)) {
          queueConfirmation(t, same);
          runner.kick();
        }
        return subView(same);
      }
      const uuid = ids.uuid();
      const confirm = NEEDS_CONFIRMATION.has(protocol);
      const now = clock.now();
      const row: SubscriptionRow = {
        arn: `${t.arn}:${uuid}`, topicArn: t.arn, protocol, endpoint: req.endpoint, status: confirm ? 'pending' : 'confirmed',
        token: createHash('sha256').update(`token:${uuid}`).digest('hex') + createHash('sha256').update(`more:${uuid}`).digest('hex'),
        attrs: { ...attrs }, createdAt: now, confirmedAt: confirm ? null : now,
      };
      store.insertSubscription(row);
      if (confirm && DELIVERED.has(protocol)) {
        queueConfirmation(t, row);
        runner.kick();
      }
      return subView(row);
    },
    confirmSubscription(arn, token) {
      topicRow(arn);
      const s = store.subscriptionByToken(arn, token);
      if (!s) throw snsErrors.invalidToken();
      if (s.status === 'confirmed') return subView(s);
      const confirmed: SubscriptionRow = { ...s, status: 'confirmed', confirmedAt: clock.now() };
      store.updateSubscription(confirmed);
      return subView(confirmed);
    },
    unsubscribe(arn) {
      if (!store.deleteSubscription(arn)) throw snsErrors.subscriptionNotFound();
    },
    getSubscription: (arn) => {
      const s = store.getSubscription(arn);
      return s ? subView(s) : undefined;
    },
    setSubscriptionAttribute(arn, name, value) {
      const s = store.getSubscription(arn);
      if (!s) throw snsErrors.subscriptionNotFound();
      checkSubscriptionAttribute(name, value);
      store.updateSubscription({ ...s, attrs: { ...s.attrs, [name]: value } });
    },
    listSubscriptions(q) {
      if (q.topicArn !== undefined) topicRow(q.topicArn);
      return page(store.subscriptions(q.topicArn).map(subView), q.nextToken);
    },

    deliveries: (q) => runner.deliveries(q),
    runDue: () => runner.runDue(),
    nextDueAt: () => runner.nextDueAt(),
    signingCertificate: () => deps.signing?.certificatePem ?? '',
    reset: () => store.reset(),
    kick: () => runner.kick(),
  };
}
