// SNS Publish to a topic: Message, Subject, MessageAttributes ({Name → {DataType, StringValue|BinaryValue}}),
// MessageStructure `json`. TargetArn is accepted when it names a topic; PhoneNumber (SMS) is not delivered
// locally and is refused as SNS refuses a publish without a target.
// Must not: decide anything (core/sns does).
import { snsErrors } from '../../../core/errors';
import type { SnsMessageAttribute } from '../../../core/sns/api';
import type { OperationHandler } from '../../handler-types';
import { topicArnOf } from './arns';

interface WireAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: Buffer;
}

export const Publish: OperationHandler = (input, ctx) => {
  const member = input.TopicArn !== undefined ? 'TopicArn' : input.TargetArn !== undefined ? 'TargetArn' : null;
  if (member === null) throw snsErrors.invalidArn('TopicArn or TargetArn Reason: no value for required parameter');
  const attrs = input.MessageAttributes as Record<string, WireAttribute> | undefined;
  const messageAttributes = attrs
    ? Object.fromEntries(
        Object.entries(attrs).map(([name, a]): [string, SnsMessageAttribute] => [
          name,
          { dataType: a.DataType, ...(a.StringValue !== undefined ? { stringValue: a.StringValue } : {}), ...(a.BinaryValue ? { binaryValue: a.BinaryValue } : {}) },
        ]),
      )
    : undefined;
  const structure = input.MessageStructure as string | undefined;
  if (structure !== undefined && structure !== 'json') throw snsErrors.invalidArn('MessageStructure');
  const { messageId } = ctx.engine.sns.publish({
    topicArn: topicArnOf(input, member),
    message: input.Message as string,
    ...(input.Subject !== undefined ? { subject: input.Subject as string } : {}),
    ...(messageAttributes ? { messageAttributes } : {}),
    ...(structure === 'json' ? { messageStructure: 'json' as const } : {}),
  });
  return { MessageId: messageId };
};
