// Event publishing through the real SDKs: event destination CRUD and its errors (@aws-sdk/client-sesv2 and
// client-ses), then SES's feedback loop end to end — a local HTTP server (node:http on 127.0.0.1:0)
// subscribed through @aws-sdk/client-sns, confirmed by GETting its SubscribeURL, receives SES's validation
// message, then one Notification per event for each mailbox simulator address, with SES's exact event JSON
// and Subject; a legacy identity notification for a bounce; an EventBridge envelope posted to an HTTP sink;
// GetMessageInsights.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateConfigurationSetCommand,
  CreateConfigurationSetEventDestinationCommand,
  DeleteConfigurationSetEventDestinationCommand,
  GetConfigurationSetEventDestinationsCommand,
  GetMessageInsightsCommand,
  SendEmailCommand,
  UpdateConfigurationSetEventDestinationCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import {
  CreateConfigurationSetEventDestinationCommand as V1CreateDestination,
  DeleteConfigurationSetEventDestinationCommand as V1DeleteDestination,
  DescribeConfigurationSetCommand,
  GetIdentityNotificationAttributesCommand,
  SetIdentityFeedbackForwardingEnabledCommand,
  SetIdentityHeadersInNotificationsEnabledCommand,
  SetIdentityNotificationTopicCommand,
  VerifyDomainIdentityCommand,
  type EventType,
  type SESClient,
} from '@aws-sdk/client-ses';
import { CreateTopicCommand, SubscribeCommand, type SNSClient } from '@aws-sdk/client-sns';
import { sesClient, sesv2Client, snsClient } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

interface Hit {
  path: string;
  body: string;
}

/** Records every request; `waitFor` resolves once `pred` holds (event driven, no sleeping). */
class Endpoint {
  readonly received: Hit[] = [];
  private waiters: (() => void)[] = [];
  private server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received.push({ path: req.url ?? '/', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      this.waiters.splice(0).forEach((w) => w());
    });
  });
  url = '';
  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async waitFor<T>(pick: (hits: Hit[]) => T | undefined): Promise<T> {
    for (;;) {
      const v = pick(this.received);
      if (v !== undefined) return v;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
  close = () => new Promise<void>((resolve) => this.server.close(() => resolve()));
}

interface Envelope {
  Type: string;
  Subject?: string;
  Message: string;
  SubscribeURL?: string;
  TopicArn: string;
}

let sesame: TestSesame;
let v2: SESv2Client;
let v1: SESClient;
let sns: SNSClient;
const endpoint = new Endpoint();
let topicArn: string;

const notifications = (hits: Hit[], path = '/sns') =>
  hits.filter((h) => h.path === path).map((h) => JSON.parse(h.body) as Envelope).filter((e) => e.Type === 'Notification');

/** Notifications whose Message is an event/notification JSON about `messageId`. */
const about = (messageId: string, path = '/sns') =>
  notifications(endpoint.received, path).filter((n) => {
    try {
      return (JSON.parse(n.Message) as { mail?: { messageId?: string } }).mail?.messageId === messageId;
    } catch {
      return false;
    }
  });

beforeAll(async () => {
  sesame = await startTestSesame();
  [v2, v1, sns] = [sesv2Client(sesame), sesClient(sesame), snsClient(sesame)];
  await endpoint.start();
  topicArn = (await sns.send(new CreateTopicCommand({ Name: 'ses-feedback' }))).TopicArn!;
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: `${endpoint.url}/sns` }));
  const confirmation = await endpoint.waitFor((hits) => hits.map((h) => JSON.parse(h.body) as Envelope).find((e) => e.Type === 'SubscriptionConfirmation'));
  expect((await fetch(confirmation.SubscribeURL!)).status).toBe(200);
  await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'feedback' }));
});
afterAll(async () => {
  for (const c of [v2, v1, sns]) c?.destroy();
  await sesame?.cleanup();
  await endpoint.close();
});

describe('event destination CRUD', () => {
  it('v2: create, get, update, delete, with SES errors', async () => {
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'crud' }));
    const create = (name: string, set = 'crud') =>
      v2.send(new CreateConfigurationSetEventDestinationCommand({
        ConfigurationSetName: set,
        EventDestinationName: name,
        EventDestination: { Enabled: true, MatchingEventTypes: ['BOUNCE', 'COMPLAINT'], SnsDestination: { TopicArn: topicArn } },
      }));
    await create('one');
    await expect(create('one')).rejects.toMatchObject({ name: 'AlreadyExistsException' });
    await expect(create('x', 'ghost')).rejects.toMatchObject({ name: 'NotFoundException', message: 'Configuration set ghost does not exist.' });
    await v2.send(new UpdateConfigurationSetEventDestinationCommand({ ConfigurationSetName: 'crud', EventDestinationName: 'one', EventDestination: { Enabled: false } }));
    const got = await v2.send(new GetConfigurationSetEventDestinationsCommand({ ConfigurationSetName: 'crud' }));
    expect(got.EventDestinations).toEqual([{ Name: 'one', Enabled: false, MatchingEventTypes: ['BOUNCE', 'COMPLAINT'], SnsDestination: { TopicArn: topicArn } }]);
    await v2.send(new DeleteConfigurationSetEventDestinationCommand({ ConfigurationSetName: 'crud', EventDestinationName: 'one' }));
    await expect(v2.send(new DeleteConfigurationSetEventDestinationCommand({ ConfigurationSetName: 'crud', EventDestinationName: 'one' }))).rejects.toMatchObject({
      name: 'NotFoundException',
    });
  });

  it('v1: lowercase event types, SNSDestination{TopicARN}, and v1 error codes and texts', async () => {
    const missing = topicArn.replace('ses-feedback', 'missing');
    const dest = (name: string, arn = topicArn) => ({
      Name: name,
      Enabled: true,
      MatchingEventTypes: ['send', 'bounce', 'renderingFailure'] as EventType[],
      SNSDestination: { TopicARN: arn },
    });
    await v1.send(new V1CreateDestination({ ConfigurationSetName: 'crud', EventDestination: dest('v1') }));
    const described = await v1.send(new DescribeConfigurationSetCommand({ ConfigurationSetName: 'crud', ConfigurationSetAttributeNames: ['eventDestinations'] }));
    expect(described.EventDestinations).toEqual([dest('v1')]);
    await expect(v1.send(new V1CreateDestination({ ConfigurationSetName: 'ghost', EventDestination: dest('a') }))).rejects.toMatchObject({
      name: 'ConfigurationSetDoesNotExistException',
      message: 'Configuration set ghost does not exist.',
    });
    await expect(v1.send(new V1CreateDestination({ ConfigurationSetName: 'crud', EventDestination: dest('b', missing) }))).rejects.toMatchObject({
      name: 'InvalidSNSDestinationException',
      message: `SNS topic ${missing} not found.`,
    });
    await expect(v1.send(new V1CreateDestination({ ConfigurationSetName: 'crud', EventDestination: dest('v1') }))).rejects.toMatchObject({ name: 'EventDestinationAlreadyExistsException' });
    await v1.send(new V1DeleteDestination({ ConfigurationSetName: 'crud', EventDestinationName: 'v1' }));
    await expect(v1.send(new V1DeleteDestination({ ConfigurationSetName: 'crud', EventDestinationName: 'v1' }))).rejects.toMatchObject({
      name: 'EventDestinationDoesNotExistException',
      message: 'No EventDestination found for v1',
    });
  });
});

describe('SES → SNS → your HTTP endpoint', () => {
  it('delivers SES validation message, then every event of every simulator address with SES JSON and Subject', async () => {
    const before = notifications(endpoint.received).length;
    await v2.send(new CreateConfigurationSetEventDestinationCommand({
      ConfigurationSetName: 'feedback',
      EventDestinationName: 'all-events',
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['SEND', 'REJECT', 'BOUNCE', 'COMPLAINT', 'DELIVERY', 'OPEN', 'CLICK', 'RENDERING_FAILURE', 'DELIVERY_DELAY', 'SUBSCRIPTION'],
        SnsDestination: { TopicArn: topicArn },
      },
    }));
    const validation = await endpoint.waitFor((hits) => notifications(hits).slice(before).find((n) => !n.Message.startsWith('{')));
    expect(validation.Message).toBe('Successfully validated SNS topic for Amazon SES event publishing.');
    expect(validation.Subject).toBeUndefined();

    const expected: Record<string, string[]> = {
      success: ['Send', 'Delivery'],
      bounce: ['Send', 'Bounce'],
      ooto: ['Send', 'Delivery', 'Bounce'],
      complaint: ['Send', 'Delivery', 'Complaint'],
      suppressionlist: ['Send', 'Bounce'],
    };
    for (const [local, types] of Object.entries(expected)) {
      const to = `${local}@simulator.amazonses.com`;
      const { MessageId } = await v2.send(new SendEmailCommand({
        FromEmailAddress: 'app@example.com',
        Destination: { ToAddresses: [to] },
        Content: { Simple: { Subject: { Data: `to ${local}` }, Body: { Text: { Data: 'hi' } } } },
        ConfigurationSetName: 'feedback',
      }));
      const got = await endpoint.waitFor((hits) => (about(MessageId!).length >= types.length ? about(MessageId!) : void hits));
      expect(got.map((n) => n.Subject)).toEqual(types.map(() => 'Amazon SES Email Event Notification'));
      const events = got.map((n) => JSON.parse(n.Message) as Record<string, any>);
      expect(events.map((e) => e.eventType).sort()).toEqual([...types].sort());
      const stored = (await sesame.engine.messages.get(MessageId!))!.events;
      expect(events).toEqual(expect.arrayContaining(stored.map((e) => e.payload)));
      for (const e of events) {
        expect(e.mail).toMatchObject({ messageId: MessageId, source: 'app@example.com', destination: [to], sendingAccountId: sesame.config.accountId, tags: { 'ses:configuration-set': ['feedback'] } });
      }
      const bounce = events.find((e) => e.eventType === 'Bounce');
      if (local === 'bounce') {
        expect(bounce!.bounce).toMatchObject({
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: to, action: 'failed', status: '5.1.1', diagnosticCode: `smtp; 550 5.1.1 As requested: user unknown <${to}>` }],
          reportingMTA: 'dns; a8-86.smtp-out.amazonses.com',
        });
      }
      if (local === 'ooto') expect(bounce!.bounce).toMatchObject({ bounceType: 'Transient', bounceSubType: 'General' });
      if (local === 'complaint') {
        expect(events.find((e) => e.eventType === 'Complaint')!.complaint).toMatchObject({
          complainedRecipients: [{ emailAddress: to }],
          complaintSubType: null,
          userAgent: 'Amazon SES Mailbox Simulator',
          complaintFeedbackType: 'abuse',
        });
      }
      if (local === 'success') expect(events.find((e) => e.eventType === 'Delivery')!.delivery).toMatchObject({ recipients: [to], smtpResponse: '250 Ok' });
    }
  });

  it('publishes the legacy identity notification of a bounce to the identity topic (v1 notification attributes)', async () => {
    await v1.send(new VerifyDomainIdentityCommand({ Domain: 'legacy.test' }));
    await v1.send(new SetIdentityNotificationTopicCommand({ Identity: 'legacy.test', NotificationType: 'Bounce', SnsTopic: topicArn }));
    await v1.send(new SetIdentityHeadersInNotificationsEnabledCommand({ Identity: 'legacy.test', NotificationType: 'Bounce', Enabled: true }));
    await expect(v1.send(new SetIdentityFeedbackForwardingEnabledCommand({ Identity: 'legacy.test', ForwardingEnabled: false }))).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    const attrs = await v1.send(new GetIdentityNotificationAttributesCommand({ Identities: ['legacy.test'] }));
    expect(attrs.NotificationAttributes).toEqual({
      'legacy.test': {
        BounceTopic: topicArn,
        ForwardingEnabled: true,
        HeadersInBounceNotificationsEnabled: true,
        HeadersInComplaintNotificationsEnabled: false,
        HeadersInDeliveryNotificationsEnabled: false,
      },
    });
    const { MessageId } = await v2.send(new SendEmailCommand({
      FromEmailAddress: 'app@legacy.test',
      Destination: { ToAddresses: ['bounce@simulator.amazonses.com'] },
      Content: { Simple: { Subject: { Data: 'legacy' }, Body: { Text: { Data: 'hi' } } } },
    }));
    const [n] = await endpoint.waitFor(() => (about(MessageId!).length ? about(MessageId!) : undefined));
    expect(n.Subject).toBeUndefined();
    const body = JSON.parse(n.Message);
    expect(body.notificationType).toBe('Bounce');
    expect(body.mail).toMatchObject({
      messageId: MessageId,
      source: 'app@legacy.test',
      sourceArn: `arn:aws:ses:${sesame.config.region}:${sesame.config.accountId}:identity/legacy.test`,
      destination: ['bounce@simulator.amazonses.com'],
      headersTruncated: false,
      commonHeaders: { subject: 'legacy' },
    });
    expect(body.mail.tags).toBeUndefined();
    expect(body.bounce).toMatchObject({ bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'bounce@simulator.amazonses.com' }] });
  });
});

describe('EventBridge sink and GetMessageInsights', () => {
  it('posts the EventBridge envelope to the HTTP sink', async () => {
    const put = await fetch(`${sesame.urls.aws}/_sesame/event-sinks`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ eventBridge: { url: `${endpoint.url}/eventbridge` } }),
    });
    expect(await put.json()).toEqual({ eventBridge: { url: `${endpoint.url}/eventbridge` } });
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'bridge' }));
    await v2.send(new CreateConfigurationSetEventDestinationCommand({
      ConfigurationSetName: 'bridge',
      EventDestinationName: 'eb',
      EventDestination: { Enabled: true, MatchingEventTypes: ['BOUNCE'], EventBridgeDestination: { EventBusArn: `arn:aws:events:${sesame.config.region}:${sesame.config.accountId}:event-bus/default` } },
    }));
    const { MessageId } = await v2.send(new SendEmailCommand({
      FromEmailAddress: 'app@example.com',
      Destination: { ToAddresses: ['bounce@simulator.amazonses.com'] },
      Content: { Simple: { Subject: { Data: 'eb' }, Body: { Text: { Data: 'hi' } } } },
      ConfigurationSetName: 'bridge',
    }));
    const hit = await endpoint.waitFor((hits) => hits.find((h) => h.path === '/eventbridge'));
    const envelope = JSON.parse(hit.body);
    expect(envelope).toMatchObject({
      version: '0',
      'detail-type': 'Email Bounced',
      source: 'aws.ses',
      account: sesame.config.accountId,
      region: sesame.config.region,
      resources: [`arn:aws:ses:${sesame.config.region}:${sesame.config.accountId}:configuration-set/bridge`],
      detail: { eventType: 'Bounce', mail: { messageId: MessageId } },
    });
    await sesame.engine.publishing.settled();
    const log = (await (await fetch(`${sesame.urls.aws}/_sesame/publishing?messageId=${MessageId}`)).json()) as { records: unknown[] };
    expect(log.records).toEqual([
      expect.objectContaining({ kind: 'eventBridge', destination: 'eb', configurationSet: 'bridge', outcome: 'delivered', status: 200, target: `${endpoint.url}/eventbridge`, responseBody: 'ok' }),
    ]);
  });

  it('appends Firehose records (the event JSON) to a file sink, for a destination made through v1', async () => {
    const file = join(sesame.dataDir, 'sinks', 'firehose.jsonl');
    const put = await fetch(`${sesame.urls.aws}/_sesame/event-sinks`, { method: 'PUT', body: JSON.stringify({ firehose: { file } }) });
    expect(put.status).toBe(200);
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'hose' }));
    await v1.send(new V1CreateDestination({
      ConfigurationSetName: 'hose',
      EventDestination: {
        Name: 'fh',
        Enabled: true,
        MatchingEventTypes: ['send', 'delivery'],
        KinesisFirehoseDestination: { IAMRoleARN: 'arn:aws:iam::123456789012:role/ses', DeliveryStreamARN: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/ses' },
      },
    }));
    const { MessageId } = await v2.send(new SendEmailCommand({
      FromEmailAddress: 'app@example.com',
      Destination: { ToAddresses: ['success@simulator.amazonses.com'] },
      Content: { Simple: { Subject: { Data: 'hose' }, Body: { Text: { Data: 'hi' } } } },
      ConfigurationSetName: 'hose',
    }));
    await sesame.engine.publishing.settled();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { eventType: string; mail: { messageId: string } });
    expect(lines.map((l) => [l.eventType, l.mail.messageId])).toEqual([
      ['Send', MessageId],
      ['Delivery', MessageId],
    ]);
    expect(lines).toEqual((await sesame.engine.messages.get(MessageId!))!.events.map((e) => e.payload));
  });

  it('GetMessageInsights reports each recipient with its events; unknown ids are NotFoundException', async () => {
    const { MessageId } = await v2.send(new SendEmailCommand({
      FromEmailAddress: 'app@example.com',
      Destination: { ToAddresses: ['complaint@simulator.amazonses.com'] },
      Content: { Simple: { Subject: { Data: 'insights' }, Body: { Text: { Data: 'hi' } } } },
      EmailTags: [{ Name: 'campaign', Value: 'spring' }],
    }));
    const out = await v2.send(new GetMessageInsightsCommand({ MessageId }));
    expect(out).toMatchObject({ MessageId, FromEmailAddress: 'app@example.com', Subject: 'insights' });
    expect(out.EmailTags).toContainEqual({ Name: 'campaign', Value: 'spring' });
    expect(out.Insights).toHaveLength(1);
    expect(out.Insights![0]).toMatchObject({ Destination: 'complaint@simulator.amazonses.com' });
    expect(out.Insights![0].Events!.map((e) => e.Type)).toEqual(['SEND', 'DELIVERY', 'COMPLAINT']);
    expect(out.Insights![0].Events![2].Details).toEqual({ Complaint: { ComplaintFeedbackType: 'abuse' } });
    expect(out.Insights![0].Events![0].Timestamp).toBeInstanceOf(Date);
    await expect(v2.send(new GetMessageInsightsCommand({ MessageId: 'nope' }))).rejects.toMatchObject({ name: 'NotFoundException' });
  });
});
