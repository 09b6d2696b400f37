// SNS topic actions: CreateTopic (idempotent by name; Attributes, Tags), DeleteTopic, ListTopics
// (NextToken paging), GetTopicAttributes, SetTopicAttributes.
// Owns: the wire shapes (`Attributes` map, `Tags` [{Key, Value}], `Topics` [{TopicArn}]) and the attributes
// SNS computes on read (Owner, Policy default, subscription counts, EffectiveDeliveryPolicy).
// Must not: decide anything (core/sns does).
import { snsErrors } from '../../../core/errors';
import { DEFAULT_EFFECTIVE_DELIVERY_POLICY, defaultTopicPolicy } from '../../../core/sns/attributes';
import type { OperationHandler } from '../../handler-types';
import { fromKeyTags, toKeyTags, type WireKeyTag } from '../common';
import { topicArnOf } from './arns';

export const CreateTopic: OperationHandler = (input, ctx) => {
  const attributes = { ...(input.Attributes as Record<string, string> | undefined) };
  if (typeof input.DataProtectionPolicy === 'string') attributes.DataProtectionPolicy = input.DataProtectionPolicy;
  const tags = toKeyTags(input.Tags as WireKeyTag[] | undefined);
  const topic = ctx.engine.sns.createTopic({
    name: input.Name as string,
    ...(input.Attributes !== undefined || input.DataProtectionPolicy !== undefined ? { attributes } : {}),
    ...(tags ? { tags } : {}),
  });
  return { TopicArn: topic.topicArn };
};

export const DeleteTopic: OperationHandler = (input, ctx) => {
  ctx.engine.sns.deleteTopic(topicArnOf(input));
};

export const ListTopics: OperationHandler = (input, ctx) => {
  const page = ctx.engine.sns.listTopics(input.NextToken as string | undefined);
  return { Topics: page.items.map((t) => ({ TopicArn: t.topicArn })), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};

export const GetTopicAttributes: OperationHandler = (input, ctx) => {
  const topic = ctx.engine.sns.getTopic(topicArnOf(input));
  if (!topic) throw snsErrors.topicNotFound();
  const { engine } = ctx;
  return {
    Attributes: {
      Policy: defaultTopicPolicy(topic.topicArn, engine.accountId),
      Owner: engine.accountId,
      SubscriptionsPending: String(topic.subscriptionsPending),
      TopicArn: topic.topicArn,
      EffectiveDeliveryPolicy: DEFAULT_EFFECTIVE_DELIVERY_POLICY,
      SubscriptionsConfirmed: String(topic.subscriptionsConfirmed),
      DisplayName: '',
      SubscriptionsDeleted: String(topic.subscriptionsDeleted),
      ...topic.attributes,
    },
  };
};

export const SetTopicAttributes: OperationHandler = (input, ctx) => {
  ctx.engine.sns.setTopicAttribute(topicArnOf(input), input.AttributeName as string, (input.AttributeValue as string | undefined) ?? '');
};

export const TagResource: OperationHandler = (input, ctx) => {
  const tags = toKeyTags(input.Tags as WireKeyTag[]);
  ctx.engine.sns.tagTopic(topicArnOf(input, 'ResourceArn'), tags);
  return {};
};

export const UntagResource: OperationHandler = (input, ctx) => {
  ctx.engine.sns.untagTopic(topicArnOf(input, 'ResourceArn'), input.TagKeys as string[]);
  return {};
};

export const ListTagsForResource: OperationHandler = (input, ctx) => {
  const topic = ctx.engine.sns.getTopic(topicArnOf(input, 'ResourceArn'));
  if (!topic) throw snsErrors.resourceNotFound();
  return { Tags: fromKeyTags(topic.tags) };
};
