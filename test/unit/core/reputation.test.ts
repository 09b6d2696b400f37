// Reputation judgement and its application, over a stand-in metrics ledger (the counts are given, the
// account and configuration sets are a real engine's): thresholds, transitions (escalate, heal, stay paused),
// the minimum volume, settings validation and persistence, configuration-set pauses, fresh starts, the
// explanation's numbers, and the paused sends that follow.
import { afterEach, describe, expect, it } from 'vitest';
import type { CountedReputation, MetricsService, ReputationCounts } from '../../../src-main/core/metrics/api';
import { explain, nextStatus, verdict } from '../../../src-main/core/reputation/evaluate';
import { createReputation } from '../../../src-main/core/reputation/reputation';
import { DEFAULT_REPUTATION_SETTINGS } from '../../../src-main/core/reputation/settings';
import type { SettingsStore } from '../../../src-main/core/store/types';
import { makeEngine, simpleRequest, type TestEngine } from './helpers';

const S = DEFAULT_REPUTATION_SETTINGS;
const c = (sent: number, hardBounces: number, complaints = 0): ReputationCounts => ({ sent, hardBounces, complaints, windowStart: sent ? 0 : null });

describe('reputation judgement (pure)', () => {
  it('uses SES thresholds: bounce 5 % / 10 %, complaint 0.1 % / 0.5 %, at or above', () => {
    expect(verdict(c(500, 24), S)).toBe('HEALTHY');
    expect(verdict(c(500, 25), S)).toBe('PROBATION');
    expect(verdict(c(500, 49), S)).toBe('PROBATION');
    expect(verdict(c(500, 50), S)).toBe('SHUTDOWN');
    expect(verdict(c(1000, 0, 0), S)).toBe('HEALTHY');
    expect(verdict(c(1000, 0, 1), S)).toBe('PROBATION');
    expect(verdict(c(1000, 0, 5), S)).toBe('SHUTDOWN');
  });

  it('does not judge below the minimum volume', () => {
    expect(verdict(c(S.minimumVolume - 1, S.minimumVolume - 1), S)).toBeNull();
    expect(verdict(c(S.minimumVolume, 50), S)).toBe('SHUTDOWN');
  });

  it('escalates, heals from review, and never leaves a pause on its own', () => {
    expect(nextStatus('HEALTHY', 'PROBATION')).toBe('PROBATION');
    expect(nextStatus('PROBATION', 'HEALTHY')).toBe('HEALTHY');
    expect(nextStatus('PROBATION', 'HEALTHY', false)).toBe('PROBATION');
    expect(nextStatus('PROBATION', 'SHUTDOWN')).toBe('SHUTDOWN');
    expect(nextStatus('HEALTHY', 'SHUTDOWN')).toBe('SHUTDOWN');
    expect(nextStatus('SHUTDOWN', 'HEALTHY')).toBe('SHUTDOWN');
    expect(nextStatus('PROBATION', null)).toBe('PROBATION');
  });

  it('explains the status with the numbers', () => {
    expect(explain('PROBATION', c(500, 31), S)).toBe(
      'Under review: bounce rate 6.2 % (31 of 500 recent sends) is at or above the 5 % review threshold; at 10 % SES pauses sending. ' +
        'The status heals once both rates are below their review thresholds again.',
    );
    expect(explain('HEALTHY', c(500, 5), S)).toBe(
      'Healthy: bounce rate 1 % (5 of 500 recent sends) is below the 5 % review threshold; complaint rate 0 % (0 of 500 recent sends) is below the 0.1 % review threshold.',
    );
    expect(explain('SHUTDOWN', c(200, 0, 1), S)).toMatch(/^Sending paused: complaint rate 0.5 % \(1 of 200 recent sends\) is at or above the 0.5 % pause threshold\. Sending stays paused until a fresh start/);
    expect(explain('HEALTHY', c(40, 10), S)).toMatch(/fewer than the 100 recent sends needed before the status changes\.$/);
    expect(explain('HEALTHY', c(0, 0), S)).toBe('Healthy: nothing that counts toward reputation was sent recently.');
  });
});

/** A metrics ledger whose reputation counts the test sets (per set; '' = the account). */
function fakeMetrics() {
  const counts = new Map<string, ReputationCounts>();
  const since = new Map<string, number | null>();
  const listeners: ((what: CountedReputation) => void)[] = [];
  const metrics: MetricsService = {
    series: () => [],
    breakdown: () => [],
    sendStatistics: () => [],
    reset: () => counts.clear(),
    reputation: (q) => {
      since.set(q.configurationSet ?? '', q.since);
      return counts.get(q.configurationSet ?? '') ?? c(0, 0);
    },
    onCounted: (fn) => {
      listeners.push(fn);
      return () => undefined;
    },
  };
  return {
    metrics,
    since,
    count(configurationSet: string | null, value: ReputationCounts) {
      counts.set(configurationSet ?? '', value);
      for (const fn of listeners) fn({ configurationSet, sentAt: 0, increments: [] });
    },
  };
}

function memorySettings(): SettingsStore {
  const map = new Map<string, unknown>();
  return {
    get: <T,>(k: string) => structuredClone(map.get(k)) as T | undefined,
    put: (k, v) => void map.set(k, structuredClone(v)),
    delete: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

let t: TestEngine;
afterEach(() => t?.engine.close());

function setup() {
  t = makeEngine();
  const fake = fakeMetrics();
  const settings = memorySettings();
  const make = () =>
    createReputation({ metrics: fake.metrics, account: t.engine.account, configurationSets: t.engine.configurationSets, settings, clock: t.clock });
  return { ...fake, reputation: make(), make, engine: t.engine, clock: t.clock };
}

const rejectionOf = async (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: Error) => e);

describe('reputation service', () => {
  it('moves the account HEALTHY → PROBATION → SHUTDOWN; paused sends fail; a fresh start reinstates', async () => {
    const { reputation, count, engine, since, clock } = setup();
    count(null, c(500, 10));
    expect(engine.account.get().enforcementStatus).toBe('HEALTHY');
    count(null, c(500, 31));
    expect(engine.account.get().enforcementStatus).toBe('PROBATION');
    expect(reputation.account()).toMatchObject({ status: 'PROBATION', bounceRate: 0.062, sent: 500, hardBounces: 31 });
    expect(engine.account.get().sendingEnabled).toBe(true);
    await engine.sending.send(simpleRequest()); // under review still sends
    count(null, c(500, 50));
    expect(engine.account.get()).toMatchObject({ enforcementStatus: 'SHUTDOWN', sendingEnabled: false });
    const err = await rejectionOf(engine.sending.send(simpleRequest()));
    expect(err.message).toMatch(/^Sending paused for this account\./);
    // Nothing heals a pause, and the sending switch cannot resume it.
    count(null, c(500, 0));
    engine.account.update({ sendingEnabled: true });
    expect(engine.account.get()).toMatchObject({ enforcementStatus: 'SHUTDOWN', sendingEnabled: false });

    clock.advance(60_000);
    const view = reputation.freshStart({});
    expect(view).toMatchObject({ status: 'HEALTHY', lastFreshStart: clock.now() });
    expect(since.get('')).toBe(clock.now());
    expect(engine.account.get()).toMatchObject({ enforcementStatus: 'HEALTHY', sendingEnabled: true });
    await engine.sending.send(simpleRequest());
  });

  it('heals from review when both rates drop below the review thresholds; a review set by hand stays', () => {
    const { count, engine } = setup();
    count(null, c(500, 30));
    expect(engine.account.get().enforcementStatus).toBe('PROBATION');
    count(null, c(500, 20));
    expect(engine.account.get().enforcementStatus).toBe('HEALTHY');
    engine.account.update({ enforcementStatus: 'PROBATION' });
    count(null, c(500, 0));
    expect(engine.account.get().enforcementStatus).toBe('PROBATION');
  });

  it('changes nothing below the minimum volume; a lower minimum (settings) judges sooner', () => {
    const { count, engine, reputation } = setup();
    count(null, c(60, 30));
    expect(engine.account.get().enforcementStatus).toBe('HEALTHY');
    reputation.updateSettings({ minimumVolume: 50 });
    expect(engine.account.get().enforcementStatus).toBe('SHUTDOWN');
  });

  it('validates, persists and resets its settings', () => {
    const { reputation, make } = setup();
    expect(reputation.settings()).toEqual(S);
    expect(() => reputation.updateSettings({ bounceReview: 0.2 })).toThrow('bounceReview must not exceed bouncePause');
    expect(() => reputation.updateSettings({ volume: 0, complaintPause: 2 })).toThrow(
      'Invalid reputation settings: complaintPause must be a fraction greater than 0 and at most 1; volume must be a positive integer.',
    );
    expect(() => reputation.updateSettings({ window: 1 } as never)).toThrow('window is not a reputation setting');
    expect(reputation.updateSettings({ bounceReview: 0.02, volume: 200, minimumVolume: 20 })).toMatchObject({ bounceReview: 0.02, volume: 200 });
    expect(make().settings()).toMatchObject({ bounceReview: 0.02, volume: 200, minimumVolume: 20 });
    reputation.reset();
    expect(reputation.settings()).toEqual(S);
  });

  it('pauses a configuration set with reputation metrics on its own; a fresh start re-enables it; status survives restart', async () => {
    const { reputation, count, engine, make, clock } = setup();
    engine.configurationSets.create('marketing', { reputation: { reputationMetricsEnabled: true } });
    engine.configurationSets.create('untracked');
    count('marketing', c(300, 40));
    count('untracked', c(300, 40));
    expect(reputation.configurationSet('marketing')).toMatchObject({ status: 'SHUTDOWN', configurationSet: 'marketing' });
    expect(reputation.configurationSets().map((v) => v.configurationSet)).toEqual(['marketing']);
    expect(engine.configurationSets.get('marketing')?.sendingEnabled).toBe(false);
    expect(engine.configurationSets.get('untracked')?.sendingEnabled).toBe(true);
    expect(engine.account.get().enforcementStatus).toBe('HEALTHY');
    const err = await rejectionOf(engine.sending.send(simpleRequest({ configurationSetName: 'marketing' })));
    expect((err as { kind?: string }).kind).toBe('ConfigurationSetSendingPaused');
    await engine.sending.send(simpleRequest());
    expect(make().configurationSet('marketing').status).toBe('SHUTDOWN');

    clock.advance(1000);
    const fresh = reputation.freshStart({ configurationSet: 'marketing' });
    expect(fresh).toMatchObject({ status: 'HEALTHY', lastFreshStart: clock.now() });
    expect(engine.configurationSets.get('marketing')).toMatchObject({ sendingEnabled: true, reputation: { lastFreshStart: clock.now() } });
    await engine.sending.send(simpleRequest({ configurationSetName: 'marketing' }));
    expect(() => reputation.configurationSet('nope')).toThrow(/nope/);
  });

  it('with pauseConfigurationSets off a set stops at review; a set paused by hand is not re-enabled by a fresh start', () => {
    const { reputation, count, engine } = setup();
    reputation.updateSettings({ pauseConfigurationSets: false });
    engine.configurationSets.create('a', { reputation: { reputationMetricsEnabled: true } });
    count('a', c(300, 100));
    expect(reputation.configurationSet('a').status).toBe('PROBATION');
    expect(engine.configurationSets.get('a')?.sendingEnabled).toBe(true);
    engine.configurationSets.update('a', { sendingEnabled: false });
    reputation.freshStart({ configurationSet: 'a' });
    expect(engine.configurationSets.get('a')?.sendingEnabled).toBe(false);
  });
});
