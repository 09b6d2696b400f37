// The stored documents of contact lists and contacts, and the reads both contacts.ts and unsubscribe.ts need:
// a contact's view against its list and its status for a topic.
// Owns: those shapes and reads. Must not: store or check anything.
import type { StoredDoc } from '../store/contacts-store';
import type { ContactView, SubscriptionStatus, Topic, TopicPreference } from './api';

export const emailKey = (email: string) => email.trim().toLowerCase();

export interface ListDoc {
  description: string | null;
  topics: Topic[];
  tags: { key: string; value: string }[];
}

export interface ContactDoc {
  emailAddress: string;
  topicPreferences: TopicPreference[];
  unsubscribeAll: boolean;
  attributesData: string | null;
}

/** A contact with no preferences and no attributes (a recipient made a contact, or one not on the list). */
export const newContact = (emailAddress: string): ContactDoc => ({ emailAddress, topicPreferences: [], unsubscribeAll: false, attributesData: null });

/** A contact's view against its list: preferences only for topics the list still has. */
export function contactView(list: string, listDoc: ListDoc, c: StoredDoc<ContactDoc>): ContactView {
  const names = new Set(listDoc.topics.map((t) => t.topicName));
  return {
    contactListName: list,
    emailAddress: c.doc.emailAddress,
    topicPreferences: c.doc.topicPreferences.filter((p) => names.has(p.topicName)),
    // Only topics the contact has no preference for [floci, verified against AWS].
    topicDefaultPreferences: listDoc.topics
      .filter((t) => !c.doc.topicPreferences.some((p) => p.topicName === t.topicName))
      .map((t) => ({ topicName: t.topicName, subscriptionStatus: t.defaultSubscriptionStatus })),
    unsubscribeAll: c.doc.unsubscribeAll,
    attributesData: c.doc.attributesData,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** The contact's status for a topic: its own preference, else (when `useDefault`) the topic's default. */
export function statusFor(listDoc: ListDoc, c: ContactDoc, topic: string, useDefault = true): SubscriptionStatus | null {
  const own = c.topicPreferences.find((p) => p.topicName === topic);
  if (own) return own.subscriptionStatus;
  return useDefault ? (listDoc.topics.find((t) => t.topicName === topic)?.defaultSubscriptionStatus ?? null) : null;
}

