// The SNS capability on a fake clock with a fake outbound HTTP: fan-out to confirmed http/https
// subscriptions only, the envelope text and its signature, confirmation tokens, the retry schedule on
// Sesame's clock (+0, +20 s, +40 s, +60 s, then failed), what is and is not retried, and the delivery log.
import { createVerify, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DeliveryView, OutboundRequest, OutboundResponse } from '../../../src-main/core/sns/api';
import { SesError } from '../../../src-main/core/errors';
import { makeEngine, T0 } from './helpers';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:events';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signing = { privateKeyPem: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), certificatePem: 'CERT' };

/** A fake transport: records requests, answers with `answer(req)` (200 "ok" by default). */
function setup(answer: (req: OutboundRequest) => Promise<OutboundResponse> | OutboundResponse = () => ({ status: 200, body: 'ok' })) {
  const sent: OutboundRequest[] = [];
  const t = makeEngine({
    outboundHttp: async (req) => {
      sent.push(req);
      return answer(req);
    },
    snsSigning: signing,
    publicUrls: { aws: () => 'http://127.0.0.1:4566' },
  });
  const { engine } = t;
  engine.sns.createTopic({ name: 'events' });
  return { ...t, sent };
}

/** Subscribes and confirms an endpoint with the token its confirmation carried. */
async function confirmed(t: ReturnType<typeof setup>, endpoint: string) {
  const sub = t.engine.sns.subscribe({ topicArn: TOPIC, protocol: endpoint.split(':')[0], endpoint });
  await t.engine.sns.runDue();
  const conf = t.sent.filter((r) => r.url === endpoint).at(-1)!;
  const token = (JSON.parse(conf.body!) as { Token: string }).Token;
  t.engine.sns.confirmSubscription(TOPIC, token);
  return sub;
}

const verifies = (msg: Record<string, string>, keysInOrder: string[]) =>
  createVerify('RSA-SHA1')
    .update(keysInOrder.filter((k) => msg[k] !== undefined).map((k) => `${k}\n${msg[k]}\n`).join(''))
    .verify(keys.publicKey, msg.Signature, 'base64');

describe('publish', () => {
  it('throws NotFound for a missing topic; topicExists answers', () => {
    const { engine } = setup();
    expect(engine.sns.topicExists(TOPIC)).toBe(true);
    expect(engine.sns.topicExists(`${TOPIC}-nope`)).toBe(false);
    let err: unknown;
    try {
      engine.sns.publish({ topicArn: `${TOPIC}-nope`, message: 'x' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SesError);
    expect((err as SesError).kind).toBe('NotFound');
    expect((err as SesError).wire.v1).toBe('NotFound');
  });

  it('reaches confirmed http/https subscriptions only, and records the SES origin', async () => {
    const t = setup();
    t.engine.sns.subscribe({ topicArn: TOPIC, protocol: 'http', endpoint: 'http://pending.test/' });
    t.engine.sns.subscribe({ topicArn: TOPIC, protocol: 'sqs', endpoint: 'arn:aws:sqs:us-east-1:123456789012:q' });
    await confirmed(t, 'http://ok.test/');
    t.sent.length = 0;
    const { messageId } = t.engine.sns.publish({ topicArn: TOPIC, message: '{"eventType":"Bounce"}', subject: 'S', origin: { sesMessageId: 'ses-1', eventId: 7 } });
    await t.engine.sns.runDue();
    expect(t.sent.map((r) => r.url)).toEqual(['http://ok.test/']);
    const log = t.engine.sns.deliveries({ sesMessageId: 'ses-1' });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ messageId, kind: 'Notification', state: 'delivered', origin: { sesMessageId: 'ses-1', eventId: 7 } });
  });

  it('writes the Notification envelope as SNS does, signed over SNS string to sign', async () => {
    const t = setup();
    const sub = await confirmed(t, 'http://ok.test/');
    t.clock.set(T0 + 5);
    const { messageId } = t.engine.sns.publish({ topicArn: TOPIC, message: 'hello', subject: 'Hi' });
    await t.engine.sns.runDue();
    const req = t.sent.at(-1)!;
    const msg = JSON.parse(req.body!) as Record<string, string>;
    expect(req.body).toBe(
      [
        '{',
        '  "Type" : "Notification",',
        `  "MessageId" : "${messageId}",`,
        `  "TopicArn" : "${TOPIC}",`,
        '  "Subject" : "Hi",',
        '  "Message" : "hello",',
        '  "Timestamp" : "2026-01-01T00:00:00.005Z",',
        '  "SignatureVersion" : "1",',
        `  "Signature" : "${msg.Signature}",`,
        '  "SigningCertURL" : "http://127.0.0.1:4566/_sesame/sns/SimpleNotificationService.pem",',
        `  "UnsubscribeURL" : "http://127.0.0.1:4566/?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(sub.subscriptionArn)}"`,
        '}',
      ].join('\n'),
    );
    expect(verifies(msg, ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'])).toBe(true);
    expect(req.headers).toEqual({
      'Content-Type': 'text/plain; charset=UTF-8',
      'User-Agent': 'Amazon Simple Notification Service Agent',
      'x-amz-sns-message-type': 'Notification',
      'x-amz-sns-message-id': messageId,
      'x-amz-sns-topic-arn': TOPIC,
      'x-amz-sns-subscription-arn': sub.subscriptionArn,
    });
    expect(req.method).toBe('POST');
  });

  it('SignatureVersion 2 signs with SHA256withRSA', async () => {
    const t = setup();
    t.engine.sns.setTopicAttribute(TOPIC, 'SignatureVersion', '2');
    await confirmed(t, 'http://ok.test/');
    t.engine.sns.publish({ topicArn: TOPIC, message: 'v2' });
    await t.engine.sns.runDue();
    const msg = JSON.parse(t.sent.at(-1)!.body!) as Record<string, string>;
    expect(msg.SignatureVersion).toBe('2');
    const text = ['Message', 'MessageId', 'Timestamp', 'TopicArn', 'Type'].map((k) => `${k}\n${msg[k]}\n`).join('');
    expect(createVerify('RSA-SHA256').update(text).verify(keys.publicKey, msg.Signature, 'base64')).toBe(true);
  });

  it('MessageStructure json sends the http key to http subscribers, default otherwise', async () => {
    const t = setup();
    await confirmed(t, 'http://a.test/');
    await confirmed(t, 'https://b.test/');
    t.engine.sns.publish({ topicArn: TOPIC, message: JSON.stringify({ default: 'D', http: 'H' }), messageStructure: 'json' });
    await t.engine.sns.runDue();
    const byUrl = Object.fromEntries(t.sent.slice(-2).map((r) => [r.url, (JSON.parse(r.body!) as { Message: string }).Message]));
    expect(byUrl).toEqual({ 'http://a.test/': 'H', 'https://b.test/': 'D' });
    expect(() => t.engine.sns.publish({ topicArn: TOPIC, message: '{"http":"x"}', messageStructure: 'json' })).toThrow(/No default entry/);
    expect(() => t.engine.sns.publish({ topicArn: TOPIC, message: 'not json', messageStructure: 'json' })).toThrow(/failed to parse/);
  });

  it('refuses empty messages and bad subjects', () => {
    const { engine } = setup();
    expect(() => engine.sns.publish({ topicArn: TOPIC, message: '' })).toThrow('Invalid parameter: Empty message');
    expect(() => engine.sns.publish({ topicArn: TOPIC, message: 'x', subject: 'a\nb' })).toThrow('Invalid parameter: Subject');
    expect(() => engine.sns.publish({ topicArn: TOPIC, message: 'x', subject: 'x'.repeat(101) })).toThrow('Invalid parameter: Subject');
  });
});

describe('subscriptions', () => {
  it('an http subscription gets a signed SubscriptionConfirmation; only its own token confirms it', async () => {
    const t = setup();
    const sub = t.engine.sns.subscribe({ topicArn: TOPIC, protocol: 'http', endpoint: 'http://ok.test/' });
    expect(sub.status).toBe('pending');
    await t.engine.sns.runDue();
    const msg = JSON.parse(t.sent[0].body!) as Record<string, string>;
    expect(msg.Type).toBe('SubscriptionConfirmation');
    expect(msg.SubscribeURL).toBe(`http://127.0.0.1:4566/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(TOPIC)}&Token=${msg.Token}`);
    expect(verifies(msg, ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'])).toBe(true);
    expect(t.sent[0].headers['x-amz-sns-subscription-arn']).toBeUndefined();
    expect(() => t.engine.sns.confirmSubscription(TOPIC, 'wrong')).toThrow('Invalid token');
    expect(t.engine.sns.confirmSubscription(TOPIC, msg.Token)).toMatchObject({ status: 'confirmed', confirmedAt: T0 });
    expect(t.engine.sns.getTopic(TOPIC)).toMatchObject({ subscriptionsConfirmed: 1, subscriptionsPending: 0 });
  });

  it('subscribing the same endpoint twice answers the same subscription and resends the confirmation while pending', async () => {
    const t = setup();
    const a = t.engine.sns.subscribe({ topicArn: TOPIC, protocol: 'http', endpoint: 'http://ok.test/' });
    const b = t.engine.sns.subscribe({ topicArn: TOPIC, protocol: 'http', endpoint: 'http://ok.test/' });
    expect(b.subscriptionArn).toBe(a.subscriptionArn);
    await t.engine.sns.runDue();
    expect(t.sent.map((r) => r.headers['x-amz-sns-message-type'])).toEqual(['SubscriptionConfirmation', 'SubscriptionConfirmation']);
    const tokens = t.sent.map((r) => (JSON.parse(r.body!) as { Token: string }).Token);
    expect(tokens[0]).toBe(tokens[1]);
    t.engine.sns.confirmSubscription(TOPIC, tokens[0]);
    t.engine.sns.subscribe({ topicArn: TOPIC, protocol: 'http', endpoint: 'http://ok.test/' });
    await t.engine.sns.runDue();
    expect(t.sent).toHaveLength(2);
  });

  it('unsubscribing stops pending retries; deleting the topic removes its subscriptions', async () => {
    const t = setup(() => ({ status: 500, body: 'down' }));
    const sub = t.engine.sns.subscribe({ topicArn: TOPIC, protocol: 'http', endpoint: 'http://down.test/' });
    await t.engine.sns.runDue();
    expect(t.engine.sns.nextDueAt()).toBe(T0 + 20_000);
    t.engine.sns.unsubscribe(sub.subscriptionArn);
    expect(t.engine.sns.nextDueAt()).toBeNull();
    expect(t.engine.sns.deliveries({ subscriptionArn: sub.subscriptionArn })[0].state).toBe('failed');
    t.engine.sns.subscribe({ topicArn: TOPIC, protocol: 'email', endpoint: 'a@example.com' });
    t.engine.sns.deleteTopic(TOPIC);
    expect(t.engine.sns.listSubscriptions({}).items).toEqual([]);
    expect(t.engine.sns.topicExists(TOPIC)).toBe(false);
  });
});

describe('retries on Sesame time', () => {
  it('retries a 500 at +20 s, +40 s, +60 s, then fails; time travel sends what fell due', async () => {
    const t = setup(() => ({ status: 500, body: 'x'.repeat(5000) }));
    t.engine.sns.subscribe({ topicArn: TOPIC, protocol: 'http', endpoint: 'http://down.test/' });
    await t.engine.sns.runDue();
    for (let i = 0; i < 3; i++) {
      t.clock.advance(19_999);
      await t.engine.sns.runDue();
      expect(t.sent).toHaveLength(i + 1); // not yet
      t.engine.time.advance(1); // Sesame's clock, as POST /_sesame/time/advance moves it
      await t.engine.sns.runDue();
      expect(t.sent).toHaveLength(i + 2);
    }
    const [log] = t.engine.sns.deliveries({});
    expect(log.state).toBe('failed');
    expect(log.nextAttemptAt).toBeNull();
    expect(log.attempts.map((a) => a.at - T0)).toEqual([0, 20_000, 40_000, 60_000]);
    expect(log.attempts.every((a) => a.status === 500 && a.responseBody!.length === 1024)).toBe(true);
    t.engine.time.advance(3_600_000);
    await t.engine.sns.runDue();
    expect(t.sent).toHaveLength(4);
  });

  it('retries 429 and no response; a 404 fails at once', async () => {
    const answers: Record<string, () => OutboundResponse> = {
      'http://busy.test/': () => ({ status: 429, body: '' }),
      'http://missing.test/': () => ({ status: 404, body: 'no' }),
      'http://refused.test/': () => {
        throw new Error('ECONNREFUSED');
      },
    };
    const t = setup((req) => answers[req.url]());
    for (const endpoint of Object.keys(answers)) t.engine.sns.subscribe({ topicArn: TOPIC, protocol: 'http', endpoint });
    await t.engine.sns.runDue();
    const state = Object.fromEntries(t.engine.sns.deliveries({}).map((d: DeliveryView) => [d.endpoint, [d.state, d.attempts[0].status, d.attempts[0].error]]));
    expect(state).toEqual({
      'http://busy.test/': ['pending', 429, null],
      'http://missing.test/': ['failed', 404, null],
      'http://refused.test/': ['pending', null, 'ECONNREFUSED'],
    });
  });

  it("emits 'sns.delivery' when a delivery is queued and after each attempt", async () => {
    const t = setup();
    const seen: string[] = [];
    t.engine.bus.on('sns.delivery', (d) => seen.push(`${d.kind}:${d.state}:${d.attempts.length}`));
    t.engine.sns.subscribe({ topicArn: TOPIC, protocol: 'http', endpoint: 'http://ok.test/' });
    await t.engine.sns.runDue();
    expect(seen).toEqual(['SubscriptionConfirmation:pending:0', 'SubscriptionConfirmation:delivered:1']);
  });

  it('reset removes topics and subscriptions and stops pending deliveries; the log stays', async () => {
    const t = setup(() => ({ status: 500, body: '' }));
    t.engine.sns.subscribe({ topicArn: TOPIC, protocol: 'http', endpoint: 'http://down.test/' });
    await t.engine.sns.runDue();
    t.engine.reset();
    expect(t.engine.sns.topicExists(TOPIC)).toBe(false);
    expect(t.engine.sns.nextDueAt()).toBeNull();
    expect(t.engine.sns.deliveries({})).toHaveLength(1);
  });
});
