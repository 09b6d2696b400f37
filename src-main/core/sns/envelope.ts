// SNS's HTTP/HTTPS envelope: the JSON document a subscribed endpoint receives (SubscriptionConfirmation and
// Notification), its headers, and its signature.
// Signature: "Verifying the signatures of Amazon SNS messages"
// (https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html): the string to sign is
// each key on its own line followed by its value on its own line, keys in byte order — Notification:
// Message, MessageId, Subject (only when present), Timestamp, TopicArn, Type; SubscriptionConfirmation:
// Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type. SignatureVersion 1 signs it
// SHA1withRSA, 2 SHA256withRSA; the signature is base64.
// The document is written the way SNS writes it (`"Key" : "value"` one per line, two-space indent).
// Owns: building and signing envelopes. Must not: send anything or touch the store.
import { createSign, type KeyObject } from 'node:crypto';
import type { SnsMessageAttribute } from './api';

export interface Signer {
  key(): KeyObject;
  /** `<aws-origin>/_sesame/sns/SimpleNotificationService.pem` */
  certUrl: string;
}

export const CONFIRMATION_TEXT = (topicArn: string) =>
  `You have chosen to subscribe to the topic ${topicArn}.\nTo confirm the subscription, visit the SubscribeURL included in this message.`;

export function stringToSign(fields: Record<string, string | undefined>, keys: readonly string[]): string {
  return keys
    .filter((k) => fields[k] !== undefined)
    .map((k) => `${k}\n${fields[k]}\n`)
    .join('');
}

const NOTIFICATION_KEYS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const CONFIRMATION_KEYS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const;

function sign(text: string, version: string, signer: Signer): string {
  return createSign(version === '2' ? 'RSA-SHA256' : 'RSA-SHA1').update(text, 'utf8').sign(signer.key(), 'base64');
}

/** SNS's own layout: one `"Key" : value` per line. Nested values (MessageAttributes) are compact JSON. */
export function writeEnvelope(doc: Record<string, unknown>): string {
  const lines = Object.entries(doc)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `  ${JSON.stringify(k)} : ${JSON.stringify(v)}`);
  return `{\n${lines.join(',\n')}\n}`;
}

export interface ConfirmationInput {
  messageId: string;
  token: string;
  topicArn: string;
  subscribeUrl: string;
  timestamp: string;
  signatureVersion: string;
}

export function confirmationEnvelope(c: ConfirmationInput, signer: Signer): string {
  const fields = {
    Type: 'SubscriptionConfirmation',
    MessageId: c.messageId,
    Token: c.token,
    TopicArn: c.topicArn,
    Message: CONFIRMATION_TEXT(c.topicArn),
    SubscribeURL: c.subscribeUrl,
    Timestamp: c.timestamp,
  };
  return writeEnvelope({
    ...fields,
    SignatureVersion: c.signatureVersion,
    Signature: sign(stringToSign(fields, CONFIRMATION_KEYS), c.signatureVersion, signer),
    SigningCertURL: signer.certUrl,
  });
}

export interface NotificationInput {
  messageId: string;
  topicArn: string;
  subject?: string;
  message: string;
  timestamp: string;
  signatureVersion: string;
  unsubscribeUrl: string;
  messageAttributes?: Record<string, SnsMessageAttribute>;
}

/** Envelope MessageAttributes: `{"name": {"Type": "String", "Value": "…"}}`, binary values in base64. */
export function envelopeAttributes(attrs: Record<string, SnsMessageAttribute> | undefined) {
  if (!attrs || Object.keys(attrs).length === 0) return undefined;
  return Object.fromEntries(
    Object.entries(attrs).map(([name, a]) => [name, { Type: a.dataType, Value: a.binaryValue ? a.binaryValue.toString('base64') : (a.stringValue ?? '') }]),
  );
}

export function notificationEnvelope(n: NotificationInput, signer: Signer): string {
  const fields = {
    Type: 'Notification',
    MessageId: n.messageId,
    TopicArn: n.topicArn,
    Subject: n.subject,
    Message: n.message,
    Timestamp: n.timestamp,
  };
  return writeEnvelope({
    ...fields,
    SignatureVersion: n.signatureVersion,
    Signature: sign(stringToSign(fields, NOTIFICATION_KEYS), n.signatureVersion, signer),
    SigningCertURL: signer.certUrl,
    UnsubscribeURL: n.unsubscribeUrl,
    MessageAttributes: envelopeAttributes(n.messageAttributes),
  });
}

/** The headers SNS sends with every HTTP/HTTPS request (the subscription ARN only on notifications). */
export function envelopeHeaders(type: string, messageId: string, topicArn: string, subscriptionArn?: string, raw = false): Record<string, string> {
  return {
    'Content-Type': 'text/plain; charset=UTF-8',
    'User-Agent': 'Amazon Simple Notification Service Agent',
    'x-amz-sns-message-type': type,
    'x-amz-sns-message-id': messageId,
    'x-amz-sns-topic-arn': topicArn,
    ...(subscriptionArn ? { 'x-amz-sns-subscription-arn': subscriptionArn } : {}),
    ...(raw ? { 'x-amz-sns-rawdelivery': 'true' } : {}),
  };
}
