// Reputation through the whole engine on a fake clock: scenario-rule hard bounces counted by the metrics
// ledger move the account HEALTHY → PROBATION → SHUTDOWN and paused sends fail; a fresh start recovers
// (also inside the same 15-minute bucket); mailbox-simulator bounces and rules marked
// countsTowardReputation=false never move it; a configuration set with reputation metrics is paused on
// its own; reputation state survives a restart and goes with a reset.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeEngine, simpleRequest, type TestEngine } from './helpers';

let t: TestEngine;
afterEach(() => t?.engine.close());

const to = (n: number, domain: string, from = 0) => Array.from({ length: n }, (_, i) => `r${from + i}@${domain}`);

let next = 0;
/**
 * One send per ≤ 50 recipients: `good` delivered, `bad` to the hard-bounce domain; fresh addresses every
 * time (a bounced address lands on the suppression list, and suppressed recipients do not count).
 */
async function sendMix(engine: TestEngine['engine'], good: number, bad: number, configurationSetName?: string) {
  const all = [...to(good, 'ok.example.com', next), ...to(bad, 'bounce.example.com', next)];
  next += good + bad;
  for (let i = 0; i < all.length; i += 50) {
    await engine.sending.send(simpleRequest({ destination: { to: all.slice(i, i + 50) }, ...(configurationSetName ? { configurationSetName } : {}) }));
  }
}

const rejection = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: Error & { kind?: string }) => e);

function withBounceRule(engine: TestEngine['engine'], countsTowardReputation = true) {
  engine.scenarios.create({
    match: { kind: 'domain', pattern: 'bounce.example.com' },
    action: { kind: 'hard-bounce', bounceSubType: 'General', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
    countsTowardReputation,
  });
}

describe('reputation through the engine', () => {
  it('hard bounces move the account HEALTHY → PROBATION → SHUTDOWN; a fresh start recovers', async () => {
    t = makeEngine();
    const { engine, clock } = t;
    withBounceRule(engine);
    const announced: string[] = [];
    engine.bus.on('reputation.changed', (c) => announced.push(`${c.configurationSet ?? 'account'}:${c.status}`));
    await sendMix(engine, 100, 0);
    expect(engine.reputation.account()).toMatchObject({ status: 'HEALTHY', sent: 100, hardBounces: 0, bounceRate: 0 });
    await sendMix(engine, 88, 12); // 12 of 200 = 6 %
    const review = engine.reputation.account();
    expect(review).toMatchObject({ status: 'PROBATION', sent: 200, hardBounces: 12, bounceRate: 0.06 });
    expect(review.explanation).toMatch(/^Under review: bounce rate 6 % \(12 of 200 recent sends\) is at or above the 5 % review threshold; at 10 % SES pauses sending\./);
    expect(engine.account.get()).toMatchObject({ enforcementStatus: 'PROBATION', sendingEnabled: true });
    await sendMix(engine, 0, 20); // 32 of 220 ≈ 14.5 %
    expect(engine.account.get()).toMatchObject({ enforcementStatus: 'SHUTDOWN', sendingEnabled: false });
    expect((await rejection(sendMix(engine, 1, 0))).kind).toBe('AccountShutdown');

    // Reinstated within the same 15-minute bucket: the earlier counts of that bucket no longer count.
    clock.advance(1000);
    expect(engine.reputation.freshStart({})).toMatchObject({ status: 'HEALTHY', sent: 0, lastFreshStart: clock.now() });
    // Each move was announced once, for the live UI.
    expect(announced).toEqual(['account:PROBATION', 'account:SHUTDOWN', 'account:HEALTHY']);
    await sendMix(engine, 150, 0);
    expect(engine.reputation.account()).toMatchObject({ status: 'HEALTHY', sent: 150, hardBounces: 0 });
    expect(engine.account.get().enforcementStatus).toBe('HEALTHY');
  });

  it('complaints count too (0.5 % pauses); a fresh start in a later bucket counts only what follows it', async () => {
    t = makeEngine();
    const { engine, clock } = t;
    engine.scenarios.create({ match: { kind: 'domain', pattern: 'complain.example.com' }, action: { kind: 'complain', delaySeconds: 0, feedbackType: 'abuse' } });
    await sendMix(engine, 199, 0);
    await engine.sending.send(simpleRequest({ destination: { to: ['c1@complain.example.com'] } }));
    expect(engine.reputation.account()).toMatchObject({ status: 'SHUTDOWN', sent: 200, complaints: 1, complaintRate: 0.005 });
    expect(engine.reputation.account().explanation).toMatch(/^Sending paused: complaint rate 0.5 % \(1 of 200 recent sends\) is at or above the 0.5 % pause threshold\./);
    clock.advance(3600_000);
    engine.reputation.freshStart({});
    await sendMix(engine, 120, 0);
    expect(engine.reputation.account()).toMatchObject({ status: 'HEALTHY', sent: 120, complaints: 0 });
  });

  it('the same volume to the mailbox simulator, or under a rule not counting toward reputation, never moves it', async () => {
    t = makeEngine();
    const { engine } = t;
    withBounceRule(engine, false);
    await sendMix(engine, 100, 100);
    for (let i = 0; i < 4; i++) {
      await engine.sending.send(simpleRequest({ destination: { to: Array.from({ length: 50 }, (_, k) => `bounce+${i}-${k}@simulator.amazonses.com`) } }));
    }
    expect(engine.reputation.account()).toMatchObject({ status: 'HEALTHY', sent: 100, hardBounces: 0 });
    expect(engine.account.get().enforcementStatus).toBe('HEALTHY');
  });

  it('pauses a configuration set with reputation metrics on its own while the account stays healthy', async () => {
    t = makeEngine();
    const { engine } = t;
    withBounceRule(engine);
    engine.configurationSets.create('marketing', { reputation: { reputationMetricsEnabled: true } });
    await sendMix(engine, 500, 0);
    await sendMix(engine, 80, 20, 'marketing');
    expect(engine.reputation.configurationSet('marketing')).toMatchObject({ status: 'SHUTDOWN', sent: 100, hardBounces: 20 });
    expect(engine.account.get().enforcementStatus).toBe('HEALTHY');
    expect(engine.configurationSets.get('marketing')?.sendingEnabled).toBe(false);
    expect((await rejection(sendMix(engine, 1, 0, 'marketing'))).kind).toBe('ConfigurationSetSendingPaused');
    await sendMix(engine, 1, 0);

    const fresh = engine.reputation.freshStart({ configurationSet: 'marketing' });
    expect(fresh).toMatchObject({ status: 'HEALTHY', sent: 0 });
    expect(engine.configurationSets.get('marketing')).toMatchObject({ sendingEnabled: true, reputation: { lastFreshStart: t.clock.now() } });
    await sendMix(engine, 100, 0, 'marketing');
    expect(engine.reputation.configurationSet('marketing')).toMatchObject({ status: 'HEALTHY', sent: 100 });
  });

  it('keeps reputation state across a restart; a reset forgets it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-rep-'));
    try {
      const dbPath = join(dir, 'sesame.db');
      t = makeEngine({ dbPath });
      withBounceRule(t.engine);
      t.engine.configurationSets.create('cs', { reputation: { reputationMetricsEnabled: true } });
      t.engine.reputation.updateSettings({ minimumVolume: 20 });
      await sendMix(t.engine, 10, 10, 'cs');
      expect(t.engine.reputation.configurationSet('cs').status).toBe('SHUTDOWN');
      t.engine.close();
      t = makeEngine({ dbPath });
      expect(t.engine.reputation.settings().minimumVolume).toBe(20);
      expect(t.engine.reputation.configurationSet('cs')).toMatchObject({ status: 'SHUTDOWN', sent: 20, hardBounces: 10 });
      expect(t.engine.account.get().enforcementStatus).toBe('SHUTDOWN');
      t.engine.reset();
      expect(t.engine.reputation.settings().minimumVolume).toBe(100);
      expect(t.engine.reputation.account()).toMatchObject({ status: 'HEALTHY', sent: 0 });
    } finally {
      t.engine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('late complaints about mail sent before a fresh start do not count against the new window', async () => {
    t = makeEngine();
    const { engine, clock } = t;
    engine.scenarios.create({ match: { kind: 'domain', pattern: 'late.example.com' }, action: { kind: 'complain', delaySeconds: 1800 } });
    await sendMix(engine, 400, 0);
    await engine.sending.send(simpleRequest({ destination: { to: to(4, 'late.example.com', 9000) } }));
    clock.advance(60_000);
    engine.reputation.freshStart({});
    clock.advance(1800_000);
    engine.time.runDue(); // the 4 complaints arrive, about mail the fresh start forgave
    await sendMix(engine, 150, 0);
    expect(engine.reputation.account()).toMatchObject({ status: 'HEALTHY', sent: 150, complaints: 0 });
    expect(engine.metrics.sendStatistics().reduce((n, p) => n + p.complaints, 0)).toBe(4); // still in the statistics
  });

  it('a set re-enabled by hand after reputation paused it is judged afresh: bad rates pause it again', async () => {
    t = makeEngine();
    const { engine } = t;
    withBounceRule(engine);
    engine.configurationSets.create('promo', { reputation: { reputationMetricsEnabled: true } });
    await sendMix(engine, 80, 20, 'promo');
    expect(engine.reputation.configurationSet('promo').status).toBe('SHUTDOWN');
    expect(engine.configurationSets.get('promo')!.sendingEnabled).toBe(false);
    engine.configurationSets.update('promo', { sendingEnabled: true });
    // Shown as judged now: the rates are still past the pause threshold, so it is paused again.
    expect(engine.reputation.configurationSet('promo').status).toBe('SHUTDOWN');
    expect(engine.configurationSets.get('promo')!.sendingEnabled).toBe(false);
    // A fresh start is what lets it send again.
    engine.reputation.freshStart({ configurationSet: 'promo' });
    expect(engine.configurationSets.get('promo')!.sendingEnabled).toBe(true);
    expect(engine.reputation.configurationSet('promo').status).toBe('HEALTHY');
  });
  it('"under review" heals once its mail ages out of the window; a status set by hand stays', async () => {
    t = makeEngine();
    const { engine } = t;
    withBounceRule(engine);
    await sendMix(engine, 188, 12); // 6 %
    expect(engine.account.get().enforcementStatus).toBe('PROBATION');
    engine.time.advance(7 * 86_400_000);
    expect(engine.account.get().enforcementStatus).toBe('PROBATION'); // still within 14 days
    engine.time.advance(8 * 86_400_000);
    expect(engine.account.get().enforcementStatus).toBe('HEALTHY');
    expect(engine.reputation.account()).toMatchObject({ sent: 0, bounceRate: null });
    engine.account.update({ enforcementStatus: 'PROBATION' });
    engine.time.advance(86_400_000);
    expect(engine.account.get().enforcementStatus).toBe('PROBATION');
  });
});
