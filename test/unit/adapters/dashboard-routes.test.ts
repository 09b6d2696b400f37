// UI API GET /api/dashboard against a real engine behind the real UI API server: range steps and alignment,
// query refusals, quota from the account, and the
// real series, breakdowns, rates and cost of a scripted mix of sends. The shaping is also checked against a
// recording MetricsService, so what the route asks the ledger for is pinned.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DashboardDto } from '../../../src-main/contract/dashboard';
import { buildDashboard, RANGE_STEPS } from '../../../src-main/adapters/ui-api/ses-routes-dashboard';
import type { MetricQuery, MetricsService } from '../../../src-main/core/metrics/api';
import { simpleRequest, T0 } from '../core/helpers';
import { startSesHarness, type SesHarness } from './ui-api/ses-setup';

let h: SesHarness;
beforeEach(async () => {
  h = await startSesHarness();
});
afterEach(() => h.stop());

const MIN = 60_000;
const get = async (q = ''): Promise<DashboardDto> => {
  const res = await h.call('GET', `/api/dashboard${q}`);
  expect(res.status).toBe(200);
  return res.json() as DashboardDto;
};

describe('GET /api/dashboard', () => {
  it('answers 24h in 15-minute steps ending after now, with the quota', async () => {
    h.clock.advance(10 * MIN);
    const d = await get();
    expect(d.range).toBe('24h');
    expect(d.series.stepMs).toBe(15 * MIN);
    expect(d.series.timestamps).toHaveLength(96);
    expect(d.to).toBe(T0 + 15 * MIN);
    expect(d.from).toBe(d.to - 24 * 60 * MIN);
    expect(d.series.timestamps[0]).toBe(d.from);
    expect(d.now).toBe(T0 + 10 * MIN);
    expect(d.quota).toEqual({ max24HourSend: -1, sentLast24Hours: 0, maxSendRate: 1_000_000, sendingEnabled: true, enforcementStatus: 'HEALTHY' });
    expect(d.cost.total).toBe(0);
    expect(d.cost.source).toBe('https://aws.amazon.com/ses/pricing/');
  });

  it('uses hourly steps for 7d and two-hourly for 14d', async () => {
    expect((await get('?range=7d')).series.timestamps).toHaveLength(168);
    expect((await get('?range=7d')).series.stepMs).toBe(RANGE_STEPS['7d'].stepMs);
    const d = await get('?range=14d');
    expect(d.series.stepMs).toBe(120 * MIN);
    expect(d.series.timestamps).toHaveLength(168);
  });

  it('refuses an unknown range and other methods', async () => {
    const bad = await h.call('GET', '/api/dashboard?range=1y');
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'BadRequest', message: 'range must be one of 24h, 7d, 14d.' });
    expect((await h.call('POST', '/api/dashboard')).status).toBe(405);
    expect((await h.call('GET', '/api/dashboard/x')).status).toBe(404);
  });

  it('passes the filters to the ledger and totals its series', () => {
    const asked: MetricQuery[] = [];
    const metrics = {
      series: (q: MetricQuery) => {
        asked.push(q);
        const n = (q.to - q.from) / q.stepMs;
        // As the ledger answers: every step from `from`, zeros filled in.
        const timestamps = Array.from({ length: n }, (_, i) => q.from + i * q.stepMs);
        return q.metrics.map((metric) => ({ metric, timestamps, values: timestamps.map((_, i) => (metric === 'SEND' && i === n - 1 ? 7 : metric === 'ATTACHMENT_BYTES' && i === 0 ? 1024 ** 3 : 0)) }));
      },
      breakdown: () => [{ key: 'marketing', counts: { SEND: 7, PERMANENT_BOUNCE: 1 } }],
    } as unknown as MetricsService;
    const d = buildDashboard({ engine: h.engine, metrics }, { range: '24h', configurationSet: 'marketing', identity: null });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ from: d.from, to: d.to, stepMs: 15 * MIN, filter: { configurationSet: 'marketing' } });
    expect(asked[0].metrics).toContain('ATTACHMENT_BYTES');
    expect(d.series.totals.SEND).toBe(7);
    expect(d.series.timestamps).toHaveLength(96);
    expect(d.series.timestamps[0]).toBe(d.from);
    expect(d.series.timestamps.at(-1)).toBe(d.to - 15 * MIN);
    expect(Object.keys(d.series.values).sort()).toEqual(Object.keys(d.series.totals).sort());
    expect(d.series.values.SEND).toHaveLength(96);
    expect(d.series.values.SEND.at(-1)).toBe(7);
    expect(d.series.values.DELIVERY.every((v) => v === 0)).toBe(true);
    expect(d.byConfigurationSet[0]).toEqual({ key: 'marketing', counts: { SEND: 7, DELIVERY: 0, PERMANENT_BOUNCE: 1, TRANSIENT_BOUNCE: 0, COMPLAINT: 0, REJECT: 0, OPEN: 0, CLICK: 0 } });
    expect(d.cost.lines.find((l) => l.id === 'outbound')!.cost).toBe(0.0007);
    expect(d.cost.lines.find((l) => l.id === 'attachments')!.cost).toBe(0.12);
  });

  it('shows what a scripted mix of sends did: counts, breakdowns, rates', async () => {
    h.engine.scenarios.create({ match: { kind: 'glob', pattern: 'bounce-*@example.com' }, action: { kind: 'hard-bounce' } });
    h.engine.configurationSets.create('marketing', { reputation: { reputationMetricsEnabled: true } });
    for (let i = 0; i < 8; i++) await h.engine.sending.send(simpleRequest({ destination: { to: [`ok-${i}@example.com`] }, configurationSetName: 'marketing' }));
    for (let i = 0; i < 2; i++) await h.engine.sending.send(simpleRequest({ destination: { to: [`bounce-${i}@example.com`] }, configurationSetName: 'marketing' }));
    h.clock.advance(MIN);
    const d = await get();
    expect(d.series.totals.SEND).toBe(10);
    expect(d.series.totals.PERMANENT_BOUNCE).toBe(2);
    expect(d.series.totals.DELIVERY).toBe(8);
    expect(d.byConfigurationSet.find((r) => r.key === 'marketing')!.counts.SEND).toBe(10);
    expect(d.byIdentity.reduce((a, r) => a + r.counts.SEND, 0)).toBe(10);
    expect(d.cost.lines.find((l) => l.id === 'outbound')!.cost).toBe(0.001);
    const filtered = await get('?configurationSet=other');
    expect(filtered.series.totals.SEND).toBe(0);
    expect(d.account.hardBounces).toBe(2);
    expect(d.thresholds.bounceReview).toBe(0.05);
    expect(d.configurationSets.map((s) => s.configurationSet)).toEqual(['marketing']);
  });
});
