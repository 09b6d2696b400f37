// The SNS screen's delivery log merges live `sns.delivery` frames: a delivery's rows replace its earlier ones
// (a pending row gives way to its attempts), newest first, capped — the same list a reload would show.
import { describe, expect, it } from 'vitest';
import type { DeliveryAttemptDto } from '../../../../src-main/contract';
import { mergeDelivery } from '../../../../src-renderer/src/stores/ses-list-ops';

const row = (id: string, at: number, outcome = 'delivered'): DeliveryAttemptDto => ({
  id,
  at: new Date(at).toISOString(),
  channel: 'sns',
  endpoint: 'http://h/x',
  topicArn: 't',
  subscriptionArn: 's',
  messageType: 'Notification',
  sesMessageId: null,
  sesEventId: null,
  attempt: Number(id.split('.')[1]),
  outcome,
  httpStatus: null,
  latencyMs: null,
  responseBody: null,
  error: null,
});

describe('mergeDelivery', () => {
  it("replaces the delivery's rows (not another delivery's with a longer id), newest first", () => {
    const log = [row('3.0', 3000, 'pending'), row('30.1', 2500), row('2.1', 2000)];
    const merged = mergeDelivery(log, { deliveryId: '3', attempts: [row('3.1', 3100, 'failed'), row('3.2', 3200)] }, 200);
    expect(merged.map((r) => r.id)).toEqual(['3.2', '3.1', '30.1', '2.1']);
  });

  it('keeps at most the limit', () => {
    const merged = mergeDelivery([row('1.1', 1000), row('2.1', 2000)], { deliveryId: '9', attempts: [row('9.0', 500, 'pending')] }, 2);
    expect(merged.map((r) => r.id)).toEqual(['2.1', '1.1']);
  });
});
