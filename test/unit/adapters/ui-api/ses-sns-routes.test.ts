// UI API SNS routes against a real engine whose outbound HTTP is a recording fake: create/list/delete topics,
// subscribe an HTTP endpoint (pending until confirmed, confirmed after ConfirmSubscription), unsubscribe, and
// the delivery log with one row per attempt (a 500 then a 200 after the retry delay) — also on the timeline
// of the SES message a publish came from.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboundRequest } from '../../../../src-main/core/sns/api';
import { SNS_HTTP_RETRY_DELAY_MS } from '../../../../src-main/core/limits';
import { startSesHarness, type SesHarness } from './ses-setup';

let h: SesHarness;
let requests: OutboundRequest[];
let answers: { status: number; body: string }[];

beforeEach(async () => {
  requests = [];
  answers = [];
  h = await startSesHarness({
    outboundHttp: async (req) => {
      requests.push(req);
      return answers.shift() ?? { status: 200, body: 'ok' };
    },
  });
});
afterEach(() => h.stop());

const settle = async () => {
  await h.engine.sns.runDue();
  await new Promise((r) => setTimeout(r, 10));
  await h.engine.sns.runDue();
};

describe('/api/sns', () => {
  it('creates, lists and deletes topics', async () => {
    const created = await h.call('POST', '/api/sns/topics', { name: 'bounces' });
    expect(created.status, created.text).toBe(200);
    expect(created.json()).toEqual({ topicArn: 'arn:aws:sns:us-east-1:123456789012:bounces', name: 'bounces', displayName: '', subscriptionsConfirmed: 0, subscriptionsPending: 0 });
    expect((await h.call('GET', '/api/sns/topics')).json().items.map((t: { name: string }) => t.name)).toEqual(['bounces']);
    expect((await h.call('DELETE', `/api/sns/topics/${encodeURIComponent(created.json().topicArn)}`)).status).toBe(204);
    expect((await h.call('DELETE', `/api/sns/topics/${encodeURIComponent(created.json().topicArn)}`)).status).toBe(404);
    expect((await h.call('GET', '/api/sns/topics')).json().items).toEqual([]);
  });

  it('subscribes an HTTP endpoint: pending, then confirmed; unsubscribes', async () => {
    const { topicArn } = (await h.call('POST', '/api/sns/topics', { name: 't' })).json();
    const sub = await h.call('POST', '/api/sns/subscriptions', { topicArn, protocol: 'http', endpoint: 'http://127.0.0.1:9/hook' });
    expect(sub.status, sub.text).toBe(200);
    expect(sub.json()).toMatchObject({ topicArn, protocol: 'http', endpoint: 'http://127.0.0.1:9/hook', status: 'pending' });
    await settle();
    const confirmation = JSON.parse(requests[0].body ?? '{}') as { Type: string; Token: string };
    expect(confirmation.Type).toBe('SubscriptionConfirmation');

    h.engine.sns.confirmSubscription(topicArn, confirmation.Token);
    const listed = (await h.call('GET', `/api/sns/subscriptions?topicArn=${encodeURIComponent(topicArn)}`)).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ status: 'confirmed', endpoint: 'http://127.0.0.1:9/hook' });
    expect((await h.call('GET', '/api/sns/topics')).json().items[0]).toMatchObject({ subscriptionsConfirmed: 1, subscriptionsPending: 0 });

    expect((await h.call('DELETE', `/api/sns/subscriptions/${encodeURIComponent(listed[0].subscriptionArn)}`)).status).toBe(204);
    expect((await h.call('GET', '/api/sns/subscriptions')).json().items).toEqual([]);
  });

  it('logs every attempt with status, latency and response body, on the topic and on the SES message’s timeline', async () => {
    const { topicArn } = (await h.call('POST', '/api/sns/topics', { name: 't' })).json();
    await h.call('POST', '/api/sns/subscriptions', { topicArn, protocol: 'https', endpoint: 'https://hooks.example/sns' });
    await settle();
    h.engine.sns.confirmSubscription(topicArn, (JSON.parse(requests[0].body ?? '{}') as { Token: string }).Token);

    answers.push({ status: 500, body: 'boom' });
    h.engine.sns.publish({ topicArn, message: 'hello', origin: { sesMessageId: 'ses-1' } });
    await settle();
    h.clock.advance(SNS_HTTP_RETRY_DELAY_MS);
    await settle();

    const log = (await h.call('GET', `/api/sns/deliveries?topicArn=${encodeURIComponent(topicArn)}`)).json().items;
    const notifications = log.filter((a: { messageType: string }) => a.messageType === 'Notification');
    expect(notifications.map((a: { outcome: string; httpStatus: number; attempt: number }) => [a.attempt, a.outcome, a.httpStatus])).toEqual([
      [2, 'delivered', 200],
      [1, 'failed', 500],
    ]);
    expect(notifications[1]).toMatchObject({ channel: 'sns', endpoint: 'https://hooks.example/sns', responseBody: 'boom', sesMessageId: 'ses-1', topicArn });
    expect(typeof notifications[1].latencyMs).toBe('number');

    const timeline = (await h.call('GET', '/api/timeline/ses-1')).json();
    expect(timeline).not.toHaveProperty('deliveryLog');
    expect(timeline.deliveries.map((a: { attempt: number; outcome: string }) => [a.attempt, a.outcome])).toEqual([
      [1, 'failed'],
      [2, 'delivered'],
    ]);
  });

  it('refuses bad bodies', async () => {
    const { topicArn } = (await h.call('POST', '/api/sns/topics', { name: 't' })).json();
    for (const body of [{ topicArn, protocol: 'email', endpoint: 'a@b.c' }, { topicArn, protocol: 'http', endpoint: 'ftp://x' }, { topicArn, protocol: 'http' }, { name: 'x', extra: 1 }]) {
      expect((await h.call('POST', '/api/sns/subscriptions', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await h.call('POST', '/api/sns/topics', {})).status).toBe(400);
    expect((await h.call('GET', '/api/sns/deliveries?limit=0')).status).toBe(400);
    expect((await h.call('GET', '/api/sns/nope')).status).toBe(404);
  });
});
