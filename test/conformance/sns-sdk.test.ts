// The SNS subset through real clients: @aws-sdk/client-sns (topics and subscriptions CRUD, paging, Publish,
// error codes and texts) and boto3 (the same topics through botocore's Query serializer).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConfirmSubscriptionCommand,
  CreateTopicCommand,
  DeleteTopicCommand,
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListTagsForResourceCommand,
  ListSubscriptionsByTopicCommand,
  ListSubscriptionsCommand,
  ListTopicsCommand,
  PublishCommand,
  SetSubscriptionAttributesCommand,
  SetTopicAttributesCommand,
  SubscribeCommand,
  TagResourceCommand,
  UnsubscribeCommand,
  UntagResourceCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { awsPeerEnv, hasBoto3, runPeer } from '../helpers/python-peers';
import { rejection } from '../helpers/rejection';
import { snsClient } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

let sesame: TestSesame;
let sns: SNSClient;
const arn = (name: string) => `arn:aws:sns:${sesame.config.region}:${sesame.config.accountId}:${name}`;

beforeAll(async () => {
  sesame = await startTestSesame();
  sns = snsClient(sesame);
});
afterAll(async () => {
  sns?.destroy();
  await sesame?.cleanup();
});

describe('topics', () => {
  it('CreateTopic answers the ARN, is idempotent by name, and keeps Attributes', async () => {
    const first = await sns.send(new CreateTopicCommand({ Name: 'ses-events', Attributes: { DisplayName: 'SES events' }, Tags: [{ Key: 'team', Value: 'mail' }] }));
    expect(first.TopicArn).toBe(arn('ses-events'));
    const again = await sns.send(new CreateTopicCommand({ Name: 'ses-events' }));
    expect(again.TopicArn).toBe(first.TopicArn);
    const attrs = (await sns.send(new GetTopicAttributesCommand({ TopicArn: first.TopicArn }))).Attributes!;
    expect(attrs).toMatchObject({
      TopicArn: arn('ses-events'),
      DisplayName: 'SES events',
      Owner: sesame.config.accountId,
      SubscriptionsConfirmed: '0',
      SubscriptionsPending: '0',
      SubscriptionsDeleted: '0',
    });
    expect(JSON.parse(attrs.Policy!).Statement[0].Resource).toBe(arn('ses-events'));
    expect(JSON.parse(attrs.EffectiveDeliveryPolicy!).http.defaultHealthyRetryPolicy).toMatchObject({ numRetries: 3, minDelayTarget: 20 });
  });

  it('CreateTopic refuses a bad name and the same name with other attributes', async () => {
    const bad = await rejection(sns.send(new CreateTopicCommand({ Name: 'has space' })));
    expect(bad.name).toBe('InvalidParameterException');
    expect(bad.message).toBe('Invalid parameter: Topic Name');
    expect(bad.$metadata.httpStatusCode).toBe(400);
    const differ = await rejection(sns.send(new CreateTopicCommand({ Name: 'ses-events', Attributes: { DisplayName: 'other' } })));
    expect(differ.name).toBe('InvalidParameterException');
  });

  it('SetTopicAttributes changes DisplayName; unknown attributes are refused', async () => {
    await sns.send(new SetTopicAttributesCommand({ TopicArn: arn('ses-events'), AttributeName: 'DisplayName', AttributeValue: 'Renamed' }));
    const attrs = (await sns.send(new GetTopicAttributesCommand({ TopicArn: arn('ses-events') }))).Attributes!;
    expect(attrs.DisplayName).toBe('Renamed');
    const e = await rejection(sns.send(new SetTopicAttributesCommand({ TopicArn: arn('ses-events'), AttributeName: 'Bogus', AttributeValue: 'x' })));
    expect(e.name).toBe('InvalidParameterException');
  });

  it('GetTopicAttributes of a missing topic is NotFound (404); a malformed ARN is InvalidParameter', async () => {
    const missing = await rejection(sns.send(new GetTopicAttributesCommand({ TopicArn: arn('nope') })));
    expect(missing.name).toBe('NotFoundException');
    expect(missing.message).toBe('Topic does not exist');
    expect(missing.$metadata.httpStatusCode).toBe(404);
    const malformed = await rejection(sns.send(new GetTopicAttributesCommand({ TopicArn: 'not-an-arn' })));
    expect(malformed.name).toBe('InvalidParameterException');
    expect(malformed.message).toBe('Invalid parameter: TopicArn');
  });

  it('ListTopics pages 100 at a time with NextToken', async () => {
    for (let i = 0; i < 120; i++) await sns.send(new CreateTopicCommand({ Name: `page-${String(i).padStart(3, '0')}` }));
    const first = await sns.send(new ListTopicsCommand({}));
    expect(first.Topics).toHaveLength(100);
    expect(first.NextToken).toBeTruthy();
    const second = await sns.send(new ListTopicsCommand({ NextToken: first.NextToken }));
    expect(second.NextToken).toBeUndefined();
    const all = [...first.Topics!, ...second.Topics!].map((t) => t.TopicArn);
    expect(all).toContain(arn('page-119'));
    expect(new Set(all).size).toBe(all.length);
    for (let i = 0; i < 120; i++) await sns.send(new DeleteTopicCommand({ TopicArn: arn(`page-${String(i).padStart(3, '0')}`) }));
    const after = await sns.send(new ListTopicsCommand({}));
    expect(after.Topics!.map((t) => t.TopicArn)).toEqual([arn('ses-events')]);
  });
});

describe('tags', () => {
  it('TagResource, UntagResource and ListTagsForResource work on a topic; a missing topic is ResourceNotFound', async () => {
    const ResourceArn = arn('ses-events');
    expect((await sns.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags).toEqual([{ Key: 'team', Value: 'mail' }]);
    await sns.send(new TagResourceCommand({ ResourceArn, Tags: [{ Key: 'team', Value: 'ops' }, { Key: 'env', Value: 'dev' }] }));
    await sns.send(new UntagResourceCommand({ ResourceArn, TagKeys: ['env'] }));
    expect((await sns.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags).toEqual([{ Key: 'team', Value: 'ops' }]);
    const missing = await rejection(sns.send(new ListTagsForResourceCommand({ ResourceArn: arn('nope') })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata.httpStatusCode).toBe(404);
  });
});

describe('subscriptions', () => {
  it('an http subscription is pending confirmation; ReturnSubscriptionArn gives the ARN', async () => {
    await sns.send(new CreateTopicCommand({ Name: 'subs' }));
    // Port 9 (discard) on loopback: the confirmation request fails, which is fine here.
    const pending = await sns.send(new SubscribeCommand({ TopicArn: arn('subs'), Protocol: 'http', Endpoint: 'http://127.0.0.1:9/a' }));
    expect(pending.SubscriptionArn).toBe('pending confirmation');
    const withArn = await sns.send(
      new SubscribeCommand({ TopicArn: arn('subs'), Protocol: 'http', Endpoint: 'http://127.0.0.1:9/b', ReturnSubscriptionArn: true }),
    );
    expect(withArn.SubscriptionArn).toMatch(new RegExp(`^${arn('subs')}:[0-9a-f-]{36}$`));
    const attrs = (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: withArn.SubscriptionArn }))).Attributes!;
    expect(attrs).toMatchObject({ PendingConfirmation: 'true', Protocol: 'http', Endpoint: 'http://127.0.0.1:9/b', RawMessageDelivery: 'false', TopicArn: arn('subs') });

    const listed = (await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: arn('subs') }))).Subscriptions!;
    expect(listed).toEqual([
      { SubscriptionArn: 'PendingConfirmation', Owner: sesame.config.accountId, Protocol: 'http', Endpoint: 'http://127.0.0.1:9/a', TopicArn: arn('subs') },
      { SubscriptionArn: 'PendingConfirmation', Owner: sesame.config.accountId, Protocol: 'http', Endpoint: 'http://127.0.0.1:9/b', TopicArn: arn('subs') },
    ]);
    const topic = (await sns.send(new GetTopicAttributesCommand({ TopicArn: arn('subs') }))).Attributes!;
    expect(topic.SubscriptionsPending).toBe('2');
  });

  it('an sqs subscription is stored and confirmed at once (not delivered locally); RawMessageDelivery can be set', async () => {
    const sub = await sns.send(new SubscribeCommand({ TopicArn: arn('subs'), Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:000000000000:q' }));
    expect(sub.SubscriptionArn).toMatch(/^arn:aws:sns:/);
    await sns.send(new SetSubscriptionAttributesCommand({ SubscriptionArn: sub.SubscriptionArn, AttributeName: 'RawMessageDelivery', AttributeValue: 'true' }));
    const attrs = (await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: sub.SubscriptionArn }))).Attributes!;
    expect(attrs).toMatchObject({ RawMessageDelivery: 'true', PendingConfirmation: 'false' });
    const all = (await sns.send(new ListSubscriptionsCommand({}))).Subscriptions!;
    expect(all.map((s) => s.SubscriptionArn)).toContain(sub.SubscriptionArn);
    await sns.send(new UnsubscribeCommand({ SubscriptionArn: sub.SubscriptionArn }));
    const gone = await rejection(sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: sub.SubscriptionArn })));
    expect(gone.name).toBe('NotFoundException');
  });

  it('refuses unknown protocols, mismatched endpoints and bad tokens', async () => {
    const proto = await rejection(sns.send(new SubscribeCommand({ TopicArn: arn('subs'), Protocol: 'carrier-pigeon', Endpoint: 'x' })));
    expect(proto.name).toBe('InvalidParameterException');
    expect(proto.message).toBe('Invalid parameter: Amazon SNS does not support this protocol string: carrier-pigeon');
    const endpoint = await rejection(sns.send(new SubscribeCommand({ TopicArn: arn('subs'), Protocol: 'https', Endpoint: 'http://x' })));
    expect(endpoint.name).toBe('InvalidParameterException');
    const token = await rejection(sns.send(new ConfirmSubscriptionCommand({ TopicArn: arn('subs'), Token: 'nope' })));
    expect(token.name).toBe('InvalidParameterException');
    const noTopic = await rejection(sns.send(new SubscribeCommand({ TopicArn: arn('missing'), Protocol: 'http', Endpoint: 'http://x' })));
    expect(noTopic.name).toBe('NotFoundException');
  });
});

describe('Publish', () => {
  it('answers a MessageId; a missing topic is NotFound; empty messages and bad structures are refused', async () => {
    const out = await sns.send(new PublishCommand({ TopicArn: arn('subs'), Message: 'hello', Subject: 'Hi' }));
    expect(out.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await rejection(sns.send(new PublishCommand({ TopicArn: arn('missing'), Message: 'x' })));
    expect(missing.name).toBe('NotFoundException');
    expect(missing.message).toBe('Topic does not exist');
    const empty = await rejection(sns.send(new PublishCommand({ TopicArn: arn('subs'), Message: '' })));
    expect(empty.name).toBe('InvalidParameterException');
    const noDefault = await rejection(sns.send(new PublishCommand({ TopicArn: arn('subs'), Message: '{"http":"x"}', MessageStructure: 'json' })));
    expect(noDefault.message).toBe('Invalid parameter: Message Structure - No default entry in JSON message body');
  });
});

describe.skipIf(!hasBoto3)('boto3', () => {
  it('creates, lists, publishes to and deletes a topic', async () => {
    const script = `
import boto3, json, sys
c = boto3.client('sns', endpoint_url=sys.argv[1], region_name='${'us-east-1'}')
t = c.create_topic(Name='from-boto3', Attributes={'DisplayName': 'Boto'})['TopicArn']
s = c.subscribe(TopicArn=t, Protocol='email', Endpoint='ops@example.com', ReturnSubscriptionArn=True)['SubscriptionArn']
a = c.get_topic_attributes(TopicArn=t)['Attributes']
m = c.publish(TopicArn=t, Message='hi', MessageAttributes={'k': {'DataType': 'String', 'StringValue': 'v'}})['MessageId']
topics = [x['TopicArn'] for x in c.list_topics()['Topics']]
c.delete_topic(TopicArn=t)
print(json.dumps({'t': t, 's': s, 'display': a['DisplayName'], 'pending': a['SubscriptionsPending'], 'm': m, 'listed': t in topics}))
`;
    const { stdout } = await runPeer('python3', ['-c', script, sesame.urls.aws], { env: awsPeerEnv() });
    const out = JSON.parse(stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ t: arn('from-boto3'), display: 'Boto', pending: '1', listed: true });
    expect(out.s).toMatch(new RegExp(`^${arn('from-boto3')}:`));
    expect(out.m).toMatch(/^[0-9a-f-]{36}$/);
    expect(sesame.engine.sns.topicExists(arn('from-boto3'))).toBe(false);
  });
});
