// SES v2 contact operations (AWS doc "Using list management"): CreateContact, GetContact (TopicPreferences,
// TopicDefaultPreferences, UnsubscribeAll, AttributesData, timestamps), ListContacts (Filter
// {FilteredStatus, TopicFilter{TopicName, UseDefaultIfPreferenceUnavailable}}, PageSize, NextToken in the
// body), UpdateContact, DeleteContact.
// Owns: v2 member names ↔ engine.contacts. Must not: check contacts or preferences (core/contacts does).
import type { ContactFilter, ContactInput, ContactView, SubscriptionStatus, TopicPreference } from '../../../core/contacts/api';
import type { OperationHandler, WireObject } from '../../handler-types';
import { compact } from '../common';

interface WirePreference {
  TopicName: string;
  SubscriptionStatus: string;
}

const toPreferences = (p: WirePreference[] | undefined): TopicPreference[] | undefined =>
  p?.map((x) => ({ topicName: x.TopicName, subscriptionStatus: x.SubscriptionStatus as SubscriptionStatus }));
const wirePreferences = (p: TopicPreference[]) => p.map((x) => ({ TopicName: x.topicName, SubscriptionStatus: x.subscriptionStatus }));

const inputOf = (input: WireObject): ContactInput =>
  compact({
    topicPreferences: toPreferences(input.TopicPreferences as WirePreference[] | undefined),
    unsubscribeAll: input.UnsubscribeAll as boolean | undefined,
    attributesData: input.AttributesData as string | undefined,
  });

export const CreateContact: OperationHandler = (input, ctx) => {
  ctx.engine.contacts.createContact(input.ContactListName as string, input.EmailAddress as string, inputOf(input));
  return {};
};

export const GetContact: OperationHandler = (input, ctx) => {
  const c = ctx.engine.contacts.getContact(input.ContactListName as string, input.EmailAddress as string);
  return compact({
    ContactListName: c.contactListName,
    EmailAddress: c.emailAddress,
    TopicPreferences: wirePreferences(c.topicPreferences),
    TopicDefaultPreferences: wirePreferences(c.topicDefaultPreferences),
    UnsubscribeAll: c.unsubscribeAll,
    AttributesData: c.attributesData ?? undefined,
    CreatedTimestamp: new Date(c.createdAt),
    LastUpdatedTimestamp: new Date(c.updatedAt),
  });
};

const listItem = (c: ContactView) => ({
  EmailAddress: c.emailAddress,
  TopicPreferences: wirePreferences(c.topicPreferences),
  TopicDefaultPreferences: wirePreferences(c.topicDefaultPreferences),
  UnsubscribeAll: c.unsubscribeAll,
  LastUpdatedTimestamp: new Date(c.updatedAt),
});

export const ListContacts: OperationHandler = (input, ctx) => {
  const f = input.Filter as { FilteredStatus?: string; TopicFilter?: { TopicName?: string; UseDefaultIfPreferenceUnavailable?: boolean } } | undefined;
  const filter: ContactFilter | undefined = f
    ? compact({
        filteredStatus: f.FilteredStatus as SubscriptionStatus | undefined,
        topicFilter: f.TopicFilter
          ? compact({ topicName: f.TopicFilter.TopicName, useDefaultIfPreferenceUnavailable: f.TopicFilter.UseDefaultIfPreferenceUnavailable })
          : undefined,
      })
    : undefined;
  const page = ctx.engine.contacts.listContacts(
    input.ContactListName as string,
    compact({ filter, pageSize: input.PageSize as number | undefined, nextToken: input.NextToken as string | undefined }),
  );
  return compact({ Contacts: page.items.map(listItem), NextToken: page.nextToken ?? undefined });
};

export const UpdateContact: OperationHandler = (input, ctx) => {
  ctx.engine.contacts.updateContact(input.ContactListName as string, input.EmailAddress as string, inputOf(input));
  return {};
};

export const DeleteContact: OperationHandler = (input, ctx) => {
  ctx.engine.contacts.deleteContact(input.ContactListName as string, input.EmailAddress as string);
  return {};
};
