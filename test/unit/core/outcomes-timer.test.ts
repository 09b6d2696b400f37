// The host's outcome timer (hosts/due-timer.ts startOutcomeTimer): scheduled outcomes run in real time without time
// travel — the timer fires when the next one is due, is re-armed by sends, never sleeps past its cap, and
// stops cleanly. Node's timers are faked; the engine runs on its FakeClock, moved in step with them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OUTCOME_TIMER_MAX_MS } from '../../../src-main/core/limits';
import { startOutcomeTimer } from '../../../src-main/hosts/due-timer';
import { makeEngine, simpleRequest } from './helpers';

describe('outcome timer', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => void vi.useRealTimers());

  it('runs a scheduled outcome when it falls due, armed by the send that scheduled it', async () => {
    const { engine, clock } = makeEngine();
    const logs: unknown[] = [];
    const timer = startOutcomeTimer(engine, (m) => logs.push(m));
    engine.scenarios.create({ match: { kind: 'address', pattern: 'later@example.com' }, action: { kind: 'delay', delaySeconds: 5 } });
    const { messageId } = await engine.sending.send(simpleRequest({ destination: { to: ['later@example.com'] } }));
    const types = async () => (await engine.messages.get(messageId))!.events.map((e) => e.eventType);

    clock.advance(4999);
    vi.advanceTimersByTime(4999);
    expect(await types()).toEqual(['Send']);
    clock.advance(1);
    vi.advanceTimersByTime(1);
    expect(await types()).toEqual(['Send', 'Delivery']);
    expect(logs).toEqual([]);
    timer.stop();
  });

  it('looks again at least every OUTCOME_TIMER_MAX_MS (time travel moved the clock), and does nothing once stopped', async () => {
    const { engine, clock } = makeEngine();
    engine.scenarios.create({ match: { kind: 'address', pattern: 'later@example.com' }, action: { kind: 'delay', delaySeconds: 3600 } });
    const { messageId } = await engine.sending.send(simpleRequest({ destination: { to: ['later@example.com'] } }));
    const timer = startOutcomeTimer(engine, () => undefined);
    clock.advance(3600_000); // Sesame's clock jumped (as the automation API's time travel would, without running)
    vi.advanceTimersByTime(OUTCOME_TIMER_MAX_MS);
    expect((await engine.messages.get(messageId))!.status).toBe('delivered');

    timer.stop();
    engine.scenarios.create({ match: { kind: 'address', pattern: 'x@example.com' }, action: { kind: 'delay', delaySeconds: 1 } });
    const second = await engine.sending.send(simpleRequest({ destination: { to: ['x@example.com'] } }));
    clock.advance(1000);
    vi.advanceTimersByTime(OUTCOME_TIMER_MAX_MS * 2);
    expect((await engine.messages.get(second.messageId))!.status).toBe('accepted');
    expect(vi.getTimerCount()).toBe(0);
  });
});
