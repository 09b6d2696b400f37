// Event publishing in the engine: destination rules, fan-out matching, what each destination receives
// (SNS message and subject, EventBridge envelope, Firehose record, CloudWatch counters), legacy identity
// notifications, the complaint's ARF report, GetMessageInsights.
import { describe, expect, it, vi } from 'vitest';
import type { PublishRecord } from '../../../src-main/core/publishing/api';
import type { OutboundRequest, SnsPublishRequest } from '../../../src-main/core/sns/api';
import { makeEngine, refusal, simpleRequest, T0 } from './helpers';

const ALL = ['SEND', 'REJECT', 'BOUNCE', 'COMPLAINT', 'DELIVERY', 'OPEN', 'CLICK', 'RENDERING_FAILURE', 'DELIVERY_DELAY', 'SUBSCRIPTION'] as const;

function setup(over: Parameters<typeof makeEngine>[0] = {}) {
  const t = makeEngine(over);
  const topicArn = t.engine.sns.createTopic({ name: 'ses-events' }).topicArn;
  const published: SnsPublishRequest[] = [];
  const real = t.engine.sns.publish.bind(t.engine.sns);
  vi.spyOn(t.engine.sns, 'publish').mockImplementation((req) => {
    published.push(req);
    return real(req);
  });
  t.engine.configurationSets.create('events');
  return { ...t, topicArn, published };
}

const send = async (engine: ReturnType<typeof makeEngine>['engine'], to: string, over = {}) =>
  (await engine.sending.send(simpleRequest({ destination: { to: [to] }, configurationSetName: 'events', ...over }))).messageId;

describe('event destinations', () => {
  it('refuses what SES refuses, with its texts', () => {
    const { engine, topicArn } = setup();
    const dest = { name: 'sns', enabled: true, matchingEventTypes: ['SEND' as const], sns: { topicArn } };
    expect(() => engine.publishing.createDestination('nope', dest)).toThrow('Configuration set nope does not exist.');
    engine.publishing.createDestination('events', dest);
    expect(() => engine.publishing.createDestination('events', dest)).toThrow(expect.objectContaining({ kind: 'EventDestinationAlreadyExists' }));
    const missing = 'arn:aws:sns:us-east-1:123456789012:missing';
    expect(() => engine.publishing.createDestination('events', { ...dest, name: 'x', sns: { topicArn: missing } })).toThrow(`SNS topic ${missing} not found.`);
    expect(() => engine.publishing.deleteDestination('events', 'ghost')).toThrow(expect.objectContaining({ kind: 'EventDestinationDoesNotExist', message: 'No EventDestination found for ghost' }));
    for (let i = 1; i < 10; i++) engine.publishing.createDestination('events', { ...dest, name: `d${i}` });
    expect(() => engine.publishing.createDestination('events', { ...dest, name: 'eleven' })).toThrow(expect.objectContaining({ kind: 'LimitExceeded' }));
    expect(engine.configurationSets.get('events')!.eventDestinations).toHaveLength(10);
  });

  it('publishes SES validation message (no Subject) to a new SNS destination topic', () => {
    const { engine, topicArn, published } = setup();
    engine.publishing.createDestination('events', { name: 'sns', enabled: true, matchingEventTypes: ['SEND'], sns: { topicArn } });
    expect(published).toEqual([{ topicArn, message: 'Successfully validated SNS topic for Amazon SES event publishing.' }]);
  });

  it('update replaces a destination; delete removes it', () => {
    const { engine, topicArn } = setup();
    engine.publishing.createDestination('events', { name: 'sns', enabled: true, matchingEventTypes: ['SEND'], sns: { topicArn } });
    engine.publishing.updateDestination('events', { name: 'sns', enabled: false, matchingEventTypes: ['BOUNCE', 'BOUNCE'], sns: { topicArn } });
    expect(engine.publishing.destinations('events')).toEqual([{ name: 'sns', enabled: false, matchingEventTypes: ['BOUNCE'], sns: { topicArn } }]);
    engine.publishing.deleteDestination('events', 'sns');
    expect(engine.publishing.destinations('events')).toEqual([]);
  });
});

describe('fan-out', () => {
  it('sends each matching event to SNS as the recorded JSON with SES subject; others are skipped', async () => {
    const { engine, topicArn, published } = setup();
    engine.publishing.createDestination('events', { name: 'bounces', enabled: true, matchingEventTypes: ['BOUNCE'], sns: { topicArn } });
    engine.publishing.createDestination('events', { name: 'off', enabled: false, matchingEventTypes: [...ALL], sns: { topicArn } });
    published.length = 0;
    const announced: PublishRecord[] = [];
    engine.bus.on('publish.recorded', (r) => announced.push(r));
    const id = await send(engine, 'bounce@simulator.amazonses.com');
    const bounce = (await engine.messages.get(id))!.events.find((e) => e.eventType === 'Bounce');
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ topicArn, subject: 'Amazon SES Email Event Notification', origin: { sesMessageId: id } });
    expect(published[0].message).toBe(JSON.stringify(bounce!.payload));
    const logged = [expect.objectContaining({ destination: 'bounces', kind: 'sns', outcome: 'published', target: topicArn, eventId: bounce!.id })];
    expect(engine.publishing.published({ messageId: id })).toEqual(logged);
    expect(announced.filter((r) => r.messageId === id)).toEqual(logged);
  });

  it('keeps the publish log with the mail: deleting a message drops its rows; reset keeps them', async () => {
    const { engine, topicArn } = setup();
    engine.publishing.createDestination('events', { name: 'all', enabled: true, matchingEventTypes: ['SEND'], sns: { topicArn } });
    const kept = await send(engine, 'a@example.com');
    const gone = await send(engine, 'b@example.com');
    engine.messages.delete([gone]);
    expect(engine.publishing.published({ messageId: gone })).toEqual([]);
    engine.reset();
    expect(engine.publishing.published({ messageId: kept })).toHaveLength(1);
  });

  it('delivers scheduled events too (a complaint a rule makes later)', async () => {
    const { engine, topicArn, published } = setup();
    engine.publishing.createDestination('events', { name: 'c', enabled: true, matchingEventTypes: ['COMPLAINT'], sns: { topicArn } });
    engine.scenarios.create({ match: { kind: 'address', pattern: 'late@example.com' }, action: { kind: 'complain', delaySeconds: 60 } });
    published.length = 0;
    await send(engine, 'late@example.com');
    expect(published).toHaveLength(0);
    engine.time.advance(60_000);
    expect(published).toHaveLength(1);
    expect(JSON.parse(published[0].message)).toMatchObject({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'late@example.com' }] } });
  });

  it('posts the EventBridge envelope and the Firehose record to the sinks, and appends lines to files', async () => {
    const requests: OutboundRequest[] = [];
    const lines: { file: string; line: string }[] = [];
    const { engine } = setup({
      outboundHttp: async (r) => (requests.push(r), { status: 200, body: 'ok' }),
      appendLine: async (file, line) => void lines.push({ file, line }),
    });
    engine.publishing.setSinks({ eventBridge: { url: 'http://127.0.0.1:9/eb', file: '/tmp/eb.jsonl' }, firehose: { url: 'http://127.0.0.1:9/fh' } });
    engine.publishing.createDestination('events', { name: 'eb', enabled: true, matchingEventTypes: ['SEND'], eventBridge: { eventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/default' } });
    engine.publishing.createDestination('events', { name: 'fh', enabled: true, matchingEventTypes: ['DELIVERY'], firehose: { deliveryStreamArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/s', iamRoleArn: 'arn:aws:iam::123456789012:role/r' } });
    const id = await send(engine, 'success@simulator.amazonses.com');
    await engine.publishing.settled();
    const [eb, fh] = [requests.find((r) => r.url.endsWith('/eb'))!, requests.find((r) => r.url.endsWith('/fh'))!];
    const envelope = JSON.parse(eb.body!);
    const detail = (await engine.messages.get(id))!.events[0].payload;
    expect(envelope).toEqual({
      version: '0',
      id: expect.any(String),
      'detail-type': 'Email Sent',
      source: 'aws.ses',
      account: '123456789012',
      time: new Date(T0).toISOString().replace('.000Z', 'Z'),
      region: 'us-east-1',
      resources: ['arn:aws:ses:us-east-1:123456789012:configuration-set/events'],
      detail,
    });
    expect(lines).toEqual([{ file: '/tmp/eb.jsonl', line: eb.body }]);
    const record = JSON.parse(fh.body!) as { records: { data: string }[] };
    expect(fh.headers['x-amz-firehose-protocol-version']).toBe('1.0');
    expect(JSON.parse(Buffer.from(record.records[0].data, 'base64').toString())).toMatchObject({ eventType: 'Delivery', mail: { messageId: id } });
    const kinds = engine.publishing.published({ messageId: id }).map((r) => [r.kind, r.outcome, r.status]);
    expect(kinds).toEqual(expect.arrayContaining([['eventBridge', 'delivered', 200], ['eventBridge', 'delivered', null], ['firehose', 'delivered', 200]]));
  });

  it('logs a failed sink write (no sink configured, HTTP 500)', async () => {
    const { engine } = setup({ outboundHttp: async () => ({ status: 500, body: 'boom' }) });
    engine.publishing.createDestination('events', { name: 'eb', enabled: true, matchingEventTypes: ['SEND'], eventBridge: { eventBusArn: 'default' } });
    const first = await send(engine, 'a@example.com');
    expect(engine.publishing.published({ messageId: first })[0]).toMatchObject({ outcome: 'failed', error: expect.stringContaining('No event sink') });
    engine.publishing.setSinks({ eventBridge: { url: 'http://127.0.0.1:9/x' } });
    const second = await send(engine, 'a@example.com');
    await engine.publishing.settled();
    expect(engine.publishing.published({ messageId: second })[0]).toMatchObject({ outcome: 'failed', status: 500, responseBody: 'boom' });
  });

  it('counts CloudWatch metrics per dimension value (message tag, else the default)', async () => {
    const { engine } = setup();
    const dimensionConfigurations = [{ dimensionName: 'campaign', dimensionValueSource: 'MESSAGE_TAG', defaultDimensionValue: 'none' }];
    engine.publishing.createDestination('events', { name: 'cw', enabled: true, matchingEventTypes: ['SEND', 'DELIVERY'], cloudWatch: { dimensionConfigurations } });
    await send(engine, 'a@example.com', { tags: [{ name: 'campaign', value: 'spring' }] });
    await send(engine, 'b@example.com', { tags: [{ name: 'campaign', value: 'spring' }] });
    await send(engine, 'c@example.com');
    const counts = engine.publishing.metrics({ configurationSet: 'events' }).map((m) => [m.metric, m.dimensionValue, m.count]);
    expect(counts).toEqual(expect.arrayContaining([['Send', 'spring', 2], ['Delivery', 'spring', 2], ['Send', 'none', 1], ['Delivery', 'none', 1]]));
  });
});

describe('legacy identity notifications', () => {
  it('publishes {notificationType, mail, bounce} to the identity topic, headers only when enabled', async () => {
    const { engine, topicArn, published } = setup();
    await engine.identities.create({ identity: 'example.com' });
    engine.publishing.setNotificationTopic('example.com', 'Bounce', topicArn);
    const id = await send(engine, 'bounce@simulator.amazonses.com', { configurationSetName: undefined });
    expect(published).toHaveLength(1);
    expect(published[0].subject).toBeUndefined();
    const n = JSON.parse(published[0].message);
    expect(Object.keys(n)).toEqual(['notificationType', 'mail', 'bounce']);
    expect(n.mail).toEqual({
      timestamp: new Date(T0).toISOString(),
      messageId: id,
      source: 'sender@example.com',
      sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com',
      sourceIp: '10.0.0.7',
      sendingAccountId: '123456789012',
      callerIdentity: 'AKIATEST',
      destination: ['bounce@simulator.amazonses.com'],
    });
    expect(n.bounce).toMatchObject({ bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'bounce@simulator.amazonses.com' }] });
    engine.identities.setHeadersInNotifications('example.com', 'Bounce', true);
    published.length = 0;
    await send(engine, 'bounce@simulator.amazonses.com', { configurationSetName: undefined });
    expect(JSON.parse(published[0].message).mail).toMatchObject({ headersTruncated: false, headers: expect.any(Array), commonHeaders: { subject: 'Hello' } });
  });

  it('refuses an unknown topic, and disabling forwarding without Bounce and Complaint topics', async () => {
    const { engine, topicArn } = setup();
    await engine.identities.create({ identity: 'example.com' });
    expect(() => engine.publishing.setNotificationTopic('example.com', 'Bounce', `${topicArn}-nope`)).toThrow(expect.objectContaining({ kind: 'InvalidParameterValue' }));
    expect(() => engine.publishing.setFeedbackForwarding('example.com', false)).toThrow(expect.objectContaining({ kind: 'InvalidParameterValue' }));
    engine.publishing.setNotificationTopic('example.com', 'Bounce', topicArn);
    engine.publishing.setNotificationTopic('example.com', 'Complaint', topicArn);
    expect(engine.publishing.setFeedbackForwarding('example.com', false).feedbackForwarding).toBe(false);
  });
});

describe('feedback forwarding by email', () => {
  const arf = (engine: ReturnType<typeof makeEngine>['engine']) =>
    engine.messages.list({ limit: 50 }).items.filter((m) => m.door === 'system' && m.operation === 'ComplaintNotification');

  it('emails the complaint ARF report to the sender, for immediate and scheduled complaints', async () => {
    const { engine } = setup();
    const id = await send(engine, 'complaint@simulator.amazonses.com', { configurationSetName: undefined });
    const [report] = arf(engine);
    expect(report).toBeDefined();
    const raw = (await engine.messages.raw(report.id))!.toString();
    expect(raw).toContain('Content-Type: multipart/report; report-type=feedback-report;');
    expect(raw).toMatch(/Feedback-Type: abuse\r\nUser-Agent: Amazon SES Mailbox Simulator\r\nVersion: 1\r\nOriginal-Rcpt-To: complaint@simulator.amazonses.com\r\nArrival-Date: /);
    expect(raw).toContain('Subject: Hello');
    expect((await engine.messages.get(report.id))!.relatedId).toBe(id);

    engine.scenarios.create({ match: { kind: 'address', pattern: 'late@example.com' }, action: { kind: 'complain', delaySeconds: 60 } });
    await send(engine, 'late@example.com', { configurationSetName: undefined });
    engine.time.advance(60_000);
    await new Promise((r) => setTimeout(r, 20));
    expect(arf(engine)).toHaveLength(2);
  });

  it('sends no report when forwarding is off', async () => {
    const { engine, topicArn } = setup();
    await engine.identities.create({ identity: 'example.com' });
    engine.publishing.setNotificationTopic('example.com', 'Bounce', topicArn);
    engine.publishing.setNotificationTopic('example.com', 'Complaint', topicArn);
    engine.publishing.setFeedbackForwarding('example.com', false);
    await send(engine, 'complaint@simulator.amazonses.com', { configurationSetName: undefined });
    await new Promise((r) => setTimeout(r, 20));
    expect(arf(engine)).toEqual([]);
  });
});

describe('GetMessageInsights', () => {
  it('lists each recipient with the events that concern it', async () => {
    const { engine } = setup();
    const { messageId } = await engine.sending.send(
      simpleRequest({ destination: { to: ['bounce@simulator.amazonses.com', 'someone@gmail.com'] }, tags: [{ name: 'campaign', value: 'x' }] }),
    );
    const v = engine.publishing.messageInsights(messageId);
    expect(v).toMatchObject({ messageId, fromEmailAddress: 'sender@example.com', subject: 'Hello' });
    expect(v.emailTags).toContainEqual({ name: 'campaign', value: 'x' });
    expect(v.insights.map((i) => [i.destination, i.isp, i.events.map((e) => e.type)])).toEqual([
      ['bounce@simulator.amazonses.com', 'Amazon SES Mailbox Simulator', ['SEND', 'BOUNCE']],
      ['someone@gmail.com', 'Gmail', ['SEND', 'DELIVERY']],
    ]);
    expect(v.insights[0].events[1].details).toEqual({
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', diagnosticCode: 'smtp; 550 5.1.1 As requested: user unknown <bounce@simulator.amazonses.com>' },
    });
    await refusal(Promise.resolve().then(() => engine.publishing.messageInsights('nope')));
  });
});
