// UI API event stream and message timeline against a real engine: events across messages newest first,
// filtered by type, configuration set and tag (name or name=value), paged with a cursor; bad filters are
// 400s; a bounced message's timeline lists the DSN SES mailed about it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simpleRequest } from '../../core/helpers';
import { startSesHarness, type SesHarness } from './ses-setup';

let h: SesHarness;
beforeEach(async () => {
  h = await startSesHarness();
});
afterEach(() => h.stop());

interface Row {
  id: number;
  messageId: string;
  eventType: string;
  timestamp: string;
  configurationSet: string | null;
  subject: string;
  payload: { eventType: string; mail: { messageId: string } };
}

async function send(to: string, over: Parameters<typeof simpleRequest>[0] = {}) {
  const { messageId } = await h.engine.sending.send(simpleRequest({ destination: { to: [to] }, ...over }));
  h.clock.advance(1_000);
  return messageId;
}

const stream = async (query = '') => {
  const res = await h.call('GET', `/api/event-stream${query}`);
  expect(res.status, res.text).toBe(200);
  return res.json() as { items: Row[]; nextCursor: string | null };
};

describe('/api/event-stream', () => {
  it('pages every message’s SES events newest first, each with its SES JSON, set and subject', async () => {
    const first = await send('success@simulator.amazonses.com', { content: { kind: 'simple', subject: { data: 'First' }, text: { data: 'x' } } });
    const second = await send('bounce@simulator.amazonses.com', { content: { kind: 'simple', subject: { data: 'Second' }, text: { data: 'x' } } });

    const all = await stream();
    expect(all.nextCursor).toBeNull();
    const order = all.items.map((e) => `${e.messageId === first ? 'first' : 'second'}:${e.eventType}`);
    expect(order[order.length - 1]).toBe('first:Send');
    // Newest first by event time: the second message's events all come before the first's.
    expect(order.indexOf('second:Send')).toBeLessThan(order.indexOf('first:Send'));
    expect(order).toContain('second:Bounce');
    for (let i = 1; i < all.items.length; i++) expect(all.items[i - 1].timestamp >= all.items[i].timestamp).toBe(true);
    const bounce = all.items.find((e) => e.eventType === 'Bounce')!;
    expect(bounce).toMatchObject({ messageId: second, subject: 'Second', configurationSet: null, payload: { eventType: 'Bounce', mail: { messageId: second } } });

    // Paging: pages of one, following nextCursor, give back the same list.
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await stream(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.items.map((e) => e.id));
  });

  it('filters by event type, configuration set and tag', async () => {
    h.engine.configurationSets.create('marketing');
    const tagged = await send('success@simulator.amazonses.com', { configurationSetName: 'marketing', tags: [{ name: 'campaign', value: 'spring' }] });
    const other = await send('complaint@simulator.amazonses.com', { tags: [{ name: 'campaign', value: 'autumn' }] });

    expect((await stream('?type=Complaint')).items.map((e) => [e.messageId, e.eventType])).toEqual([[other, 'Complaint']]);
    const types = (await stream('?type=Send&type=Delivery')).items.map((e) => e.eventType);
    expect(new Set(types)).toEqual(new Set(['Send', 'Delivery']));
    const bySet = await stream('?configurationSet=marketing');
    expect(bySet.items.length).toBeGreaterThan(0);
    expect(bySet.items.every((e) => e.messageId === tagged && e.configurationSet === 'marketing')).toBe(true);
    expect((await stream('?tag=campaign%3Dautumn')).items.every((e) => e.messageId === other)).toBe(true);
    expect((await stream('?tag=campaign%3Dautumn')).items.length).toBeGreaterThan(0);
    expect(new Set((await stream('?tag=campaign')).items.map((e) => e.messageId))).toEqual(new Set([tagged, other]));
    expect(new Set((await stream('?tag=ses%3Aconfiguration-set%3Dmarketing')).items.map((e) => e.messageId))).toEqual(new Set([tagged]));
    expect((await stream('?tag=nope')).items).toEqual([]);
  });

  it('refuses bad filters with 400', async () => {
    for (const q of ['type=bounce', 'limit=0', 'limit=501', 'limit=x', 'cursor=%21%21', 'tag=%3Dx', 'limit=1&limit=2']) {
      expect((await h.call('GET', `/api/event-stream?${q}`)).status, q).toBe(400);
    }
    expect((await h.call('POST', '/api/event-stream', {})).status).toBe(405);
  });
});

describe('/api/timeline/:id', () => {
  it('lists the mail SES sent about a bounced message (its DSN), and nothing for a delivered one', async () => {
    const bounced = await send('bounce@simulator.amazonses.com', { returnPath: 'bounces@example.com' });
    const delivered = await send('success@simulator.amazonses.com');
    await new Promise((r) => setTimeout(r, 20)); // DSN capture is asynchronous (mail SES sends)

    const t = (await h.call('GET', `/api/timeline/${encodeURIComponent(bounced)}`)).json();
    expect(t.messageId).toBe(bounced);
    expect(t.related).toHaveLength(1);
    expect(t.related[0]).toMatchObject({ door: 'system', operation: 'BounceNotification' });
    expect(Array.isArray(t.deliveries)).toBe(true);
    expect((await h.call('GET', `/api/timeline/${encodeURIComponent(delivered)}`)).json().related).toEqual([]);
    expect((await h.call('GET', '/api/timeline/a/b')).status).toBe(404);
  });
});

describe('/api/timeline/:id with event destinations other than SNS', () => {
  it('lists EventBridge sink writes (status, response) and CloudWatch counts from the publish log', async () => {
    const posted: string[] = [];
    const s = await startSesHarness({
      outboundHttp: async (req) => {
        posted.push(req.url);
        return { status: 202, body: 'accepted by the bus' };
      },
    });
    try {
      s.engine.configurationSets.create('metrics');
      s.engine.publishing.setSinks({ eventBridge: { url: 'http://127.0.0.1:9/bus' } });
      s.engine.publishing.createDestination('metrics', { name: 'bus', enabled: true, matchingEventTypes: ['SEND'], eventBridge: { eventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/default' } });
      s.engine.publishing.createDestination('metrics', {
        name: 'cw',
        enabled: true,
        matchingEventTypes: ['SEND'],
        cloudWatch: { dimensionConfigurations: [{ dimensionName: 'set', dimensionValueSource: 'MESSAGE_TAG', defaultDimensionValue: 'x' }] },
      });
      const { messageId } = await s.engine.sending.send(simpleRequest({ configurationSetName: 'metrics' }));
      await s.engine.publishing.settled();
      expect(posted).toEqual(['http://127.0.0.1:9/bus']);
      const t = (await s.call('GET', `/api/timeline/${encodeURIComponent(messageId)}`)).json();
      const byChannel = Object.fromEntries(t.deliveries.map((d: { channel: string }) => [d.channel, d]));
      const send = s.engine.messages.list({ limit: 1 }).items[0];
      expect(send.id).toBe(messageId);
      expect(byChannel.eventbridge).toMatchObject({ endpoint: 'http://127.0.0.1:9/bus', outcome: 'delivered', httpStatus: 202, responseBody: 'accepted by the bus', sesMessageId: messageId });
      expect(typeof byChannel.eventbridge.sesEventId).toBe('number');
      expect(byChannel.cloudwatch).toMatchObject({ outcome: 'counted', httpStatus: null });
    } finally {
      await s.stop();
    }
  });
});
