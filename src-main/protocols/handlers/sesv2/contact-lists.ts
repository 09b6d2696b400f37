// SES v2 contact list operations (AWS doc "Using list management"): CreateContactList (Topics, Description,
// Tags; one list per account), GetContactList, ListContactLists (PageSize/NextToken in the query,
// `ContactLists[{ContactListName, LastUpdatedTimestamp}]`), UpdateContactList, DeleteContactList.
// Owns: v2 member names ↔ engine.contacts. Must not: check lists or topics (core/contacts does).
import type { SubscriptionStatus, Topic } from '../../../core/contacts/api';
import type { OperationHandler } from '../../handler-types';
import { compact, fromKeyTags, toKeyTags, type WireKeyTag } from '../common';

interface WireTopic {
  TopicName: string;
  DisplayName: string;
  Description?: string;
  DefaultSubscriptionStatus: string;
}

const toTopics = (topics: WireTopic[] | undefined): Topic[] | undefined =>
  topics?.map((t) =>
    compact({
      topicName: t.TopicName,
      displayName: t.DisplayName,
      description: t.Description,
      defaultSubscriptionStatus: t.DefaultSubscriptionStatus as SubscriptionStatus,
    }),
  );

export const CreateContactList: OperationHandler = (input, ctx) => {
  const tags = input.Tags as WireKeyTag[] | undefined;
  ctx.engine.contacts.createContactList(
    compact({
      name: input.ContactListName as string,
      topics: toTopics(input.Topics as WireTopic[] | undefined),
      description: input.Description as string | undefined,
      tags: toKeyTags(tags),
    }),
  );
  return {};
};

export const GetContactList: OperationHandler = (input, ctx) => {
  const l = ctx.engine.contacts.getContactList(input.ContactListName as string);
  return compact({
    ContactListName: l.name,
    Topics: l.topics.map((t) =>
      compact({ TopicName: t.topicName, DisplayName: t.displayName, Description: t.description, DefaultSubscriptionStatus: t.defaultSubscriptionStatus }),
    ),
    Description: l.description ?? undefined,
    CreatedTimestamp: new Date(l.createdAt),
    LastUpdatedTimestamp: new Date(l.updatedAt),
    Tags: fromKeyTags(l.tags),
  });
};

export const ListContactLists: OperationHandler = (input, ctx) => {
  const page = ctx.engine.contacts.listContactLists(
    compact({ pageSize: input.PageSize as number | undefined, nextToken: input.NextToken as string | undefined }),
  );
  return compact({
    ContactLists: page.items.map((l) => ({ ContactListName: l.name, LastUpdatedTimestamp: new Date(l.updatedAt) })),
    NextToken: page.nextToken ?? undefined,
  });
};

export const UpdateContactList: OperationHandler = (input, ctx) => {
  ctx.engine.contacts.updateContactList(
    input.ContactListName as string,
    compact({ topics: toTopics(input.Topics as WireTopic[] | undefined), description: input.Description as string | undefined }),
  );
  return {};
};

export const DeleteContactList: OperationHandler = (input, ctx) => {
  ctx.engine.contacts.deleteContactList(input.ContactListName as string);
  return {};
};
