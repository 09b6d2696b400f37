// List-Unsubscribe for list management (AWS doc "Using list management"; RFC 8058 one-click): the token behind
// each message's unsubscribe URL (one per message, recipient and topic — a SHA-256 of the three, cut to 22
// base64url characters: opaque and stable, no id drawn from the injected id source), and what following it
// does: the contact (made at send time, or now if deleted since [verify]) is opted out of the
// send's topic (or of everything — when asked, or when the send named no topic), and a `Subscription` event is
// recorded on the message through the outcome scheduler's one path for later events (a step due now, run at
// once — as core/tracking records Open and Click), so event destinations receive it.
// Owns: those rules. Must not: speak HTTP (adapters/aws-endpoint/unsubscribe.ts) or touch MIME.
import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import type { Scheduler } from '../outcomes/api';
import type { ContactsStore, StoredDoc } from '../store/contacts-store';
import type { ContactService, TopicPreference, UnsubscribeToken } from './api';
import { contactView, emailKey, newContact, type ContactDoc, type ListDoc } from './docs';
import { preferencesJson, subscriptionBody } from './subscription-json';

/** Path prefix on the AWS port (adapters/aws-endpoint/unsubscribe.ts serves it). */
export const UNSUBSCRIBE_PREFIX = '/_sesame/unsubscribe/';

export interface UnsubscribeDeps {
  clock: Clock;
  scheduler: Pick<Scheduler, 'recordNow'>;
  store: ContactsStore;
  listOf(name: string): StoredDoc<ListDoc> | undefined;
  awsOrigin(): string;
}

export const unsubscribeToken = (messageId: string, email: string, topic: string | null): string =>
  createHash('sha256').update(`${messageId}\n${emailKey(email)}\n${topic ?? ''}`).digest('base64url').slice(0, 22);

type UnsubscribePart = Pick<ContactService, 'unsubscribeUrl' | 'tokensFor' | 'persistTokens' | 'lookupToken' | 'unsubscribe'>;

export function createUnsubscribe(deps: UnsubscribeDeps): UnsubscribePart {
  const { store, clock } = deps;
  const toToken = (r: { token: string; messageId: string; list: string; topic: string | null; email: string }): UnsubscribeToken => ({
    token: r.token,
    messageId: r.messageId,
    contactListName: r.list,
    topicName: r.topic,
    emailAddress: r.email,
  });

  return {
    unsubscribeUrl: (token) => `${deps.awsOrigin()}${UNSUBSCRIBE_PREFIX}${token}`,
    tokensFor: (messageId, options, recipients) =>
      recipients.map((email) => ({
        token: unsubscribeToken(messageId, email, options.topicName ?? null),
        messageId,
        contactListName: options.contactListName,
        topicName: options.topicName ?? null,
        emailAddress: email,
      })),
    persistTokens(tokens) {
      store.putTokens(tokens.map((t) => ({ token: t.token, messageId: t.messageId, list: t.contactListName, topic: t.topicName, email: t.emailAddress })));
      // A recipient who is not yet a contact becomes one, without preferences (floci: "AWS creates a contact
      // on the list when ListManagementOptions names a recipient that is not yet a contact") [verify].
      const at = clock.now();
      for (const t of tokens) {
        const key = emailKey(t.emailAddress);
        if (!store.getContact(t.contactListName, key)) store.putContact(t.contactListName, key, newContact(t.emailAddress), at);
      }
    },
    lookupToken(token) {
      const r = store.getToken(token);
      return r && toToken(r);
    },
    unsubscribe(token, how) {
      const t = store.getToken(token);
      if (!t) return undefined;
      const list = deps.listOf(t.list);
      if (!list) return undefined;
      const at = clock.now();
      const key = emailKey(t.email);
      const before = store.getContact<ContactDoc>(t.list, key);
      const old: ContactDoc = before?.doc ?? newContact(t.email);
      const topicStillThere = t.topic !== null && list.doc.topics.some((x) => x.topicName === t.topic);
      const all = how.all || !topicStillThere;
      const prefs: TopicPreference[] = all
        ? old.topicPreferences
        : [...old.topicPreferences.filter((p) => p.topicName !== t.topic), { topicName: t.topic!, subscriptionStatus: 'OPT_OUT' }];
      const next: ContactDoc = { ...old, topicPreferences: prefs, unsubscribeAll: old.unsubscribeAll || all };
      store.putContact(t.list, key, next, at);
      const names = new Set(list.doc.topics.map((x) => x.topicName));
      const mine = (ps: readonly TopicPreference[]) => ps.filter((p) => names.has(p.topicName));
      const body = subscriptionBody({
        contactList: t.list,
        timestamp: at,
        source: how.source,
        next: preferencesJson(next.unsubscribeAll, mine(next.topicPreferences)),
        old: preferencesJson(old.unsubscribeAll, mine(old.topicPreferences)),
      });
      const recorded = deps.scheduler.recordNow(t.messageId, { eventType: 'Subscription', timestamp: at, body }, at);
      const after = store.getContact<ContactDoc>(t.list, key)!;
      return { contact: contactView(t.list, list.doc, after), recorded };
    },
  };
}
