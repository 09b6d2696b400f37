// A templated send that fails to render, end to end (ses-facts §A.5.2, §A.11): a local HTTP server
// (node:http on 127.0.0.1:0) subscribed through @aws-sdk/client-sns and confirmed by GETting its SubscribeURL;
// a configuration set whose SNS event destination matches SEND and RENDERING_FAILURE; SendTemplatedEmail
// (@aws-sdk/client-ses) with data missing an attribute is accepted, and the endpoint receives the Send event
// (no sourceArn; only From, To, MIME-Version headers) and the `Rendering Failure` event with SES's JSON.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateConfigurationSetCommand, CreateConfigurationSetEventDestinationCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import { CreateTemplateCommand, SendTemplatedEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { CreateTopicCommand, SubscribeCommand, type SNSClient } from '@aws-sdk/client-sns';
import { sesClient, sesv2Client, snsClient } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

interface Envelope {
  Type: string;
  Subject?: string;
  Message: string;
  SubscribeURL?: string;
}

/** Collects posted SNS envelopes; `waitFor` resolves once `pick` finds one (event driven, no sleeping). */
function endpoint() {
  const received: Envelope[] = [];
  let waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Envelope);
      res.writeHead(200).end('ok');
      const w = waiters;
      waiters = [];
      w.forEach((f) => f());
    });
  });
  return {
    server,
    received,
    async waitFor<T>(pick: (all: Envelope[]) => T | undefined): Promise<T> {
      for (;;) {
        const v = pick(received);
        if (v !== undefined) return v;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

let sesame: TestSesame;
let v1: SESClient;
let v2: SESv2Client;
let sns: SNSClient;
const ep = endpoint();

beforeAll(async () => {
  sesame = await startTestSesame();
  [v1, v2, sns] = [sesClient(sesame), sesv2Client(sesame), snsClient(sesame)];
  await new Promise<void>((resolve) => ep.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(ep.server.address() as AddressInfo).port}/sns`;
  const topicArn = (await sns.send(new CreateTopicCommand({ Name: 'templates' }))).TopicArn!;
  await sns.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'http', Endpoint: url }));
  const confirmation = await ep.waitFor((all) => all.find((e) => e.Type === 'SubscriptionConfirmation'));
  expect((await fetch(confirmation.SubscribeURL!)).status).toBe(200);
  await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'tpl' }));
  await v2.send(
    new CreateConfigurationSetEventDestinationCommand({
      ConfigurationSetName: 'tpl',
      EventDestinationName: 'failures',
      EventDestination: { Enabled: true, MatchingEventTypes: ['SEND', 'RENDERING_FAILURE'], SnsDestination: { TopicArn: topicArn } },
    }),
  );
});
afterAll(async () => {
  for (const c of [v1, v2, sns]) c?.destroy();
  await sesame?.cleanup();
  await new Promise<void>((resolve) => ep.server.close(() => resolve()));
});

describe('Rendering Failure through an SNS event destination', () => {
  it('publishes Send and Rendering Failure for a templated send with missing data', async () => {
    await v1.send(new CreateTemplateCommand({ Template: { TemplateName: 'receipt', SubjectPart: 'Order {{order}}', TextPart: 'Total {{total}}' } }));
    const { MessageId } = await v1.send(
      new SendTemplatedEmailCommand({
        Source: 'shop@example.com',
        Destination: { ToAddresses: ['buyer@example.com'] },
        Template: 'receipt',
        TemplateData: '{"order":"A-1"}',
        ConfigurationSetName: 'tpl',
      }),
    );
    const events = await ep.waitFor((all) => {
      const mine = all
        // SES's validation message (`Successfully validated SNS topic…`) is plain text, not an event.
        .filter((e) => e.Type === 'Notification' && e.Message.startsWith('{'))
        .map((e) => ({ subject: e.Subject, event: JSON.parse(e.Message) as Record<string, any> }))
        .filter((n) => n.event.mail?.messageId === MessageId);
      return mine.length >= 2 ? mine : undefined;
    });
    const byType = Object.fromEntries(events.map((e) => [e.event.eventType as string, e]));
    expect(Object.keys(byType).sort()).toEqual(['Rendering Failure', 'Send']);
    const failure = byType['Rendering Failure']!;
    expect(failure.subject).toBe('Amazon SES Email Event Notification');
    expect(failure.event.failure).toEqual({ templateName: 'receipt', errorMessage: "Attribute 'total' is not present in the rendering data." });
    const send = byType.Send!.event;
    expect(send.mail).not.toHaveProperty('sourceArn');
    expect(send.mail.headers.map((h: { name: string }) => h.name)).toEqual(['From', 'To', 'MIME-Version']);
    expect(send.mail.tags['ses:operation']).toEqual(['SendTemplatedEmail']);
    expect(send.mail.tags['ses:configuration-set']).toEqual(['tpl']);
    // Nothing was delivered.
    expect((await sesame.engine.messages.get(MessageId!))!.events.map((e) => e.eventType)).toEqual(['Send', 'Rendering Failure']);
  });
});
