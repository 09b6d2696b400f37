// Contact lists and list management (SES v2; AWS doc "Using list management", ses-facts §A.2, §A.5.2):
// an account's contact list with its topics, the contacts on it with their topic preferences, what a send
// with ListManagementOptions does to each recipient, and the one-click unsubscribe that records SES's
// `Subscription` event.
// Owns: the shapes and the service interface (contacts/contacts.ts, contacts/unsubscribe.ts implement it).
// Must not: hold behaviour.

export type SubscriptionStatus = 'OPT_IN' | 'OPT_OUT';

export interface Topic {
  topicName: string;
  displayName: string;
  description?: string;
  defaultSubscriptionStatus: SubscriptionStatus;
}

export interface TopicPreference {
  topicName: string;
  subscriptionStatus: SubscriptionStatus;
}

export interface ContactListView {
  name: string;
  description: string | null;
  topics: Topic[];
  tags: { key: string; value: string }[];
  createdAt: number;
  updatedAt: number;
}

export interface ContactView {
  contactListName: string;
  emailAddress: string;
  /** The contact's own preferences (only topics the list still has). */
  topicPreferences: TopicPreference[];
  /** The list's topics the contact has no preference for, with their defaults (GetContact's TopicDefaultPreferences). */
  topicDefaultPreferences: TopicPreference[];
  unsubscribeAll: boolean;
  attributesData: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ContactInput {
  topicPreferences?: TopicPreference[];
  unsubscribeAll?: boolean;
  attributesData?: string;
}

export interface ContactFilter {
  filteredStatus?: SubscriptionStatus;
  topicFilter?: { topicName?: string; useDefaultIfPreferenceUnavailable?: boolean };
}

export interface Page<T> {
  items: T[];
  nextToken: string | null;
}

/** What the List-Unsubscribe URL's token stands for (one per message, recipient and topic). */
export interface UnsubscribeToken {
  token: string;
  messageId: string;
  contactListName: string;
  topicName: string | null;
  emailAddress: string;
}

/** What an unsubscribe did: the contact afterwards and whether a Subscription event was recorded. */
export interface UnsubscribeResult {
  contact: ContactView;
  recorded: boolean;
}

/** SendEmail's ListManagementOptions. */
export interface ListManagementOptions {
  contactListName: string;
  topicName?: string;
}

export interface ContactService {
  createContactList(input: { name: string; topics?: Topic[]; description?: string; tags?: { key: string; value: string }[] }): void;
  getContactList(name: string): ContactListView;
  listContactLists(query?: { pageSize?: number; nextToken?: string }): Page<ContactListView>;
  updateContactList(name: string, patch: { topics?: Topic[]; description?: string }): void;
  deleteContactList(name: string): void;

  createContact(list: string, email: string, input: ContactInput): void;
  getContact(list: string, email: string): ContactView;
  listContacts(list: string, query?: { filter?: ContactFilter; pageSize?: number; nextToken?: string }): Page<ContactView>;
  updateContact(list: string, email: string, input: ContactInput): void;
  deleteContact(list: string, email: string): void;

  /** Whether a send with these options reaches `email` (throws NotFound for a missing list or topic). */
  wants(options: ListManagementOptions, email: string): boolean;
  /** The List-Unsubscribe URL of a token. */
  unsubscribeUrl(token: string): string;
  /** Tokens for a message's recipients (pure; `persistTokens` stores them in the caller's transaction). */
  tokensFor(messageId: string, options: ListManagementOptions, recipients: readonly string[]): UnsubscribeToken[];
  persistTokens(tokens: readonly UnsubscribeToken[]): void;
  lookupToken(token: string): UnsubscribeToken | undefined;
  /**
   * Unsubscribes the token's recipient (from its topic, or from everything with `all` or when the send named
   * no topic), creating the contact when needed, and records `Subscription` on the message. Undefined for an
   * unknown token or a list that no longer exists.
   */
  unsubscribe(token: string, how: { all: boolean; source: string }): UnsubscribeResult | undefined;
  /** Every list and contact gone (engine.reset). */
  reset(): void;
}
