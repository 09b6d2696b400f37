// The `subscription` object of SES's `Subscription` event (ses-facts §A.5.2; AWS doc
// event-publishing-retrieving-sns-contents): `{contactList, timestamp, source, newTopicPreferences,
// oldTopicPreferences}`, each preferences object `{unsubscribeAll, topicSubscriptionStatus: [{topicName,
// subscriptionStatus: "OptIn"|"OptOut"}]}`. The topics listed are the contact's own preferences (the ones
// GetContact reports as TopicPreferences) [verify: whether SES also lists topics left at their default].
// Owns: that shape. Must not: decide preferences (contacts/unsubscribe.ts does).
import type { TopicPreference } from './api';

export interface SubscriptionPreferences {
  unsubscribeAll: boolean;
  topicSubscriptionStatus: { topicName: string; subscriptionStatus: 'OptIn' | 'OptOut' }[];
}

export interface SubscriptionObject {
  contactList: string;
  timestamp: string;
  source: string;
  newTopicPreferences: SubscriptionPreferences;
  oldTopicPreferences: SubscriptionPreferences;
}

export const preferencesJson = (unsubscribeAll: boolean, prefs: readonly TopicPreference[]): SubscriptionPreferences => ({
  unsubscribeAll,
  topicSubscriptionStatus: prefs.map((p) => ({ topicName: p.topicName, subscriptionStatus: p.subscriptionStatus === 'OPT_IN' ? 'OptIn' : 'OptOut' })),
});

export function subscriptionBody(s: {
  contactList: string;
  timestamp: number;
  source: string;
  next: SubscriptionPreferences;
  old: SubscriptionPreferences;
}): { subscription: SubscriptionObject } {
  return {
    subscription: {
      contactList: s.contactList,
      timestamp: new Date(s.timestamp).toISOString(),
      source: s.source,
      newTopicPreferences: s.next,
      oldTopicPreferences: s.old,
    },
  };
}
