// UI API: SNS topics, subscriptions and the delivery log for the SNS screen and the message timeline.
//   GET    /api/sns/topics                       → SnsTopicListDto (every page of ListTopics)
//   POST   /api/sns/topics {name}                → SnsTopicDto (CreateTopic: idempotent by name)
//   DELETE /api/sns/topics/:topicArn             → 204
//   GET    /api/sns/subscriptions?topicArn       → SnsSubscriptionListDto
//   POST   /api/sns/subscriptions {topicArn, protocol: http|https, endpoint} → SnsSubscriptionDto
//   DELETE /api/sns/subscriptions/:subscriptionArn → 204 (Unsubscribe)
//   GET    /api/sns/deliveries?topicArn&messageId&sesMessageId&limit → DeliveryAttemptListDto (newest first)
// Owns: translating core/sns views into these DTOs (one row per HTTP attempt). Must not: deliver, sign or
// decide anything SNS decides (core/sns does).
import type { DeliveryAttemptDto, SnsSubscriptionDto, SnsTopicDto } from '../../contract/ui-api';
import type { DeliveryView, SnsService, SubscriptionView, TopicView } from '../../core/sns/api';
import { badRequest, methodNotAllowed, notFound, segment, send, sendJson } from './respond';
import type { SesCall, SesRouteTable } from './ses-routes';
import { iso, oneOf, onlyKnown, readObject, str } from './ses-routes-io';

const MAX_PAGES = 200;
const DEFAULT_DELIVERIES = 100;
const MAX_DELIVERIES = 500;

export const topicDto = (t: TopicView): SnsTopicDto => ({
  topicArn: t.topicArn,
  name: t.name,
  displayName: t.attributes.DisplayName ?? '',
  subscriptionsConfirmed: t.subscriptionsConfirmed,
  subscriptionsPending: t.subscriptionsPending,
});

export const subscriptionDto = (s: SubscriptionView): SnsSubscriptionDto => ({
  subscriptionArn: s.subscriptionArn,
  topicArn: s.topicArn,
  protocol: s.protocol,
  endpoint: s.endpoint,
  status: s.status,
  rawMessageDelivery: s.rawMessageDelivery,
});

/** One row per HTTP attempt; a delivery not yet attempted shows as one `pending` row. */
export function attemptDtos(d: DeliveryView): DeliveryAttemptDto[] {
  const base = {
    channel: 'sns',
    endpoint: d.endpoint,
    topicArn: d.topicArn,
    subscriptionArn: d.subscriptionArn,
    messageType: d.kind,
    sesMessageId: d.origin?.sesMessageId ?? null,
    sesEventId: d.origin?.eventId ?? null,
  };
  if (d.attempts.length === 0) {
    return [{ ...base, id: `${d.id}.0`, at: iso(d.nextAttemptAt ?? d.createdAt) ?? '', attempt: 0, outcome: 'pending', httpStatus: null, latencyMs: null, responseBody: null, error: null }];
  }
  return d.attempts.map((a, i) => {
    const ok = a.status !== null && a.status >= 200 && a.status < 300;
    const last = i === d.attempts.length - 1;
    const outcome = ok ? 'delivered' : last && d.state === 'failed' ? 'abandoned' : 'failed';
    return { ...base, id: `${d.id}.${a.attempt}`, at: iso(a.at) ?? '', attempt: a.attempt, outcome, httpStatus: a.status, latencyMs: a.latencyMs, responseBody: a.responseBody, error: a.error };
  });
}

function allTopics(sns: SnsService): TopicView[] {
  const out: TopicView[] = [];
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = sns.listTopics(token);
    out.push(...page.items);
    token = page.nextToken ?? undefined;
    if (!token) break;
  }
  return out;
}

function allSubscriptions(sns: SnsService, topicArn: string | undefined): SubscriptionView[] {
  const out: SubscriptionView[] = [];
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = sns.listSubscriptions({ ...(topicArn ? { topicArn } : {}), ...(token ? { nextToken: token } : {}) });
    out.push(...page.items);
    token = page.nextToken ?? undefined;
    if (!token) break;
  }
  return out;
}

function limitOf(query: URLSearchParams): number {
  const text = query.get('limit');
  if (text === null) return DEFAULT_DELIVERIES;
  const n = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_DELIVERIES)) throw badRequest(`limit must be an integer from 1 to ${MAX_DELIVERIES}.`);
  return n;
}

const optional = (query: URLSearchParams, name: string) => {
  const v = query.get(name)?.trim();
  return v ? v : undefined;
};

async function sns({ ctx, req, res, method, seg, query }: SesCall): Promise<void> {
  const read = method === 'GET' || method === 'HEAD';
  const what = seg[1];
  if (what === 'topics' && seg.length === 2) {
    if (read) return sendJson(res, 200, { items: allTopics(ctx.engine.sns).map(topicDto) }, method);
    if (method !== 'POST') throw methodNotAllowed(method, 'GET, POST');
    const body = await readObject(req);
    onlyKnown(body, ['name']);
    return sendJson(res, 200, topicDto(ctx.engine.sns.createTopic({ name: str(body, 'name', true).trim() })));
  }
  if (what === 'topics' && seg.length === 3) {
    if (method !== 'DELETE') throw methodNotAllowed(method, 'DELETE');
    const arn = segment(seg[2], 'topic ARN');
    const sns = ctx.engine.sns;
    if (!sns.topicExists(arn)) throw notFound(`No topic ${arn}.`);
    sns.deleteTopic(arn);
    return send(res, 204, {});
  }
  if (what === 'subscriptions' && seg.length === 2) {
    if (read) return sendJson(res, 200, { items: allSubscriptions(ctx.engine.sns, optional(query, 'topicArn')).map(subscriptionDto) }, method);
    if (method !== 'POST') throw methodNotAllowed(method, 'GET, POST');
    const body = await readObject(req);
    onlyKnown(body, ['topicArn', 'protocol', 'endpoint']);
    const topicArn = str(body, 'topicArn', true).trim();
    const protocol = oneOf(body, 'protocol', ['http', 'https'] as const, true);
    const endpoint = str(body, 'endpoint', true).trim();
    if (!endpoint.toLowerCase().startsWith(`${protocol}://`)) throw badRequest(`endpoint must be an ${protocol}:// URL.`);
    return sendJson(res, 200, subscriptionDto(ctx.engine.sns.subscribe({ topicArn, protocol, endpoint })));
  }
  if (what === 'subscriptions' && seg.length === 3) {
    if (method !== 'DELETE') throw methodNotAllowed(method, 'DELETE');
    const arn = segment(seg[2], 'subscription ARN');
    const sns = ctx.engine.sns;
    if (!sns.getSubscription(arn)) throw notFound(`No subscription ${arn}.`);
    sns.unsubscribe(arn);
    return send(res, 204, {});
  }
  if (what === 'deliveries' && seg.length === 2) {
    if (!read) throw methodNotAllowed(method, 'GET');
    const limit = limitOf(query);
    const views = ctx.engine.sns.deliveries({
      topicArn: optional(query, 'topicArn'),
      messageId: optional(query, 'messageId'),
      sesMessageId: optional(query, 'sesMessageId'),
      limit,
    });
    return sendJson(res, 200, { items: views.flatMap(attemptDtos).reverse().sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit) }, method);
  }
  throw notFound(`No API route /api/${seg.join('/')}.`);
}

export const snsRoutes: SesRouteTable = { sns };
