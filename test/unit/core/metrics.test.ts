// The statistics ledger's counting rules under a FakeClock: per-recipient counts in 15-minute buckets of
// Sesame's time, by configuration set / identity / ISP; the reputation counters leave out the mailbox
// simulator, suppression-list outcomes, rules marked countsTowardReputation: false, hard bounces to verified
// domains and soft bounces; GetSendStatistics' points; reset.
import { describe, expect, it } from 'vitest';
import type { MetricName } from '../../../src-main/core/metrics/api';
import { makeEngine, simpleRequest, T0 } from './helpers';

type Engine = ReturnType<typeof makeEngine>['engine'];
const Q = 15 * 60_000;
const DAY = 24 * 3600_000;

function totals(engine: Engine, metrics: MetricName[], filter?: Parameters<Engine['metrics']['series']>[0]['filter']) {
  const out: Partial<Record<MetricName, number>> = {};
  for (const s of engine.metrics.series({ metrics, from: T0 - DAY, to: T0 + 14 * DAY, stepMs: DAY, filter })) {
    out[s.metric] = s.values.reduce((a, b) => a + b, 0);
  }
  return out;
}

const send = async (engine: Engine, to: string[], over: Parameters<typeof simpleRequest>[0] = {}) =>
  (await engine.sending.send(simpleRequest({ destination: { to }, ...over }))).messageId;

function setup() {
  const t = makeEngine();
  t.engine.identities.verifyDomain('example.com');
  return t;
}

const REP: MetricName[] = ['REPUTATION_SENT', 'REPUTATION_HARD_BOUNCE', 'REPUTATION_COMPLAINT'];

describe('counting', () => {
  it('counts recipients by ISP and leaves the mailbox simulator out of reputation', async () => {
    const { engine } = setup();
    await send(engine, ['a@gmail.com', 'b@yahoo.co.uk', 'success@simulator.amazonses.com']);
    expect(totals(engine, ['SEND', 'MESSAGES', 'DELIVERY', 'DELIVERY_COMPLAINT', ...REP])).toEqual({
      SEND: 3,
      MESSAGES: 1,
      DELIVERY: 3,
      DELIVERY_COMPLAINT: 2,
      REPUTATION_SENT: 2,
      REPUTATION_HARD_BOUNCE: 0,
      REPUTATION_COMPLAINT: 0,
    });
    const byIsp = engine.metrics.breakdown({ from: T0, to: T0 + Q, by: 'isp', metrics: ['SEND', 'REPUTATION_SENT'] });
    expect(byIsp).toEqual([
      { key: 'Amazon SES Mailbox Simulator', counts: { SEND: 1 } },
      { key: 'Gmail', counts: { SEND: 1, REPUTATION_SENT: 1 } },
      { key: 'Yahoo', counts: { SEND: 1, REPUTATION_SENT: 1 } },
    ]);
    expect(engine.metrics.breakdown({ from: T0, to: T0 + Q, by: 'identity', metrics: ['MESSAGES'] })).toEqual([{ key: 'example.com', counts: { MESSAGES: 1 } }]);
  });

  it('simulator bounces and complaints count as bounces and complaints but never toward reputation', async () => {
    const { engine } = setup();
    await send(engine, ['bounce@simulator.amazonses.com', 'complaint@simulator.amazonses.com']);
    expect(totals(engine, ['PERMANENT_BOUNCE', 'COMPLAINT', ...REP])).toEqual({
      PERMANENT_BOUNCE: 1,
      COMPLAINT: 1,
      REPUTATION_SENT: 0,
      REPUTATION_HARD_BOUNCE: 0,
      REPUTATION_COMPLAINT: 0,
    });
  });

  it('takes account- and global-list recipients back out of REPUTATION_SENT and never counts their bounces', async () => {
    const { engine } = setup();
    engine.suppression.put('listed@corp.test', 'BOUNCE');
    await send(engine, ['listed@corp.test', 'ok@corp.test']);
    expect(totals(engine, ['SEND', 'PERMANENT_BOUNCE', ...REP])).toEqual({ SEND: 2, PERMANENT_BOUNCE: 1, REPUTATION_SENT: 1, REPUTATION_HARD_BOUNCE: 0, REPUTATION_COMPLAINT: 0 });
    engine.suppression.put('angry@corp.test', 'COMPLAINT');
    await send(engine, ['angry@corp.test']);
    expect(totals(engine, ['COMPLAINT', 'DELIVERY_COMPLAINT', ...REP])).toMatchObject({ COMPLAINT: 1, DELIVERY_COMPLAINT: 1, REPUTATION_SENT: 1, REPUTATION_COMPLAINT: 0 });
  });

  it('keeps VDM copies for single-recipient mail only, without the simulator or account-list bounces', async () => {
    const { engine } = setup();
    engine.suppression.put('listed@corp.test', 'BOUNCE');
    await send(engine, ['one@corp.test']); // counted by VDM
    await send(engine, ['a@corp.test', 'b@corp.test']); // addressed to more than one recipient: not VDM's
    await send(engine, ['success@simulator.amazonses.com']); // the simulator: not VDM's
    await send(engine, ['listed@corp.test']); // single, but its bounce comes from the account-level list
    expect(totals(engine, ['SEND', 'VDM_SEND', 'DELIVERY', 'VDM_DELIVERY', 'PERMANENT_BOUNCE', 'VDM_PERMANENT_BOUNCE'])).toEqual({
      SEND: 5,
      VDM_SEND: 2,
      DELIVERY: 4,
      VDM_DELIVERY: 1,
      PERMANENT_BOUNCE: 1,
      VDM_PERMANENT_BOUNCE: 0,
    });
  });

  it('counts hard bounces to unverified domains only, and soft bounces not at all, toward reputation', async () => {
    const { engine } = setup();
    engine.scenarios.create({ match: { kind: 'domain', pattern: 'gone.test' }, action: { kind: 'hard-bounce' } });
    engine.scenarios.create({ match: { kind: 'address', pattern: 'gone@example.com' }, action: { kind: 'hard-bounce' } });
    engine.scenarios.create({ match: { kind: 'domain', pattern: 'full.test' }, action: { kind: 'soft-bounce', retries: 1, retryIntervalSeconds: 60, finalOutcome: 'bounced' } });
    await send(engine, ['x@gone.test', 'gone@example.com', 'y@full.test']);
    engine.time.advance(120_000);
    expect(totals(engine, ['PERMANENT_BOUNCE', 'TRANSIENT_BOUNCE', 'DELIVERY_DELAY', ...REP])).toEqual({
      PERMANENT_BOUNCE: 2,
      TRANSIENT_BOUNCE: 1,
      DELIVERY_DELAY: 1,
      REPUTATION_SENT: 3,
      REPUTATION_HARD_BOUNCE: 1,
      REPUTATION_COMPLAINT: 0,
    });
  });

  it('leaves recipients of a rule with countsTowardReputation: false out of every reputation counter', async () => {
    const { engine } = setup();
    const quiet = engine.scenarios.create({ match: { kind: 'domain', pattern: 'quiet.test' }, action: { kind: 'hard-bounce' }, countsTowardReputation: false });
    expect(quiet.countsTowardReputation).toBe(false);
    engine.scenarios.create({ match: { kind: 'domain', pattern: 'loud.test' }, action: { kind: 'complain', delaySeconds: 3600 } });
    engine.scenarios.create({ match: { kind: 'domain', pattern: 'hush.test' }, action: { kind: 'complain', delaySeconds: 3600 }, countsTowardReputation: false });
    await send(engine, ['a@quiet.test', 'b@loud.test', 'c@hush.test', 'd@ok.test']);
    engine.time.advance(3600_000);
    expect(totals(engine, ['SEND', 'PERMANENT_BOUNCE', 'COMPLAINT', ...REP])).toEqual({
      SEND: 4,
      PERMANENT_BOUNCE: 1,
      COMPLAINT: 2,
      REPUTATION_SENT: 2,
      REPUTATION_HARD_BOUNCE: 0,
      REPUTATION_COMPLAINT: 1,
    });
    expect(() => engine.scenarios.update(quiet.id, { countsTowardReputation: 'no' })).toThrow(/countsTowardReputation must be true or false/);
    expect(engine.scenarios.update(quiet.id, { name: 'renamed' }).countsTowardReputation).toBe(false);
  });
});

describe('buckets', () => {
  it('puts counts in the 15-minute bucket of Sesame time the event happened in, exactly at the boundary', async () => {
    const { engine, clock } = setup();
    clock.set(T0 + Q - 1);
    await send(engine, ['a@corp.test']);
    clock.set(T0 + Q);
    await send(engine, ['b@corp.test', 'c@corp.test']);
    engine.time.advance(2 * Q);
    await send(engine, ['d@corp.test']);
    const [s] = engine.metrics.series({ metrics: ['SEND'], from: T0, to: T0 + 4 * Q, stepMs: Q });
    expect(s.timestamps).toEqual([T0, T0 + Q, T0 + 2 * Q, T0 + 3 * Q]);
    expect(s.values).toEqual([1, 2, 0, 1]);
    const [hourly] = engine.metrics.series({ metrics: ['SEND'], from: T0, to: T0 + 4 * Q, stepMs: 4 * Q });
    expect(hourly.values).toEqual([4]);
    expect(engine.metrics.sendStatistics()).toEqual([
      { timestamp: T0, deliveryAttempts: 1, bounces: 0, complaints: 0, rejects: 0 },
      { timestamp: T0 + Q, deliveryAttempts: 2, bounces: 0, complaints: 0, rejects: 0 },
      { timestamp: T0 + 3 * Q, deliveryAttempts: 1, bounces: 0, complaints: 0, rejects: 0 },
    ]);
    // Two weeks later the first points have left GetSendStatistics' window.
    engine.time.advance(14 * DAY - Q);
    expect(engine.metrics.sendStatistics().map((p) => p.timestamp)).toEqual([T0 + 3 * Q]);
  });

  it('filters by configuration set and walks reputation newest first up to the volume', async () => {
    const { engine } = setup();
    engine.configurationSets.create('promo');
    engine.scenarios.create({ match: { kind: 'domain', pattern: 'gone.test' }, action: { kind: 'hard-bounce' } });
    await send(engine, ['a@gone.test', 'b@corp.test'], { configurationSetName: 'promo' });
    engine.time.advance(Q);
    await send(engine, ['c@corp.test', 'd@corp.test', 'e@corp.test'], { configurationSetName: 'promo' });
    await send(engine, ['f@gone.test']);
    expect(totals(engine, ['SEND'], { configurationSet: 'promo' })).toEqual({ SEND: 5 });
    expect(totals(engine, ['SEND'], { configurationSet: null })).toEqual({ SEND: 1 });
    const promo = engine.metrics.reputation({ configurationSet: 'promo', since: null, volume: 3, maxAgeMs: DAY });
    expect(promo).toEqual({ sent: 3, hardBounces: 0, complaints: 0, windowStart: T0 + Q });
    const account = engine.metrics.reputation({ since: null, volume: 100, maxAgeMs: DAY });
    expect(account).toEqual({ sent: 6, hardBounces: 2, complaints: 0, windowStart: T0 });
    expect(engine.metrics.reputation({ since: T0 + Q, volume: 100, maxAgeMs: DAY })).toMatchObject({ sent: 4, hardBounces: 1 });
    expect(engine.metrics.reputation({ since: null, volume: 100, maxAgeMs: DAY })).toMatchObject({ windowStart: T0 });
  });

  it('keeps counts 15 days, then prunes them lazily', async () => {
    const { engine } = setup();
    await send(engine, ['a@corp.test']);
    engine.time.advance(14 * DAY);
    await send(engine, ['b@corp.test']);
    const all = () => engine.metrics.series({ metrics: ['SEND'], from: T0, to: T0 + 20 * DAY, stepMs: DAY })[0].values.reduce((a, b) => a + b, 0);
    expect(all()).toBe(2);
    engine.time.advance(2 * DAY);
    await send(engine, ['c@corp.test']);
    expect(all()).toBe(2);
  });

  it('counts a rejected message (EICAR) as REJECT and takes its recipients out of REPUTATION_SENT', async () => {
    const { engine } = setup();
    engine.scenarios.create({ match: { kind: 'domain', pattern: 'virus.test' }, action: { kind: 'reject' } });
    await send(engine, ['a@virus.test', 'b@corp.test']);
    expect(totals(engine, ['SEND', 'REJECT', 'DELIVERY', 'REPUTATION_SENT'])).toEqual({ SEND: 2, REJECT: 2, DELIVERY: 0, REPUTATION_SENT: 0 });
  });

  it('tells listeners after each reputation count (not after a Delivery), and forgets everything on reset', async () => {
    const { engine } = setup();
    const heard: (string | null)[] = [];
    engine.metrics.onCounted((w) => heard.push(w.configurationSet));
    const window = () => engine.metrics.reputation({ since: null, volume: 0, maxAgeMs: 30 * 86_400_000 });
    expect(window().sent).toBe(0); // loads the in-memory tally before the send: later counts must reach it
    await send(engine, ['a@corp.test']);
    expect(heard).toEqual([null]); // Send (REPUTATION_SENT); its Delivery changes no rate
    expect(window().sent).toBe(1);
    engine.reset();
    expect(engine.metrics.sendStatistics()).toEqual([]);
    expect(window().sent).toBe(0);
  });
});
