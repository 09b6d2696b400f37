// SNS HTTP delivery for real: a local HTTP server (node:http on 127.0.0.1:0) subscribed through
// @aws-sdk/client-sns receives SNS's SubscriptionConfirmation, confirms by GETting its SubscribeURL, then
// receives Notifications whose signatures verify (SignatureVersion 1, SHA1withRSA) against the certificate
// fetched from SigningCertURL — the check AWS documents in "Verifying the signatures of Amazon SNS messages".
// A failing endpoint (500) is retried on Sesame's clock (POST /_sesame/time/advance) and every attempt is in
// the delivery log.
import { createVerify, X509Certificate } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  PublishCommand,
  SetSubscriptionAttributesCommand,
  SubscribeCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { snsClient } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A subscriber endpoint: records every request; answers with `status()` (200 unless a test changes it). */
class Endpoint {
  readonly received: Received[] = [];
  status: (path: string) => number = () => 200;
  private waiters: (() => void)[] = [];
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      this.received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const code = this.status(path);
      res.writeHead(code, { 'content-type': 'text/plain' });
      res.end(code === 200 ? 'ok' : `endpoint says ${code}`);
      this.waiters.splice(0).forEach((w) => w());
    });
  });
  url = '';

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  /** Resolves once `count` requests to `path` have arrived (event driven: no polling, no sleeping). */
  async waitFor(path: string, count: number): Promise<Received[]> {
    for (;;) {
      const hits = this.received.filter((r) => r.path === path);
      if (hits.length >= count) return hits;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
  close = () => new Promise<void>((resolve) => this.server.close(() => resolve()));
}

let sesame: TestSesame;
let sns: SNSClient;
const endpoint = new Endpoint();
let topicArn: string;

beforeAll(async () => {
  sesame = await startTestSesame();
  sns = snsClient(sesame);
  await endpoint.start();
  topicArn = (await sns.send(new CreateTopicCommand({ Name: 'deliveries' }))).TopicArn!;
});
afterAll(async () => {
  sns?.destroy();
  await sesame?.cleanup();
  await endpoint.close();
});

/** AWS's check: the string to sign from the message's own fields, verified with the certificate's public key. */
async function verifySignature(msg: Record<string, string>): Promise<boolean> {
  const keys =
    msg.Type === 'Notification'
      ? ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type']
      : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'];
  const text = keys.filter((k) => msg[k] !== undefined).map((k) => `${k}\n${msg[k]}\n`).join('');
  const pem = await (await fetch(msg.SigningCertURL)).text();
  const cert = new X509Certificate(pem);
  return createVerify(msg.SignatureVersion === '2' ? 'RSA-SHA256' : 'RSA-SHA1').update(text, 'utf8').verify(cert.publicKey, msg.Signature, 'base64');
}

describe('HTTP subscription', () => {
  let subscriptionArn = '';

  it('receives a signed SubscriptionConfirmation and confirms by GETting SubscribeURL', async () => {
    await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: `${endpoint.url}/hook` }));
    const [confirmation] = await endpoint.waitFor('/hook', 1);
    expect(confirmation.headers).toMatchObject({
      'x-amz-sns-message-type': 'SubscriptionConfirmation',
      'x-amz-sns-topic-arn': topicArn,
      'content-type': 'text/plain; charset=UTF-8',
    });
    expect(confirmation.headers['x-amz-sns-subscription-arn']).toBeUndefined();
    const msg = JSON.parse(confirmation.body) as Record<string, string>;
    expect(Object.keys(msg)).toEqual([
      'Type', 'MessageId', 'Token', 'TopicArn', 'Message', 'SubscribeURL', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL',
    ]);
    expect(msg.Type).toBe('SubscriptionConfirmation');
    expect(msg.MessageId).toBe(confirmation.headers['x-amz-sns-message-id']);
    expect(msg.Message).toBe(
      `You have chosen to subscribe to the topic ${topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`,
    );
    expect(msg.SubscribeURL).toBe(`${sesame.urls.aws}/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(topicArn)}&Token=${msg.Token}`);
    expect(msg.SigningCertURL).toBe(`${sesame.urls.aws}/_sesame/sns/SimpleNotificationService.pem`);
    expect(msg.SignatureVersion).toBe('1');
    expect(new Date(msg.Timestamp).toISOString()).toBe(msg.Timestamp);
    expect(await verifySignature(msg)).toBe(true);
    expect(await verifySignature({ ...msg, Token: `${msg.Token}x` })).toBe(false);

    // The subscriber confirms the way most do: an unsigned GET of SubscribeURL.
    const res = await fetch(msg.SubscribeURL);
    expect(res.status).toBe(200);
    const xml = await res.text();
    const arn = /<SubscriptionArn>([^<]+)<\/SubscriptionArn>/.exec(xml)?.[1];
    expect(arn).toMatch(new RegExp(`^${topicArn}:`));
    subscriptionArn = arn!;
    const listed = (await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))).Subscriptions!;
    expect(listed.map((s) => s.SubscriptionArn)).toEqual([subscriptionArn]);
    const attrs = (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn }))).Attributes!;
    expect(attrs.PendingConfirmation).toBe('false');
  });

  it('receives a Notification in SNS envelope whose signature verifies against SigningCertURL', async () => {
    const { MessageId } = await sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: 'Amazon SES Email Event Notification',
        Message: '{"eventType":"Send"}',
        MessageAttributes: { color: { DataType: 'String', StringValue: 'blue' } },
      }),
    );
    const [, note] = await endpoint.waitFor('/hook', 2);
    expect(note.headers).toMatchObject({
      'x-amz-sns-message-type': 'Notification',
      'x-amz-sns-message-id': MessageId,
      'x-amz-sns-topic-arn': topicArn,
      'x-amz-sns-subscription-arn': subscriptionArn,
      'content-type': 'text/plain; charset=UTF-8',
    });
    const msg = JSON.parse(note.body) as Record<string, string>;
    expect(Object.keys(msg)).toEqual([
      'Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL', 'MessageAttributes',
    ]);
    expect(msg).toMatchObject({ Type: 'Notification', MessageId, TopicArn: topicArn, Subject: 'Amazon SES Email Event Notification', Message: '{"eventType":"Send"}' });
    expect(msg.MessageAttributes).toEqual({ color: { Type: 'String', Value: 'blue' } });
    expect(msg.UnsubscribeURL).toBe(`${sesame.urls.aws}/?Action=Unsubscribe&SubscriptionArn=${encodeURIComponent(subscriptionArn)}`);
    expect(await verifySignature(msg)).toBe(true);
    expect(await verifySignature({ ...msg, Message: 'tampered' })).toBe(false);

    const log = sesame.engine.sns.deliveries({ messageId: MessageId! });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ kind: 'Notification', state: 'delivered', subscriptionArn });
    expect(log[0].attempts).toEqual([expect.objectContaining({ attempt: 1, status: 200, responseBody: 'ok', error: null })]);

    // The same log through the automation API, as CI reads it.
    const res = await fetch(`${sesame.urls.aws}/_sesame/sns/deliveries?messageId=${MessageId}`);
    const body = (await res.json()) as { deliveries: { state: string; endpoint: string; attempts: { status: number; at: string }[] }[] };
    expect(body.deliveries).toHaveLength(1);
    expect(body.deliveries[0]).toMatchObject({ state: 'delivered', endpoint: `${endpoint.url}/hook`, attempts: [{ status: 200 }] });
    expect(new Date(body.deliveries[0].attempts[0].at).toISOString()).toBe(body.deliveries[0].attempts[0].at);
  });

  it('leaves Subject out when none is given; RawMessageDelivery sends the bare message', async () => {
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'no subject' }));
    const hits = await endpoint.waitFor('/hook', 3);
    const msg = JSON.parse(hits[2].body) as Record<string, string>;
    expect('Subject' in msg).toBe(false);
    expect(await verifySignature(msg)).toBe(true);

    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' }));
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'bare body', Subject: 'ignored' }));
    const raw = (await endpoint.waitFor('/hook', 4))[3];
    expect(raw.body).toBe('bare body');
    expect(raw.headers['x-amz-sns-message-type']).toBe('Notification');
    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: subscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'false' }));
  });

  it('unsubscribes through the UnsubscribeURL: later publishes reach nobody', async () => {
    await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'last' }));
    const msg = JSON.parse((await endpoint.waitFor('/hook', 5))[4].body) as Record<string, string>;
    expect((await fetch(msg.UnsubscribeURL)).status).toBe(200);
    const { MessageId } = await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'after' }));
    expect(sesame.engine.sns.deliveries({ messageId: MessageId! })).toEqual([]);
  });
});

describe('retries', () => {
  it('a 500 is retried on Sesame time (+20 s each, 3 retries) and every attempt is logged', async () => {
    endpoint.status = (path) => (path === '/flaky' ? 500 : 200);
    const sub = await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: `${endpoint.url}/flaky`, ReturnSubscriptionArn: true }));
    // The confirmation itself gets a 500 first: retried 20 s later (Sesame time), this time answered 200.
    await endpoint.waitFor('/flaky', 1);
    await sesame.engine.sns.runDue();
    endpoint.status = () => 200;
    const advance = (seconds: number) =>
      fetch(`${sesame.urls.aws}/_sesame/time/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seconds }) });
    await advance(19);
    await sesame.engine.sns.runDue();
    expect(endpoint.received.filter((r) => r.path === '/flaky')).toHaveLength(1);
    await advance(1);
    const [, second] = await endpoint.waitFor('/flaky', 2);
    const confirmation = JSON.parse(second.body) as Record<string, string>;
    await sesame.engine.sns.runDue();
    const [log] = sesame.engine.sns.deliveries({ subscriptionArn: sub.SubscriptionArn });
    expect(log.kind).toBe('SubscriptionConfirmation');
    expect(log.state).toBe('delivered');
    expect(log.attempts.map((a) => [a.attempt, a.status, a.responseBody])).toEqual([
      [1, 500, 'endpoint says 500'],
      [2, 200, 'ok'],
    ]);
    expect(log.attempts[1].at - log.attempts[0].at).toBeGreaterThanOrEqual(20_000);
    await fetch(confirmation.SubscribeURL);

    // A notification to an endpoint that keeps failing: 1 + 3 attempts, then failed.
    endpoint.status = (path) => (path === '/flaky' ? 503 : 200);
    const { MessageId } = await sns.send(new PublishCommand({ TopicArn: topicArn, Message: 'retry me' }));
    await sesame.engine.sns.runDue();
    for (let i = 0; i < 4; i++) {
      await advance(20);
      await sesame.engine.sns.runDue();
    }
    const mine = sesame.engine.sns.deliveries({ messageId: MessageId!, subscriptionArn: sub.SubscriptionArn });
    expect(mine).toHaveLength(1);
    expect(mine[0].state).toBe('failed');
    expect(mine[0].attempts.map((a) => a.status)).toEqual([503, 503, 503, 503]);
    expect(mine[0].nextAttemptAt).toBeNull();
    const bodies = endpoint.received.filter((r) => r.path === '/flaky' && r.body.includes('retry me')).map((r) => r.body);
    expect(bodies).toHaveLength(4);
    expect(new Set(bodies).size).toBe(1); // every retry sends the same signed envelope
  });

  it('an endpoint that does not answer is logged with the error and no status', async () => {
    const closed = new Endpoint();
    await closed.start();
    const url = closed.url;
    await closed.close();
    const sub = await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: `${url}/gone`, ReturnSubscriptionArn: true }));
    await sesame.engine.sns.runDue();
    const [log] = sesame.engine.sns.deliveries({ subscriptionArn: sub.SubscriptionArn });
    expect(log.state).toBe('pending');
    expect(log.attempts[0]).toMatchObject({ attempt: 1, status: null, responseBody: null });
    expect(log.attempts[0].error).toMatch(/ECONNREFUSED/);
    expect(log.nextAttemptAt).toBe(log.attempts[0].at + 20_000);
  });
});
