// Contact lists and contacts (SES v2 CreateContactList … DeleteContact; AWS doc "Using list management"):
// one list per account (LimitExceededException on a second [verify]), topics with a default subscription
// status, contacts keyed case-insensitively by address with their own topic preferences and UnsubscribeAll,
// ListContacts' FilteredStatus/TopicFilter, and whether a send with ListManagementOptions reaches a recipient.
// The unsubscribe side (tokens, one-click, the Subscription event) is unsubscribe.ts; both make one service.
// Owns: those rules. Must not: speak HTTP or a wire format, or touch the send pipeline (sending/list-management.ts).
import type { Clock } from '../clock';
import type { DomainBus } from '../engine-api';
import { contactErrors, errors } from '../errors';
import { CONTACT_LISTS_PER_ACCOUNT, CONTACTS_PAGE_DEFAULT, CONTACTS_PAGE_MAX, TOPICS_PER_CONTACT_LIST } from '../limits';
import type { Scheduler } from '../outcomes/api';
import type { Db } from '../store/database';
import { createContactsStore, type StoredDoc } from '../store/contacts-store';
import type { ContactInput, ContactListView, ContactService, SubscriptionStatus, Topic, TopicPreference } from './api';
import { contactView, emailKey, newContact, statusFor, type ContactDoc, type ListDoc } from './docs';
import { createUnsubscribe } from './unsubscribe';

export interface ContactsDeps {
  db: Db;
  clock: Clock;
  bus: DomainBus;
  scheduler: Pick<Scheduler, 'recordNow'>;
  /** Sesame's AWS origin (no trailing slash), read when a List-Unsubscribe URL is written. */
  awsOrigin(): string;
}

const STATUSES: readonly string[] = ['OPT_IN', 'OPT_OUT'];

function checkStatus(path: string, value: string): SubscriptionStatus {
  if (!STATUSES.includes(value)) throw contactErrors.invalidStatus(path);
  return value as SubscriptionStatus;
}

function checkTopics(topics: readonly Topic[]): Topic[] {
  if (topics.length > TOPICS_PER_CONTACT_LIST) throw contactErrors.tooManyTopics(TOPICS_PER_CONTACT_LIST);
  topics.forEach((t, i) => checkStatus(`topics.${i + 1}.member.defaultSubscriptionStatus`, t.defaultSubscriptionStatus));
  const seen = new Set<string>();
  return topics.map((t) => {
    if (!t.topicName.trim()) throw contactErrors.blank('TopicName');
    if (seen.has(t.topicName)) throw contactErrors.duplicateTopic();
    seen.add(t.topicName);
    const status = t.defaultSubscriptionStatus;
    return { topicName: t.topicName, displayName: t.displayName, ...(t.description !== undefined ? { description: t.description } : {}), defaultSubscriptionStatus: status };
  });
}

/** Checks preferences and merges them by topic name over `base` (UpdateContact merges [floci, verified]). */
function checkPreferences(name: string, list: ListDoc, prefs: readonly TopicPreference[], base: readonly TopicPreference[] = []): TopicPreference[] {
  prefs.forEach((p, i) => checkStatus(`topicPreferences.${i + 1}.member.subscriptionStatus`, p.subscriptionStatus));
  const byName = new Map<string, TopicPreference>(base.map((p) => [p.topicName, p]));
  for (const p of prefs) {
    if (!list.topics.some((t) => t.topicName === p.topicName)) throw contactErrors.unknownTopic(name, p.topicName);
    byName.set(p.topicName, { topicName: p.topicName, subscriptionStatus: p.subscriptionStatus });
  }
  return [...byName.values()];
}

const pageSizeOf = (n: number | undefined) => Math.min(Math.max(n ?? CONTACTS_PAGE_DEFAULT, 1), CONTACTS_PAGE_MAX);
const encodeToken = (key: string) => Buffer.from(key, 'utf8').toString('base64url');
function decodeToken(token: string): string {
  const key = Buffer.from(token, 'base64url').toString('utf8');
  if (!key || encodeToken(key) !== token) throw errors.invalidNextToken(token);
  return key;
}

export function createContacts(deps: ContactsDeps): ContactService {
  const store = createContactsStore(deps.db);
  deps.bus.on('messages.deleted', ({ ids }) => store.forget(ids));

  const listOf = (name: string): StoredDoc<ListDoc> => {
    const l = store.getList<ListDoc>(name);
    if (!l) throw contactErrors.listNotFound(name);
    return l;
  };
  const contactOf = (list: string, email: string): StoredDoc<ContactDoc> => {
    const c = store.getContact<ContactDoc>(list, emailKey(email));
    if (!c) throw contactErrors.contactNotFound(email);
    return c;
  };
  const view = (l: StoredDoc<ListDoc>): ContactListView => ({ name: l.key, ...l.doc, createdAt: l.createdAt, updatedAt: l.updatedAt });
  // UpdateContact: TopicPreferences merge by topic (omitted: kept); UnsubscribeAll and AttributesData are
  // replaced (omitted: reset to false / cleared) [floci, verified against AWS].
  const docOf = (list: string, l: ListDoc, email: string, input: ContactInput, base?: ContactDoc): ContactDoc => ({
    emailAddress: base?.emailAddress ?? email,
    topicPreferences: input.topicPreferences ? checkPreferences(list, l, input.topicPreferences, base?.topicPreferences) : (base?.topicPreferences ?? []),
    unsubscribeAll: input.unsubscribeAll ?? false,
    attributesData: input.attributesData ?? null,
  });

  const unsubscribe = createUnsubscribe({ ...deps, store, listOf: (n) => store.getList<ListDoc>(n) });

  return {
    createContactList({ name, topics, description, tags }) {
      if (!name.trim()) throw contactErrors.blank('ContactListName');
      const doc: ListDoc = { description: description ?? null, topics: checkTopics(topics ?? []), tags: tags ?? [] };
      // The per-account limit comes before the name check: a second create of the same name is this error too.
      if (store.countLists() >= CONTACT_LISTS_PER_ACCOUNT) throw contactErrors.tooManyLists(CONTACT_LISTS_PER_ACCOUNT);
      if (store.getList(name)) throw contactErrors.listAlreadyExists(name);
      store.putList(name, doc, deps.clock.now());
    },
    getContactList: (name) => view(listOf(name)),
    listContactLists(query = {}) {
      const size = pageSizeOf(query.pageSize);
      const rows = store.lists<ListDoc>(query.nextToken ? decodeToken(query.nextToken) : '', size + 1);
      const items = rows.slice(0, size).map(view);
      return { items, nextToken: rows.length > size ? encodeToken(items[items.length - 1]!.name) : null };
    },
    updateContactList(name, patch) {
      const l = listOf(name);
      const doc: ListDoc = {
        ...l.doc,
        ...(patch.topics ? { topics: checkTopics(patch.topics) } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
      };
      store.putList(name, doc, deps.clock.now());
    },
    deleteContactList(name) {
      if (!store.deleteList(name)) throw contactErrors.listNotFound(name);
    },

    createContact(list, email, input) {
      if (!email.trim()) throw contactErrors.blank('EmailAddress');
      const l = listOf(list);
      const doc = docOf(list, l.doc, email, input);
      if (store.getContact(list, emailKey(email))) throw contactErrors.contactAlreadyExists(email);
      store.putContact(list, emailKey(email), doc, deps.clock.now());
    },
    getContact: (list, email) => contactView(list, listOf(list).doc, contactOf(list, email)),
    listContacts(list, query = {}) {
      const l = listOf(list);
      const size = pageSizeOf(query.pageSize);
      const f = query.filter;
      const topic = f?.topicFilter?.topicName;
      const keep = (c: ContactDoc): boolean => {
        if (!f?.filteredStatus) return true;
        // With a topic: the contact's status for it; without: OPT_OUT means UnsubscribeAll [verify].
        if (topic) return statusFor(l.doc, c, topic, f.topicFilter?.useDefaultIfPreferenceUnavailable ?? false) === f.filteredStatus;
        return (f.filteredStatus === 'OPT_OUT') === c.unsubscribeAll;
      };
      const all = store.contacts<ContactDoc>(list, query.nextToken ? decodeToken(query.nextToken) : '').filter((c) => keep(c.doc));
      const items = all.slice(0, size);
      return {
        items: items.map((c) => contactView(list, l.doc, c)),
        nextToken: all.length > size ? encodeToken(items[items.length - 1]!.key) : null,
      };
    },
    updateContact(list, email, input) {
      const l = listOf(list);
      const c = contactOf(list, email);
      store.putContact(list, c.key, docOf(list, l.doc, email, input, c.doc), deps.clock.now());
    },
    deleteContact(list, email) {
      listOf(list);
      if (!store.deleteContact(list, emailKey(email))) throw contactErrors.contactNotFound(email);
    },

    wants(options, email) {
      const l = listOf(options.contactListName);
      if (options.topicName && !l.doc.topics.some((t) => t.topicName === options.topicName)) {
        throw contactErrors.topicNotFound(options.topicName, options.contactListName);
      }
      const c = store.getContact<ContactDoc>(options.contactListName, emailKey(email));
      if (c?.doc.unsubscribeAll) return false;
      if (!options.topicName) return true;
      // No contact, or no preference: the topic's default decides.
      const status = c ? statusFor(l.doc, c.doc, options.topicName) : statusFor(l.doc, newContact(email), options.topicName);
      return status !== 'OPT_OUT';
    },
    ...unsubscribe,
    reset: () => store.clear(),
  };
}
