// End to end: the per-message timeline, the SNS screen and the global event stream in a real browser against
// the built CLI. Mail is sent with the AWS SDK (client-sesv2) to the mailbox simulator through a
// configuration set whose SNS destination (made with client-sns / client-sesv2) delivers to a real local
// HTTP endpoint (node:http, confirmed by GETting its SubscribeURL): the timeline of a bounce and of a
// complaint shows the API call, each SES event, each delivery attempt to the endpoint and the DSN SES mailed.
// The SNS screen subscribes an endpoint and shows it pending, then the delivery log; the event stream filters
// by type. Screenshots of each go to /tmp/shots4/.
import {
  CreateConfigurationSetCommand,
  CreateConfigurationSetEventDestinationCommand,
  SendEmailCommand,
  SESv2Client,
} from '@aws-sdk/client-sesv2';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { startCli, test, expect, type ReadyInfo } from './sesame-fixture';

const SHOTS = '/tmp/shots4';
mkdirSync(SHOTS, { recursive: true });

let sesame: ReadyInfo;
let stop: () => Promise<void>;
let server: Server;
let hookUrl: string;
const received: { Type: string; SubscribeURL?: string }[] = [];
const credentials = { accessKeyId: 'AKIAE2E', secretAccessKey: 's' };

test.beforeAll(async () => {
  ({ ready: sesame, stop } = await startCli());
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      try {
        received.push(JSON.parse(body) as { Type: string });
      } catch {
        // not an SNS envelope
      }
      const answer = () => res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks from the app');
      // A slow app: the attempt ends well after the event that caused it (the live-update test below).
      if (body.includes('Slow answer')) setTimeout(answer, 3000);
      else answer();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sns`;

  // SES → SNS → the app, set up as an app would with the AWS SDK.
  const sns = new SNSClient({ endpoint: sesame.aws, region: 'us-east-1', credentials });
  const v2 = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials });
  const topicArn = (await sns.send(new CreateTopicCommand({ Name: 'ses-feedback' }))).TopicArn!;
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: hookUrl }));
  await expect.poll(() => received.find((e) => e.Type === 'SubscriptionConfirmation')?.SubscribeURL).toBeTruthy();
  expect((await fetch(received.find((e) => e.Type === 'SubscriptionConfirmation')!.SubscribeURL!)).status).toBe(200);
  await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'feedback' }));
  await v2.send(new CreateConfigurationSetEventDestinationCommand({
    ConfigurationSetName: 'feedback',
    EventDestinationName: 'to-sns',
    EventDestination: { Enabled: true, MatchingEventTypes: ['SEND', 'DELIVERY', 'BOUNCE', 'COMPLAINT'], SnsDestination: { TopicArn: topicArn } },
  }));
  sns.destroy();
  v2.destroy();
});
test.afterAll(async () => {
  await stop();
  await new Promise((r) => server.close(r));
});

async function send(to: string, subject: string): Promise<string> {
  const v2 = new SESv2Client({ endpoint: sesame.aws, region: 'us-east-1', credentials });
  const out = await v2.send(new SendEmailCommand({
    FromEmailAddress: 'app@shop.example',
    Destination: { ToAddresses: [to] },
    ConfigurationSetName: 'feedback',
    Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: 'Hi' } } } },
  }));
  v2.destroy();
  return out.MessageId!;
}

async function openTimeline(page: Page, subject: string) {
  await page.goto(sesame.ui);
  // Sent by the app (the complaint's ARF report, mailed by SES, carries the same subject).
  await page.getByTestId('inbox-row').filter({ hasText: subject }).filter({ hasText: 'app@shop.example' }).click();
  await page.getByTestId('tab-events').click();
}

test('the timeline shows the events of a bounce: API call, Send, Bounce, SNS deliveries and the DSN', async ({ page }) => {
  await send('bounce@simulator.amazonses.com', 'Bounce me');
  await openTimeline(page, 'Bounce me');
  const origin = page.getByTestId('timeline-origin');
  await expect(origin).toHaveAttribute('data-origin', 'api');
  await expect(origin).toContainText('SendEmail');
  await expect(page.locator('[data-testid="event-row"][data-event-type="Send"]')).toBeVisible();
  const bounce = page.locator('[data-testid="event-row"][data-event-type="Bounce"]');
  await expect(bounce).toContainText('Permanent');
  await bounce.getByRole('button').first().click();
  await expect(bounce.getByTestId('json-view')).toContainText('"bounceType": "Permanent"');
  // SES published Send and Bounce to the topic; the app's endpoint answered each (the timeline re-reads the log).
  await bounce.getByRole('button').first().click(); // collapse again for the screenshot
  await expect(page.locator('[data-testid="delivery-row"][data-outcome="delivered"]')).toHaveCount(2, { timeout: 10_000 });
  await expect(page.getByTestId('delivery-row').last()).toHaveAttribute('data-for-event', /^(Send|Bounce)$/);
  const dsn = page.getByTestId('related-row');
  await expect(dsn).toHaveAttribute('data-operation', 'BounceNotification');
  await page.getByTestId('delivery-row').last().getByRole('button').click();
  await expect(page.getByTestId('delivery-row').last()).toContainText('thanks from the app');
  await page.screenshot({ path: `${SHOTS}/timeline-bounce.png` });
  await dsn.getByTestId('related-open').click();
  await expect(page.getByTestId('message-subject')).toHaveText('Delivery Status Notification (Failure)');
});

test('the timeline shows the events of a complaint, live', async ({ page }) => {
  await page.goto(sesame.ui);
  await send('complaint@simulator.amazonses.com', 'Complain about me');
  await openTimeline(page, 'Complain about me');
  const complaint = page.locator('[data-testid="event-row"][data-event-type="Complaint"]');
  await expect(complaint).toBeVisible();
  await expect(complaint).toContainText('complaint@simulator.amazonses.com');
  await expect(page.locator('[data-testid="event-row"]')).toHaveCount(3); // Send, Delivery, Complaint
  await expect(page.locator('[data-testid="delivery-row"][data-outcome="delivered"]')).toHaveCount(3, { timeout: 10_000 });
  await expect(page.getByTestId('related-row')).toHaveAttribute('data-operation', 'ComplaintNotification');
  await page.screenshot({ path: `${SHOTS}/timeline-complaint.png` });
});

test('the event stream lists every message’s events and filters them by type', async ({ page }) => {
  await send('success@simulator.amazonses.com', 'Delivered fine');
  await page.goto(`${sesame.ui}#/event-stream`);
  await page.getByTestId('nav-event-stream').click();
  await expect(page.getByTestId('stream-row').first()).toBeVisible();
  await expect(page.locator('[data-testid="stream-row"][data-event-type="Bounce"]')).toHaveCount(1);
  await page.getByTestId('stream-type').selectOption('Complaint');
  await expect(page.getByTestId('stream-row')).toHaveCount(1);
  await expect(page.getByTestId('stream-row')).toHaveAttribute('data-event-type', 'Complaint');
  await page.getByTestId('stream-type').selectOption('');
  // Live: a new send shows up on top without a reload.
  await send('success@simulator.amazonses.com', 'Arrives live');
  await expect(page.getByTestId('stream-row').first().getByTestId('stream-open')).toHaveText('Arrives live');
  await page.screenshot({ path: `${SHOTS}/event-stream.png`, fullPage: true });
  await page.getByTestId('stream-row').first().getByTestId('stream-open').click();
  await expect(page.getByTestId('message-subject')).toHaveText('Arrives live');
});

test('the SNS screen: topics, subscribe an endpoint (pending), the delivery log', async ({ page }) => {
  await page.goto(sesame.ui);
  await page.getByTestId('nav-sns').click();
  await page.locator('[data-testid="topic-row"][data-topic="ses-feedback"]').click();
  await expect(page.locator('[data-testid="subscription-row"][data-status="confirmed"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="delivery-log-row"]').first()).toBeVisible();
  await page.getByTestId('subscribe-endpoint').fill('http://127.0.0.1:9/nobody-listens');
  await page.getByTestId('subscribe-submit').click();
  await expect(page.locator('[data-testid="subscription-row"][data-status="pending"]')).toHaveCount(1);
  await page.getByTestId('topic-name').fill('orders');
  await page.getByTestId('topic-create-submit').click();
  await expect(page.locator('[data-testid="topic-row"][data-topic="orders"]')).toHaveAttribute('aria-current', 'true');
  await page.locator('[data-testid="topic-row"][data-topic="ses-feedback"]').click();
  await page.screenshot({ path: `${SHOTS}/sns.png`, fullPage: true });
  await page.locator('[data-testid="subscription-row"][data-status="pending"]').getByTestId('unsubscribe').click();
  await expect(page.locator('[data-testid="subscription-row"][data-status="pending"]')).toHaveCount(0);
});

test('live: the SNS delivery log and an open timeline show delivery attempts as they happen', async ({ page }) => {
  await page.goto(sesame.ui);
  await page.getByTestId('nav-sns').click();
  await page.locator('[data-testid="topic-row"][data-topic="ses-feedback"]').click();
  const logRows = page.locator('[data-testid="delivery-log-row"]');
  await expect(logRows.first()).toBeVisible();
  const before = await logRows.count();
  // No reload: the Send and Delivery notifications' attempts arrive over the live stream (sns.delivery).
  await send('success@simulator.amazonses.com', 'Logged live');
  await expect(logRows).toHaveCount(before + 2, { timeout: 10_000 });

  // The app answers this message's notifications only after 3 s — long after its last event — and the open
  // timeline turns its pending attempts into delivered ones without a new event or a reload.
  await send('success@simulator.amazonses.com', 'Slow answer');
  await openTimeline(page, 'Slow answer');
  await expect(page.locator('[data-testid="event-row"]')).toHaveCount(2); // Send, Delivery
  await expect(page.locator('[data-testid="delivery-row"][data-outcome="pending"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="delivery-row"][data-outcome="delivered"]')).toHaveCount(2, { timeout: 15_000 });
  await expect(page.locator('[data-testid="delivery-row"][data-outcome="pending"]')).toHaveCount(0);
});
