// The per-message timeline's merge (src-renderer/src/features/message/timeline-model.ts): origin, events,
// delivery attempts and related mail in time order, causes before effects on equal times, another message's
// timeline ignored; and the labels of related mail and attempts.
import { describe, expect, it } from 'vitest';
import type { DeliveryAttemptDto, MessageDetail, MessageSummary, SesEventRecord } from '../../../../../src-main/contract';
import { attemptLine, buildTimeline, relatedLabel } from '../../../../../src-renderer/src/features/message/timeline-model';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const event = (id: number, eventType: SesEventRecord['eventType'], s: number): SesEventRecord => ({ id, messageId: 'm', eventType, timestamp: at(s), payload: {} });
const summary = (id: string, operation: string, s: number): MessageSummary => ({
  id,
  receivedAt: at(s),
  door: 'system',
  operation,
  from: null,
  to: [],
  subject: 's',
  snippet: '',
  size: 1,
  read: false,
  hasAttachments: false,
  status: 'delivered',
  configurationSet: null,
});
const attempt = (id: string, s: number, over: Partial<DeliveryAttemptDto> = {}): DeliveryAttemptDto => ({
  id,
  at: at(s),
  channel: 'sns',
  endpoint: 'http://x',
  topicArn: null,
  subscriptionArn: null,
  messageType: 'Notification',
  sesMessageId: 'm',
  sesEventId: null,
  attempt: 1,
  outcome: 'delivered',
  httpStatus: 200,
  latencyMs: 4,
  responseBody: 'ok',
  error: null,
  ...over,
});
const detail = (events: SesEventRecord[]): MessageDetail =>
  ({ ...summary('m', 'SendEmail', 0), door: 'sesv2', events, api: { operation: 'SendEmail', accessKeyId: 'AK', sourceIp: '1.2.3.4', requestId: 'r' }, smtp: null }) as unknown as MessageDetail;

describe('buildTimeline', () => {
  it('merges origin, events, attempts and related mail by time, causes first on ties', () => {
    const d = detail([event(2, 'Bounce', 1), event(1, 'Send', 0)]);
    const t = buildTimeline(d, { messageId: 'm', deliveries: [attempt('a2', 2, { attempt: 2 }), attempt('a1', 1)], related: [summary('dsn', 'BounceNotification', 1)] });
    expect(t.map((e) => e.key)).toEqual(['origin', 'e1', 'e2', 'da1', 'rdsn', 'da2']);
    const forBounce = buildTimeline(d, { messageId: 'm', deliveries: [attempt('a', 3, { sesEventId: 2 }), attempt('b', 3, { sesEventId: 99 })], related: [] });
    expect(forBounce.flatMap((e) => (e.kind === 'delivery' ? [e.forEvent] : []))).toEqual(['Bounce', null]);
  });

  it('shows only the origin and events while the timeline is unknown or belongs to another message', () => {
    const d = detail([event(1, 'Send', 0)]);
    expect(buildTimeline(d, null).map((e) => e.kind)).toEqual(['origin', 'event']);
    const other = { messageId: 'other', deliveries: [attempt('x', 1)], related: [] };
    expect(buildTimeline(d, other).map((e) => e.kind)).toEqual(['origin', 'event']);
  });
});

describe('labels', () => {
  it('names related mail by its kind', () => {
    expect(relatedLabel(summary('a', 'BounceNotification', 0))).toBe('Bounce notification (DSN)');
    expect(relatedLabel(summary('a', 'ComplaintNotification', 0))).toBe('Complaint report (ARF)');
    expect(relatedLabel(summary('a', 'AutoReply', 0))).toBe('Auto-reply');
  });

  it('describes an attempt by status and latency', () => {
    expect(attemptLine(attempt('a', 0))).toBe('HTTP 200 in 4 ms');
    expect(attemptLine(attempt('a', 0, { httpStatus: null, latencyMs: 3000, outcome: 'failed' }))).toBe('no answer in 3000 ms');
    expect(attemptLine(attempt('a', 0, { httpStatus: null, latencyMs: null, outcome: 'pending' }))).toBe('not attempted yet');
    expect(attemptLine(attempt('a', 0, { channel: 'cloudwatch', httpStatus: null, latencyMs: null, outcome: 'counted' }))).toBe('counted');
  });
});
