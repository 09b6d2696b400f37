// Contact lists and list management in the engine: list and contact CRUD with SES's refusals, ListContacts'
// filters and pages, a send with ListManagementOptions (List-Unsubscribe headers, opted-out recipients
// dropped), and the one-click unsubscribe that updates the contact and records `Subscription`.
import { describe, expect, it } from 'vitest';
import type { ContactService } from '../../../src-main/core/contacts/api';
import { makeEngine, refusal, simpleRequest, T0 } from './helpers';

const ORIGIN = 'http://127.0.0.1:4566';
const TOPICS = [
  { topicName: 'news', displayName: 'News', defaultSubscriptionStatus: 'OPT_IN' as const },
  { topicName: 'deals', displayName: 'Deals', description: 'Offers', defaultSubscriptionStatus: 'OPT_OUT' as const },
];

function setup() {
  const t = makeEngine({ publicUrls: { aws: () => ORIGIN } });
  t.engine.contacts.createContactList({ name: 'list1', topics: TOPICS, description: 'd' });
  return t;
}

const code = async (fn: () => unknown) => (await refusal(Promise.resolve().then(fn))).wire.v2;

describe('contact lists', () => {
  it('creates, reads, lists, updates and deletes a list; one list per account', async () => {
    const { engine, clock } = setup();
    const l = engine.contacts.getContactList('list1');
    expect(l).toMatchObject({ name: 'list1', description: 'd', topics: TOPICS, createdAt: T0, updatedAt: T0 });
    // The per-account limit comes first: the same name again is refused the same way (floci, verified against AWS).
    for (const name of ['list1', 'list2']) {
      const err = await refusal(Promise.resolve().then(() => engine.contacts.createContactList({ name })));
      expect([err.wire.v2, err.message]).toEqual(['BadRequestException', 'A maximum of 1 Lists allowed per account.']);
    }
    clock.advance(1000);
    engine.contacts.updateContactList('list1', { description: 'e', topics: [TOPICS[0]!] });
    expect(engine.contacts.getContactList('list1')).toMatchObject({ description: 'e', topics: [TOPICS[0]], updatedAt: T0 + 1000 });
    expect(engine.contacts.listContactLists().items.map((x) => x.name)).toEqual(['list1']);
    engine.contacts.deleteContactList('list1');
    expect(await code(() => engine.contacts.getContactList('list1'))).toBe('NotFoundException');
    expect(await code(() => engine.contacts.deleteContactList('list1'))).toBe('NotFoundException');
    engine.contacts.createContactList({ name: 'list2' });
  });

  it('refuses a bad default status and duplicate topics', async () => {
    const { engine } = makeEngine();
    expect(await code(() => engine.contacts.createContactList({ name: 'x', topics: [{ ...TOPICS[0]!, defaultSubscriptionStatus: 'MAYBE' as 'OPT_IN' }] }))).toBe('BadRequestException');
    expect(await code(() => engine.contacts.createContactList({ name: 'x', topics: [TOPICS[0]!, TOPICS[0]!] }))).toBe('BadRequestException');
  });
});

describe('contacts', () => {
  it('CRUD, case-insensitive address, defaults reported, unknown topic refused', async () => {
    const { engine } = setup();
    engine.contacts.createContact('list1', 'Ann@example.com', { topicPreferences: [{ topicName: 'deals', subscriptionStatus: 'OPT_IN' }], attributesData: '{"a":1}' });
    expect(await code(() => engine.contacts.createContact('list1', 'ann@example.com', {}))).toBe('AlreadyExistsException');
    expect((await refusal(Promise.resolve().then(() => engine.contacts.getContact('list1', 'zed@example.com')))).message).toBe("zed@example.com doesn't exist in List.");
    expect(await code(() => engine.contacts.createContact('nope', 'a@example.com', {}))).toBe('NotFoundException');
    expect(await code(() => engine.contacts.createContact('list1', 'b@example.com', { topicPreferences: [{ topicName: 'zzz', subscriptionStatus: 'OPT_IN' }] }))).toBe(
      'BadRequestException',
    );
    const c = engine.contacts.getContact('list1', 'ann@EXAMPLE.com');
    expect(c).toMatchObject({
      emailAddress: 'Ann@example.com',
      topicPreferences: [{ topicName: 'deals', subscriptionStatus: 'OPT_IN' }],
      topicDefaultPreferences: [{ topicName: 'news', subscriptionStatus: 'OPT_IN' }],
      unsubscribeAll: false,
      attributesData: '{"a":1}',
    });
    // UpdateContact merges preferences by topic; UnsubscribeAll and AttributesData are replaced (omitted: reset).
    engine.contacts.updateContact('list1', 'ann@example.com', { unsubscribeAll: true, topicPreferences: [{ topicName: 'news', subscriptionStatus: 'OPT_OUT' }] });
    expect(engine.contacts.getContact('list1', 'ann@example.com')).toMatchObject({
      unsubscribeAll: true,
      attributesData: null,
      topicPreferences: [
        { topicName: 'deals', subscriptionStatus: 'OPT_IN' },
        { topicName: 'news', subscriptionStatus: 'OPT_OUT' },
      ],
      topicDefaultPreferences: [],
    });
    engine.contacts.updateContact('list1', 'ann@example.com', {});
    expect(engine.contacts.getContact('list1', 'ann@example.com').unsubscribeAll).toBe(false);
    engine.contacts.deleteContact('list1', 'ann@example.com');
    expect(await code(() => engine.contacts.getContact('list1', 'ann@example.com'))).toBe('NotFoundException');
    expect(await code(() => engine.contacts.updateContact('list1', 'ann@example.com', {}))).toBe('NotFoundException');
  });

  it('ListContacts filters by topic status (with or without defaults) and pages', () => {
    const { engine } = setup();
    const c: ContactService = engine.contacts;
    c.createContact('list1', 'a@example.com', { topicPreferences: [{ topicName: 'deals', subscriptionStatus: 'OPT_IN' }] });
    c.createContact('list1', 'b@example.com', {});
    c.createContact('list1', 'c@example.com', { unsubscribeAll: true, topicPreferences: [{ topicName: 'deals', subscriptionStatus: 'OPT_OUT' }] });
    const names = (q: Parameters<ContactService['listContacts']>[1]) => c.listContacts('list1', q).items.map((x) => x.emailAddress);
    expect(names({})).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    expect(names({ filter: { filteredStatus: 'OPT_IN', topicFilter: { topicName: 'deals' } } })).toEqual(['a@example.com']);
    expect(names({ filter: { filteredStatus: 'OPT_OUT', topicFilter: { topicName: 'deals' } } })).toEqual(['c@example.com']);
    expect(names({ filter: { filteredStatus: 'OPT_OUT', topicFilter: { topicName: 'deals', useDefaultIfPreferenceUnavailable: true } } })).toEqual([
      'b@example.com',
      'c@example.com',
    ]);
    expect(names({ filter: { filteredStatus: 'OPT_OUT' } })).toEqual(['c@example.com']);
    const p1 = c.listContacts('list1', { pageSize: 2 });
    expect(p1.items).toHaveLength(2);
    const p2 = c.listContacts('list1', { pageSize: 2, nextToken: p1.nextToken! });
    expect(p2.items.map((x) => x.emailAddress)).toEqual(['c@example.com']);
    expect(p2.nextToken).toBeNull();
  });
});

describe('sending with ListManagementOptions', () => {
  it('needs an existing list and topic', async () => {
    const { engine } = setup();
    expect((await refusal(engine.sending.send(simpleRequest({ listManagement: { contactListName: 'nope' } })))).wire.v2).toBe('NotFoundException');
    expect((await refusal(engine.sending.send(simpleRequest({ listManagement: { contactListName: 'list1', topicName: 'zzz' } })))).wire.v2).toBe('NotFoundException');
  });

  it('adds List-Unsubscribe headers; one-click records Subscription and the next send skips the contact', async () => {
    const { engine, clock } = setup();
    const lm = { contactListName: 'list1', topicName: 'news' };
    const { messageId } = await engine.sending.send(simpleRequest({ destination: { to: ['to@example.com'] }, listManagement: lm }));
    const raw = (await engine.messages.raw(messageId))!.toString();
    const m = /List-Unsubscribe: <http:\/\/127\.0\.0\.1:4566\/_sesame\/unsubscribe\/([A-Za-z0-9_-]{22})>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n/.exec(raw);
    expect(m).not.toBeNull();
    const token = m![1]!;
    expect(engine.contacts.lookupToken(token)).toEqual({ token, messageId, contactListName: 'list1', topicName: 'news', emailAddress: 'to@example.com' });

    clock.advance(5000);
    const done = engine.contacts.unsubscribe(token, { all: false, source: 'UnsubscribeHeader' });
    expect(done?.recorded).toBe(true);
    expect(done?.contact).toMatchObject({ emailAddress: 'to@example.com', unsubscribeAll: false, topicPreferences: [{ topicName: 'news', subscriptionStatus: 'OPT_OUT' }] });
    const events = (await engine.messages.get(messageId))!.events;
    const sub = events.find((e) => e.eventType === 'Subscription')!;
    expect(sub.payload).toMatchObject({
      eventType: 'Subscription',
      mail: { messageId },
      subscription: {
        contactList: 'list1',
        timestamp: new Date(T0 + 5000).toISOString(),
        source: 'UnsubscribeHeader',
        newTopicPreferences: { unsubscribeAll: false, topicSubscriptionStatus: [{ topicName: 'news', subscriptionStatus: 'OptOut' }] },
        oldTopicPreferences: { unsubscribeAll: false, topicSubscriptionStatus: [] },
      },
    });
    expect(Object.keys((sub.payload as { subscription: object }).subscription)).toEqual(['contactList', 'timestamp', 'source', 'newTopicPreferences', 'oldTopicPreferences']);

    const next = await engine.sending.send(simpleRequest({ destination: { to: ['to@example.com', 'other@example.com'] }, listManagement: lm }));
    const detail = (await engine.messages.get(next.messageId))!;
    expect(detail.envelope.rcptTo).toEqual(['other@example.com']);
    // Another topic still reaches the contact; `all` then stops everything.
    const deals = await engine.sending.send(simpleRequest({ destination: { to: ['to@example.com'] }, listManagement: { contactListName: 'list1' } }));
    expect((await engine.messages.get(deals.messageId))!.envelope.rcptTo).toEqual(['to@example.com']);
    const t2 = engine.contacts.tokensFor(deals.messageId, { contactListName: 'list1' }, ['to@example.com'])[0]!.token;
    expect(engine.contacts.unsubscribe(t2, { all: false, source: 'UnsubscribeHeader' })?.contact.unsubscribeAll).toBe(true);
    const after = await engine.sending.send(simpleRequest({ destination: { to: ['to@example.com'] }, listManagement: { contactListName: 'list1' } }));
    expect((await engine.messages.get(after.messageId))!.envelope.rcptTo).toEqual([]);
  });

  it('replaces {{amazonSESUnsubscribeUrl}} in the HTML part with the List-Unsubscribe URL', async () => {
    const { engine } = setup();
    const html = '<html><body><a href="{{amazonSESUnsubscribeUrl}}">Unsubscribe</a></body></html>';
    const { messageId } = await engine.sending.send(
      simpleRequest({ listManagement: { contactListName: 'list1' }, content: { kind: 'simple', subject: { data: 'S' }, html: { data: html } } }),
    );
    const token = engine.contacts.tokensFor(messageId, { contactListName: 'list1' }, ['to@example.com'])[0]!.token;
    expect((await engine.messages.get(messageId))!.html).toContain(`<a href="${ORIGIN}/_sesame/unsubscribe/${token}">Unsubscribe</a>`);
  });

  it('a topic whose default is OPT_OUT skips recipients without a preference', async () => {
    const { engine } = setup();
    engine.contacts.createContact('list1', 'yes@example.com', { topicPreferences: [{ topicName: 'deals', subscriptionStatus: 'OPT_IN' }] });
    const r = await engine.sending.send(simpleRequest({ destination: { to: ['yes@example.com', 'no@example.com'] }, listManagement: { contactListName: 'list1', topicName: 'deals' } }));
    expect((await engine.messages.get(r.messageId))!.envelope.rcptTo).toEqual(['yes@example.com']);
  });

  it('deleting the message forgets its tokens; unsubscribing with an unknown token does nothing', async () => {
    const { engine } = setup();
    const { messageId } = await engine.sending.send(simpleRequest({ listManagement: { contactListName: 'list1', topicName: 'news' } }));
    const token = engine.contacts.tokensFor(messageId, { contactListName: 'list1', topicName: 'news' }, ['to@example.com'])[0]!.token;
    expect(engine.contacts.lookupToken(token)).toBeDefined();
    engine.messages.delete([messageId]);
    expect(engine.contacts.lookupToken(token)).toBeUndefined();
    expect(engine.contacts.unsubscribe(token, { all: true, source: 'UnsubscribeHeader' })).toBeUndefined();
    // The recipient became a contact at send time, and stays untouched.
    expect(engine.contacts.listContacts('list1').items).toMatchObject([{ emailAddress: 'to@example.com', topicPreferences: [], unsubscribeAll: false }]);
  });

  it('reset removes lists and contacts', async () => {
    const { engine } = setup();
    engine.reset();
    expect((await refusal(Promise.resolve().then(() => engine.contacts.getContactList('list1')))).wire.v2).toBe('NotFoundException');
  });
});
