// Contact lists and list management end to end with @aws-sdk/client-sesv2: contact list and contact CRUD and
// their errors, a SendEmail with ListManagementOptions whose stored mail carries List-Unsubscribe and
// List-Unsubscribe-Post, the preference page (GET), the RFC 8058 one-click POST a mail client makes — the
// contact updated (GetContact), SES's `Subscription` event JSON posted to a local HTTP EventBridge sink
// (detail-type "Email Subscribed") — and a later send to the topic that skips the opted-out contact.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateConfigurationSetCommand,
  CreateConfigurationSetEventDestinationCommand,
  CreateContactCommand,
  CreateContactListCommand,
  DeleteContactCommand,
  GetContactCommand,
  GetContactListCommand,
  ListContactListsCommand,
  ListContactsCommand,
  SendEmailCommand,
  UpdateContactCommand,
  UpdateContactListCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

let sesame: TestSesame;
let v2: SESv2Client;
const posted: string[] = [];
let waiter: (() => void) | null = null;
const sink: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    posted.push(Buffer.concat(chunks).toString('utf8'));
    res.writeHead(200).end('ok');
    waiter?.();
  });
});
/** Resolves with the first posted envelope that `pred` accepts (event driven). */
async function envelope(pred: (e: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  for (;;) {
    const hit = posted.map((p) => JSON.parse(p) as Record<string, unknown>).find(pred);
    if (hit) return hit;
    await new Promise<void>((resolve) => (waiter = resolve));
  }
}

beforeAll(async () => {
  sesame = await startTestSesame();
  v2 = sesv2Client(sesame);
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/eb`;
  await fetch(`${sesame.urls.aws}/_sesame/event-sinks`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ eventBridge: { url } }) });
  await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'lists' }));
  await v2.send(
    new CreateConfigurationSetEventDestinationCommand({
      ConfigurationSetName: 'lists',
      EventDestinationName: 'eb',
      EventDestination: { Enabled: true, MatchingEventTypes: ['SUBSCRIPTION'], EventBridgeDestination: { EventBusArn: `arn:aws:events:${sesame.config.region}:${sesame.config.accountId}:event-bus/default` } },
    }),
  );
});
afterAll(async () => {
  v2?.destroy();
  await sesame?.cleanup();
  await new Promise((resolve) => sink.close(resolve));
});

const errorName = (p: Promise<unknown>) => p.then(() => 'no error', (e: Error) => e.name);

describe('contact lists and contacts with @aws-sdk/client-sesv2', () => {
  it('creates, reads, updates and lists a contact list; a second list is refused', async () => {
    await v2.send(
      new CreateContactListCommand({
        ContactListName: 'newsletter',
        Description: 'Monthly',
        Topics: [
          { TopicName: 'news', DisplayName: 'News', Description: 'What is new', DefaultSubscriptionStatus: 'OPT_IN' },
          { TopicName: 'deals', DisplayName: 'Deals', DefaultSubscriptionStatus: 'OPT_OUT' },
        ],
        Tags: [{ Key: 'team', Value: 'growth' }],
      }),
    );
    // One list per account, checked before the name: both are BadRequestException (floci, verified against AWS).
    expect(await errorName(v2.send(new CreateContactListCommand({ ContactListName: 'newsletter' })))).toBe('BadRequestException');
    const second = await v2.send(new CreateContactListCommand({ ContactListName: 'second' })).catch((e: Error) => e);
    expect([(second as Error).name, (second as Error).message]).toEqual(['BadRequestException', 'A maximum of 1 Lists allowed per account.']);
    expect(await errorName(v2.send(new GetContactListCommand({ ContactListName: 'nope' })))).toBe('NotFoundException');
    await v2.send(new UpdateContactListCommand({ ContactListName: 'newsletter', Description: 'Weekly', Topics: [
      { TopicName: 'news', DisplayName: 'News', Description: 'What is new', DefaultSubscriptionStatus: 'OPT_IN' },
      { TopicName: 'deals', DisplayName: 'Deals', DefaultSubscriptionStatus: 'OPT_OUT' },
    ] }));
    const got = await v2.send(new GetContactListCommand({ ContactListName: 'newsletter' }));
    expect(got).toMatchObject({ ContactListName: 'newsletter', Description: 'Weekly', Tags: [{ Key: 'team', Value: 'growth' }] });
    expect(got.Topics).toEqual([
      { TopicName: 'news', DisplayName: 'News', Description: 'What is new', DefaultSubscriptionStatus: 'OPT_IN' },
      { TopicName: 'deals', DisplayName: 'Deals', DefaultSubscriptionStatus: 'OPT_OUT' },
    ]);
    expect(got.CreatedTimestamp).toBeInstanceOf(Date);
    const lists = await v2.send(new ListContactListsCommand({}));
    expect(lists.ContactLists?.map((l) => l.ContactListName)).toEqual(['newsletter']);
  });

  it('creates, reads, updates, filters and deletes contacts', async () => {
    await v2.send(new CreateContactCommand({ ContactListName: 'newsletter', EmailAddress: 'keep@example.com', TopicPreferences: [{ TopicName: 'deals', SubscriptionStatus: 'OPT_IN' }], AttributesData: '{"name":"Kim"}' }));
    await v2.send(new CreateContactCommand({ ContactListName: 'newsletter', EmailAddress: 'gone@example.com' }));
    expect(await errorName(v2.send(new CreateContactCommand({ ContactListName: 'newsletter', EmailAddress: 'keep@example.com' })))).toBe('AlreadyExistsException');
    expect(await errorName(v2.send(new CreateContactCommand({ ContactListName: 'nope', EmailAddress: 'x@example.com' })))).toBe('NotFoundException');
    const c = await v2.send(new GetContactCommand({ ContactListName: 'newsletter', EmailAddress: 'keep@example.com' }));
    expect(c).toMatchObject({
      ContactListName: 'newsletter',
      EmailAddress: 'keep@example.com',
      TopicPreferences: [{ TopicName: 'deals', SubscriptionStatus: 'OPT_IN' }],
      TopicDefaultPreferences: [{ TopicName: 'news', SubscriptionStatus: 'OPT_IN' }],
      UnsubscribeAll: false,
      AttributesData: '{"name":"Kim"}',
    });
    await v2.send(new UpdateContactCommand({ ContactListName: 'newsletter', EmailAddress: 'gone@example.com', UnsubscribeAll: true }));
    const optedOut = await v2.send(new ListContactsCommand({ ContactListName: 'newsletter', Filter: { FilteredStatus: 'OPT_IN', TopicFilter: { TopicName: 'deals' } } }));
    expect(optedOut.Contacts?.map((x) => x.EmailAddress)).toEqual(['keep@example.com']);
    const page = await v2.send(new ListContactsCommand({ ContactListName: 'newsletter', PageSize: 1 }));
    expect(page.Contacts).toHaveLength(1);
    expect(page.NextToken).toBeTruthy();
    await v2.send(new DeleteContactCommand({ ContactListName: 'newsletter', EmailAddress: 'gone@example.com' }));
    expect(await errorName(v2.send(new GetContactCommand({ ContactListName: 'newsletter', EmailAddress: 'gone@example.com' })))).toBe('NotFoundException');
  });
});

describe('sending with ListManagementOptions and one-click unsubscribe', () => {
  const send = (to: string[], topic = 'news') =>
    v2.send(
      new SendEmailCommand({
        FromEmailAddress: 'news@example.com',
        Destination: { ToAddresses: to },
        ConfigurationSetName: 'lists',
        ListManagementOptions: { ContactListName: 'newsletter', TopicName: topic },
        Content: { Simple: { Subject: { Data: 'Issue 1' }, Body: { Text: { Data: 'Hello' } } } },
      }),
    );
  let messageId: string;
  let url: string;

  it('refuses a missing contact list', async () => {
    const r = v2.send(new SendEmailCommand({ FromEmailAddress: 'news@example.com', Destination: { ToAddresses: ['a@example.com'] }, ListManagementOptions: { ContactListName: 'nope' }, Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 'b' } } } } }));
    expect(await errorName(r)).toBe('NotFoundException');
  });

  it('adds List-Unsubscribe and List-Unsubscribe-Post to the stored mail', async () => {
    messageId = (await send(['reader@example.com'])).MessageId!;
    const raw = (await sesame.engine.messages.raw(messageId))!.toString('utf8');
    const m = /^List-Unsubscribe: <([^>]+)>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n/m.exec(raw);
    expect(m).not.toBeNull();
    url = m![1]!;
    expect(url.startsWith(`${sesame.urls.aws.replace(/\/$/, '')}/_sesame/unsubscribe/`)).toBe(true);
  });

  it('GET shows the preference page without changing anything', async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('Unsubscribe from news');
    expect(html).toContain('Unsubscribe from all');
    // The recipient became a contact at send time, without preferences.
    const c = await v2.send(new GetContactCommand({ ContactListName: 'newsletter', EmailAddress: 'reader@example.com' }));
    expect([c.TopicPreferences, c.UnsubscribeAll]).toEqual([[], false]);
  });

  it('one-click POST opts the contact out and publishes Subscription with SES JSON', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(200);
    const c = await v2.send(new GetContactCommand({ ContactListName: 'newsletter', EmailAddress: 'reader@example.com' }));
    expect(c.TopicPreferences).toEqual([{ TopicName: 'news', SubscriptionStatus: 'OPT_OUT' }]);
    expect(c.UnsubscribeAll).toBe(false);

    const env = await envelope((e) => e['detail-type'] === 'Email Subscribed');
    expect(env).toMatchObject({ source: 'aws.ses', detail: { eventType: 'Subscription', mail: { messageId, destination: ['reader@example.com'] } } });
    const sub = (env.detail as { subscription: Record<string, unknown> }).subscription;
    expect(sub).toEqual({
      contactList: 'newsletter',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      source: 'UnsubscribeHeader',
      newTopicPreferences: { unsubscribeAll: false, topicSubscriptionStatus: [{ topicName: 'news', subscriptionStatus: 'OptOut' }] },
      oldTopicPreferences: { unsubscribeAll: false, topicSubscriptionStatus: [] },
    });
    expect(Object.keys(sub)).toEqual(['contactList', 'timestamp', 'source', 'newTopicPreferences', 'oldTopicPreferences']);
    const onMessage = (await sesame.engine.messages.get(messageId))!.events.filter((e) => e.eventType === 'Subscription');
    expect(onMessage).toHaveLength(1);
  });

  it("the page's 'Unsubscribe from all' sets UnsubscribeAll and records source UnsubscribePage", async () => {
    const html = await (await fetch(url)).text();
    const action = /<form method="post" action="([^"]+)"><button type="submit" data-testid="unsubscribe-all">/.exec(html)![1]!.replace(/&amp;/g, '&');
    const res = await fetch(new URL(action, url), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(res.status).toBe(200);
    expect((await v2.send(new GetContactCommand({ ContactListName: 'newsletter', EmailAddress: 'reader@example.com' }))).UnsubscribeAll).toBe(true);
    const env = await envelope((e) => (e.detail as { subscription?: { source?: string } }).subscription?.source === 'UnsubscribePage');
    expect((env.detail as { subscription: unknown }).subscription).toMatchObject({
      newTopicPreferences: { unsubscribeAll: true, topicSubscriptionStatus: [{ topicName: 'news', subscriptionStatus: 'OptOut' }] },
      oldTopicPreferences: { unsubscribeAll: false, topicSubscriptionStatus: [{ topicName: 'news', subscriptionStatus: 'OptOut' }] },
    });
  });

  it('a later send to the topic skips the opted-out contact; an unknown token is 404', async () => {
    const next = (await send(['reader@example.com', 'keep@example.com'])).MessageId!;
    expect((await sesame.engine.messages.get(next))!.envelope.rcptTo).toEqual(['keep@example.com']);
    const res = await fetch(url.replace(/[^/]+$/, 'AAAAAAAAAAAAAAAAAAAAAA'), { method: 'POST', body: 'List-Unsubscribe=One-Click' });
    expect(res.status).toBe(404);
  });
});
