// SNS topic and subscription attributes: which names exist, their defaults, and how a stored topic or
// subscription reads back through GetTopicAttributes / GetSubscriptionAttributes (API reference).
// Owns: attribute names, validation of values, the default Policy and EffectiveDeliveryPolicy documents.
// Must not: touch the store.
import { snsErrors } from '../errors';

/** Settable topic attributes (SetTopicAttributes / CreateTopic Attributes). */
const TOPIC_ATTRIBUTES = new Set([
  'DisplayName', 'Policy', 'DeliveryPolicy', 'KmsMasterKeyId', 'SignatureVersion', 'TracingConfig', 'FifoTopic',
  'ContentBasedDeduplication', 'ArchivePolicy', 'DataProtectionPolicy', 'FifoThroughputScope',
  ...['Application', 'Firehose', 'HTTP', 'Lambda', 'SQS'].flatMap((p) => [`${p}SuccessFeedbackRoleArn`, `${p}SuccessFeedbackSampleRate`, `${p}FailureFeedbackRoleArn`]),
]);

/** Settable subscription attributes (Subscribe Attributes / SetSubscriptionAttributes). */
const SUBSCRIPTION_ATTRIBUTES = new Set(['DeliveryPolicy', 'FilterPolicy', 'FilterPolicyScope', 'RawMessageDelivery', 'RedrivePolicy', 'SubscriptionRoleArn', 'ReplayPolicy']);

const JSON_VALUED = new Set(['Policy', 'DeliveryPolicy', 'FilterPolicy', 'RedrivePolicy', 'DataProtectionPolicy', 'ArchivePolicy', 'ReplayPolicy']);

function checkValue(name: string, value: string): void {
  if (JSON_VALUED.has(name) && value !== '') {
    try {
      JSON.parse(value);
    } catch {
      throw snsErrors.invalidAttributeValue(name);
    }
  }
  if ((name === 'RawMessageDelivery' || name === 'FifoTopic' || name === 'ContentBasedDeduplication') && !/^(true|false)$/i.test(value)) {
    throw snsErrors.invalidAttributeValue(name);
  }
  if (name === 'SignatureVersion' && value !== '1' && value !== '2') throw snsErrors.invalidAttributeValue(name);
}

export function checkTopicAttribute(name: string, value: string): void {
  if (!TOPIC_ATTRIBUTES.has(name)) throw snsErrors.invalidAttributeName(name);
  checkValue(name, value);
}

export function checkSubscriptionAttribute(name: string, value: string): void {
  if (!SUBSCRIPTION_ATTRIBUTES.has(name)) throw snsErrors.invalidAttributeName(name);
  checkValue(name, value);
}

/** The policy SNS gives a new topic (owner-only access through AWS:SourceOwner). */
export function defaultTopicPolicy(topicArn: string, accountId: string): string {
  return JSON.stringify({
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: [
          'SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:AddPermission', 'SNS:RemovePermission', 'SNS:DeleteTopic',
          'SNS:Subscribe', 'SNS:ListSubscriptionsByTopic', 'SNS:Publish',
        ],
        Resource: topicArn,
        Condition: { StringEquals: { 'AWS:SourceOwner': accountId } },
      },
    ],
  });
}

/** SNS's default HTTP delivery policy as EffectiveDeliveryPolicy reports it (3 retries, 20 s apart; limits.ts). */
export const DEFAULT_EFFECTIVE_DELIVERY_POLICY = JSON.stringify({
  http: {
    defaultHealthyRetryPolicy: {
      minDelayTarget: 20,
      maxDelayTarget: 20,
      numRetries: 3,
      numMaxDelayRetries: 0,
      numNoDelayRetries: 0,
      numMinDelayRetries: 0,
      backoffFunction: 'linear',
    },
    disableSubscriptionOverrides: false,
    defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
  },
});

export const isTrue = (v: string | undefined) => v !== undefined && v.toLowerCase() === 'true';
