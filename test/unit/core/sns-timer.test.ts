// The host's SNS delivery timer (hosts/due-timer.ts startDeliveryTimer): a failed HTTP attempt is retried in
// real time when its next attempt falls due, the timer is re-armed by 'sns.delivery', and stops cleanly.
// Node's timers are faked; the engine runs on its FakeClock, moved in step with them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDeliveryTimer } from '../../../src-main/hosts/due-timer';
import { SNS_HTTP_RETRY_DELAY_MS } from '../../../src-main/core/limits';
import type { OutboundRequest } from '../../../src-main/core/sns/api';
import { makeEngine } from './helpers';

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:t';

describe('SNS delivery timer', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => void vi.useRealTimers());

  it('retries a failed attempt when it falls due, then stops', async () => {
    const sent: OutboundRequest[] = [];
    const { engine, clock } = makeEngine({
      outboundHttp: async (req) => {
        sent.push(req);
        return { status: sent.length === 1 ? 500 : 200, body: '' };
      },
    });
    const timer = startDeliveryTimer(engine, () => undefined);
    engine.sns.createTopic({ name: 't' });
    engine.sns.subscribe({ topicArn: TOPIC, protocol: 'http', endpoint: 'http://hook.test/' });
    await engine.sns.runDue(); // the immediate attempt (a 500)
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);

    clock.advance(SNS_HTTP_RETRY_DELAY_MS - 1);
    await vi.advanceTimersByTimeAsync(SNS_HTTP_RETRY_DELAY_MS - 1);
    expect(sent).toHaveLength(1);
    clock.advance(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2); // sent by the timer: nothing else ran deliveries
    await engine.sns.runDue(); // waits for that attempt to be recorded
    expect(engine.sns.deliveries({})[0].state).toBe('delivered');

    timer.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
