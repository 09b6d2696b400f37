// The maximum send rate as SES enforces it (ses-facts §A.8): a second's worth of burst, debt-like
// multi-recipient sends, every recipient counted (simulator included), refused calls not charged.
import { describe, expect, it } from 'vitest';
import { createSendRate } from '../../../src-main/core/account/rate';
import { PRODUCTION_MAX_SEND_RATE } from '../../../src-main/core/limits';
import { makeEngine, refusal, simpleRequest, T0 } from './helpers';

describe('send-rate limiter (GCRA on the injected clock)', () => {
  it('at 1/s admits one recipient per second and nothing in between', () => {
    const rate = createSendRate();
    expect(rate.tryTake(T0, 1, 1)).toBe(true);
    expect(rate.tryTake(T0, 1, 1)).toBe(false);
    expect(rate.tryTake(T0 + 999, 1, 1)).toBe(false);
    expect(rate.tryTake(T0 + 1000, 1, 1)).toBe(true);
    expect(rate.tryTake(T0 + 1500, 1, 1)).toBe(false);
    expect(rate.tryTake(T0 + 2000, 1, 1)).toBe(true);
  });

  it('a 5-recipient send at 1/s is accepted and the next ~5 s are throttled (debt)', () => {
    const rate = createSendRate();
    expect(rate.tryTake(T0, 5, 1)).toBe(true);
    expect(rate.waitMs(T0, 1)).toBe(5000);
    for (const ms of [1, 1000, 2000, 3000, 4000, 4999]) expect(rate.tryTake(T0 + ms, 1, 1)).toBe(false);
    expect(rate.waitMs(T0 + 4999, 1)).toBe(1);
    expect(rate.tryTake(T0 + 5000, 1, 1)).toBe(true);
  });

  it('at 14/s a burst of 14 single sends passes at one instant, the 15th is refused', () => {
    const rate = createSendRate();
    for (let i = 0; i < PRODUCTION_MAX_SEND_RATE; i++) expect(rate.tryTake(T0, 1, PRODUCTION_MAX_SEND_RATE)).toBe(true);
    expect(rate.tryTake(T0, 1, PRODUCTION_MAX_SEND_RATE)).toBe(false);
    // One recipient's worth (1000/14 ≈ 71.4 ms) later, exactly one more goes.
    expect(rate.tryTake(T0 + 72, 1, PRODUCTION_MAX_SEND_RATE)).toBe(true);
    expect(rate.tryTake(T0 + 72, 1, PRODUCTION_MAX_SEND_RATE)).toBe(false);
    // After a quiet second the full burst is back.
    for (let i = 0; i < 14; i++) expect(rate.tryTake(T0 + 1100, 1, 14)).toBe(true);
    expect(rate.tryTake(T0 + 1100, 1, 14)).toBe(false);
  });

  it('at 14/s a 50-recipient send goes when nothing is owed, then waits out its debt', () => {
    const rate = createSendRate();
    expect(rate.tryTake(T0, 50, 14)).toBe(true); // debt: 50 × 71.4 ms ≈ 3571 ms, tolerance ≈ 929 ms
    expect(rate.tryTake(T0 + 2600, 1, 14)).toBe(false);
    expect(rate.tryTake(T0 + 2643, 1, 14)).toBe(true);
  });

  it('a refused attempt is not charged', () => {
    const rate = createSendRate();
    rate.tryTake(T0, 1, 1);
    for (let i = 0; i < 100; i++) expect(rate.tryTake(T0 + 500, 1, 1)).toBe(false);
    expect(rate.tryTake(T0 + 1000, 1, 1)).toBe(true);
  });

  it('a new rate keeps the debt in recipients', () => {
    const rate = createSendRate();
    expect(rate.tryTake(T0, 4, 1)).toBe(true); // 4 recipients owed: 4 s at 1/s
    expect(rate.waitMs(T0, 2)).toBe(1500); // 2 s at 2/s, minus the half-second burst tolerance
    expect(rate.tryTake(T0 + 1499, 1, 2)).toBe(false);
    expect(rate.tryTake(T0 + 1500, 1, 2)).toBe(true);
  });

  it('below 1/s the burst is one recipient', () => {
    const rate = createSendRate();
    expect(rate.tryTake(T0, 1, 0.5)).toBe(true);
    expect(rate.tryTake(T0 + 1999, 1, 0.5)).toBe(false);
    expect(rate.tryTake(T0 + 2000, 1, 0.5)).toBe(true);
  });

  it('keeps debt relative when the injected clock moves back, and reset forgets it', () => {
    const rate = createSendRate();
    expect(rate.tryTake(T0 + 86_400_000, 3, 1)).toBe(true);
    expect(rate.tryTake(T0, 1, 1)).toBe(false); // still 3 s of debt, not a day
    expect(rate.tryTake(T0 + 3000, 1, 1)).toBe(true);
    rate.reset();
    expect(rate.tryTake(T0 + 3000, 1, 1)).toBe(true);
  });
});

describe('send rate through the engine', () => {
  const oneSecond = () => makeEngine({ account: { autoVerify: true, sandbox: false, max24HourSend: -1, maxSendRate: 1 } });

  it('throttles with SendingRateExceeded ("Maximum sending rate exceeded.") and stores nothing', async () => {
    const { engine, clock } = oneSecond();
    await engine.sending.send(simpleRequest());
    const err = await refusal(engine.sending.send(simpleRequest()));
    expect(err.kind).toBe('SendingRateExceeded');
    expect(err.message).toBe('Maximum sending rate exceeded.');
    expect(err.wire).toMatchObject({ v2: 'TooManyRequestsException', v1: 'Throttling', smtp: { code: 454, prefix: 'Throttling failure: ' } });
    expect(engine.messages.counts().total).toBe(1);
    expect(engine.account.quota().sentLast24Hours).toBe(1);
    clock.advance(1000);
    await engine.sending.send(simpleRequest());
    expect(engine.messages.counts().total).toBe(2);
  });

  it('counts every recipient, mailbox simulator included, and borrows against the next seconds', async () => {
    const { engine, clock } = oneSecond();
    const to = ['a@example.com', 'b@example.com', 'success@simulator.amazonses.com', 'bounce@simulator.amazonses.com', 'c@example.com'];
    await engine.sending.send(simpleRequest({ destination: { to } }));
    expect(engine.account.rateWaitMs()).toBe(5000);
    clock.advance(4999);
    expect((await refusal(engine.sending.send(simpleRequest()))).kind).toBe('SendingRateExceeded');
    clock.advance(1);
    await engine.sending.send(simpleRequest());
    // Simulator recipients count for the rate but not for the quota.
    expect(engine.account.quota().sentLast24Hours).toBe(4);
  });

  it('Sesame time travel pays off the debt', async () => {
    const { engine } = oneSecond();
    await engine.sending.send(simpleRequest({ destination: { to: ['a@example.com', 'b@example.com', 'c@example.com'] } }));
    expect((await refusal(engine.sending.send(simpleRequest()))).kind).toBe('SendingRateExceeded');
    engine.time.advance(3000);
    await engine.sending.send(simpleRequest());
  });

  it('a call refused before the rate check (sender not verified) is not charged', async () => {
    const { engine } = makeEngine({ account: { maxSendRate: 1 } });
    expect((await refusal(engine.sending.send(simpleRequest()))).kind).toBe('MessageRejected');
    engine.account.update({ autoVerify: true });
    await engine.sending.send(simpleRequest());
    expect(engine.messages.counts().total).toBe(1);
  });

  it('a higher rate set at run time takes effect at once', async () => {
    const { engine } = oneSecond();
    await engine.sending.send(simpleRequest());
    expect((await refusal(engine.sending.send(simpleRequest()))).kind).toBe('SendingRateExceeded');
    engine.account.update({ maxSendRate: 1000 });
    await engine.sending.send(simpleRequest());
  });

  it('reset forgets the debt', async () => {
    const { engine } = oneSecond();
    await engine.sending.send(simpleRequest({ destination: { to: ['a@example.com', 'b@example.com'] } }));
    engine.reset();
    engine.account.update({ autoVerify: true });
    expect(engine.account.rateWaitMs()).toBe(0);
    await engine.sending.send(simpleRequest());
  });
});
