// ARN checks shared by the SNS handlers: SNS refuses a malformed ARN as `InvalidParameter` naming the member
// before it looks anything up (then a well-formed ARN of a missing topic is `NotFound`).
// Must not: look anything up (core/sns does).
import { snsErrors } from '../../../core/errors';
import type { WireObject } from '../../handler-types';

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,256}$/;
const SUBSCRIPTION_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_.-]{1,256}:[A-Za-z0-9-]+$/;

export function topicArnOf(input: WireObject, member = 'TopicArn'): string {
  const arn = input[member];
  if (typeof arn !== 'string' || !TOPIC_ARN.test(arn)) throw snsErrors.invalidArn(member);
  return arn;
}

export function subscriptionArnOf(input: WireObject): string {
  const arn = input.SubscriptionArn;
  if (typeof arn !== 'string' || !SUBSCRIPTION_ARN.test(arn)) throw snsErrors.invalidArn('SubscriptionArn');
  return arn;
}
