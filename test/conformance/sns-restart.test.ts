// SNS state survives a restart: topics, subscriptions, a pending retry (delivered after the restart when it
// falls due on Sesame's clock) and the signing certificate (subscribers that cached it keep verifying).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { CreateTopicCommand, ListTopicsCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { snsClient } from '../helpers/sdk-clients';
import { startTestSesame } from '../helpers/start-headless';

const dataDir = mkdtempSync(join(tmpdir(), 'sesame-sns-restart-'));
let status = 500;
const hits: string[] = [];
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    hits.push(req.headers['x-amz-sns-message-type'] as string);
    res.writeHead(status).end();
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

it('keeps topics, subscriptions, pending retries and the signing certificate across a restart', async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const first = await startTestSesame({ dataDir });
  const sns1 = snsClient(first);
  const { TopicArn } = await sns1.send(new CreateTopicCommand({ Name: 'kept' }));
  const sub = await sns1.send(new SubscribeCommand({ TopicArn, Protocol: 'http', Endpoint: url, ReturnSubscriptionArn: true }));
  await first.engine.sns.runDue();
  expect(hits).toEqual(['SubscriptionConfirmation']);
  const cert1 = await (await fetch(`${first.urls.aws}/_sesame/sns/SimpleNotificationService.pem`)).text();
  expect(cert1).toContain('-----BEGIN CERTIFICATE-----');
  sns1.destroy();
  await first.cleanup();

  status = 200;
  const second = await startTestSesame({ dataDir });
  try {
    const sns2 = snsClient(second);
    expect((await sns2.send(new ListTopicsCommand({}))).Topics).toEqual([{ TopicArn }]);
    const cert2 = await (await fetch(`${second.urls.aws}/_sesame/sns/SimpleNotificationService.pem`)).text();
    expect(cert2).toBe(cert1);
    second.engine.time.advance(20_000);
    await second.engine.sns.runDue();
    expect(hits).toEqual(['SubscriptionConfirmation', 'SubscriptionConfirmation']);
    const [log] = second.engine.sns.deliveries({ subscriptionArn: sub.SubscriptionArn });
    expect(log.state).toBe('delivered');
    expect(log.attempts.map((a) => a.status)).toEqual([500, 200]);
    sns2.destroy();
  } finally {
    await second.cleanup();
  }
});
