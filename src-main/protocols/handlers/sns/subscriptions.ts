// SNS subscription actions: Subscribe (ReturnSubscriptionArn; `pending confirmation` while unconfirmed),
// ConfirmSubscription (also reached by GETting a SubscribeURL), Unsubscribe, ListSubscriptions,
// ListSubscriptionsByTopic, GetSubscriptionAttributes, SetSubscriptionAttributes.
// Owns: the wire shapes (`Subscriptions` [{SubscriptionArn, Owner, Protocol, Endpoint, TopicArn}], the
// attributes map SNS reports). Must not: decide anything (core/sns does).
import type { SubscriptionView } from '../../../core/sns/api';
import { snsErrors } from '../../../core/errors';
import { DEFAULT_EFFECTIVE_DELIVERY_POLICY } from '../../../core/sns/attributes';
import type { HandlerContext, OperationHandler, WireObject } from '../../handler-types';
import { subscriptionArnOf, topicArnOf } from './arns';

/** What SNS answers instead of an ARN for a subscription still waiting for confirmation. */
const PENDING = 'pending confirmation';
/** ListSubscriptions spells a pending subscription's ARN this way. */
const PENDING_IN_LIST = 'PendingConfirmation';

export const Subscribe: OperationHandler = (input, ctx) => {
  const sub = ctx.engine.sns.subscribe({
    topicArn: topicArnOf(input),
    protocol: input.Protocol as string,
    endpoint: (input.Endpoint as string | undefined) ?? '',
    ...(input.Attributes ? { attributes: input.Attributes as Record<string, string> } : {}),
  });
  return { SubscriptionArn: sub.status === 'confirmed' || input.ReturnSubscriptionArn === true ? sub.subscriptionArn : PENDING };
};

export const ConfirmSubscription: OperationHandler = (input, ctx) => {
  const sub = ctx.engine.sns.confirmSubscription(topicArnOf(input), input.Token as string);
  return { SubscriptionArn: sub.subscriptionArn };
};

export const Unsubscribe: OperationHandler = (input, ctx) => {
  ctx.engine.sns.unsubscribe(subscriptionArnOf(input));
};

function listed(s: SubscriptionView, ctx: HandlerContext): WireObject {
  return {
    SubscriptionArn: s.status === 'confirmed' ? s.subscriptionArn : PENDING_IN_LIST,
    Owner: ctx.engine.accountId,
    Protocol: s.protocol,
    Endpoint: s.endpoint,
    TopicArn: s.topicArn,
  };
}

export const ListSubscriptions: OperationHandler = (input, ctx) => {
  const page = ctx.engine.sns.listSubscriptions({ nextToken: input.NextToken as string | undefined });
  return { Subscriptions: page.items.map((s) => listed(s, ctx)), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};

export const ListSubscriptionsByTopic: OperationHandler = (input, ctx) => {
  const page = ctx.engine.sns.listSubscriptions({ topicArn: topicArnOf(input), nextToken: input.NextToken as string | undefined });
  return { Subscriptions: page.items.map((s) => listed(s, ctx)), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};

export const GetSubscriptionAttributes: OperationHandler = (input, ctx) => {
  const s = ctx.engine.sns.getSubscription(subscriptionArnOf(input));
  if (!s) throw snsErrors.subscriptionNotFound();
  const http = s.protocol === 'http' || s.protocol === 'https';
  return {
    Attributes: {
      Owner: ctx.engine.accountId,
      RawMessageDelivery: 'false',
      TopicArn: s.topicArn,
      Endpoint: s.endpoint,
      Protocol: s.protocol,
      PendingConfirmation: String(s.status === 'pending'),
      ConfirmationWasAuthenticated: String(s.status === 'confirmed'),
      SubscriptionArn: s.subscriptionArn,
      SubscriptionPrincipal: `arn:aws:iam::${ctx.engine.accountId}:root`,
      ...(http ? { EffectiveDeliveryPolicy: DEFAULT_EFFECTIVE_DELIVERY_POLICY } : {}),
      ...s.attributes,
    },
  };
};

export const SetSubscriptionAttributes: OperationHandler = (input, ctx) => {
  ctx.engine.sns.setSubscriptionAttribute(subscriptionArnOf(input), input.AttributeName as string, (input.AttributeValue as string | undefined) ?? '');
};
