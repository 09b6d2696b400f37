// SNS (Query) operation handlers, keyed by exact AWS action name: the topic, subscription and Publish
// actions SES users need to receive notifications. Every other SNS action (platform applications, SMS,
// PublishBatch, permissions, data protection) answers 501 NotImplemented naming it, which the README
// coverage table shows.
// Must not: hold handler code (one small file per operation or group).
import type { HandlerRegistry } from '../../handler-types';
import { Publish } from './publish';
import {
  ConfirmSubscription,
  GetSubscriptionAttributes,
  ListSubscriptions,
  ListSubscriptionsByTopic,
  SetSubscriptionAttributes,
  Subscribe,
  Unsubscribe,
} from './subscriptions';
import {
  CreateTopic,
  DeleteTopic,
  GetTopicAttributes,
  ListTagsForResource,
  ListTopics,
  SetTopicAttributes,
  TagResource,
  UntagResource,
} from './topics';

export const snsHandlers: HandlerRegistry = {
  CreateTopic,
  DeleteTopic,
  ListTopics,
  GetTopicAttributes,
  SetTopicAttributes,
  Subscribe,
  ConfirmSubscription,
  Unsubscribe,
  ListSubscriptions,
  ListSubscriptionsByTopic,
  GetSubscriptionAttributes,
  SetSubscriptionAttributes,
  Publish,
  TagResource,
  UntagResource,
  ListTagsForResource,
};
