// UI API: the reputation and statistics dashboard (issue 6; DTOs in contract/dashboard.ts).
//   GET /api/dashboard?range=24h|7d|14d&configurationSet=&identity=  → DashboardDto
// One view for the screen: the counted series over the range (15-minute steps for 24h, 1 h for 7d, 2 h for
// 14d) from engine.metrics, the account's and each reputation-enabled set's rates and status from
// engine.reputation, quota and rate from the account, breakdowns per set and identity, and the cost estimate
// (core/pricing). Fresh starts and settings are the reputation routes' (/api/reputation/*).
// Owns: reading the query and shaping that view. Must not: count, judge reputation or price anything itself.
import {
  DASHBOARD_METRICS,
  DASHBOARD_RANGES,
  type DashboardBreakdownRowDto,
  type DashboardCounts,
  type DashboardDto,
  type DashboardMetric,
  type DashboardRange,
  type DashboardSeriesDto,
} from '../../contract/dashboard';
import type { Engine } from '../../core/engine-api';
import type { MetricsService, MetricTotal } from '../../core/metrics/api';
import { estimateCost } from '../../core/pricing/estimate';
import type { SesCall, SesRouteTable } from './ses-routes';
import { badRequest, methodNotAllowed, notFound, sendJson } from './respond';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Each range's length and bucket width (a multiple of the metrics' 15 minutes; at most 168 points). */
export const RANGE_STEPS: Record<DashboardRange, { rangeMs: number; stepMs: number }> = {
  '24h': { rangeMs: DAY, stepMs: 15 * MINUTE },
  '7d': { rangeMs: 7 * DAY, stepMs: HOUR },
  '14d': { rangeMs: 14 * DAY, stepMs: 2 * HOUR },
};

/** What the view is built from: the engine, and its metrics apart so tests can hand in their own ledger. */
export interface DashboardSources {
  engine: Engine;
  metrics: MetricsService;
}

function rows(totals: MetricTotal[]): DashboardBreakdownRowDto[] {
  return totals
    .map((t) => ({ key: t.key, counts: Object.fromEntries(DASHBOARD_METRICS.map((m) => [m, t.counts[m] ?? 0])) as DashboardCounts }))
    .sort((a, b) => b.counts.SEND - a.counts.SEND || a.key.localeCompare(b.key));
}

export interface DashboardQuery {
  range: DashboardRange;
  configurationSet: string | null;
  identity: string | null;
}

export function buildDashboard(src: DashboardSources, q: DashboardQuery): DashboardDto {
  const { engine, metrics } = src;
  const { reputation, dedicatedIps } = engine;
  const now = engine.time.now();
  const { rangeMs, stepMs } = RANGE_STEPS[q.range];
  const to = Math.floor(now / stepMs) * stepMs + stepMs;
  const from = to - rangeMs;
  const filter = { ...(q.configurationSet !== null && { configurationSet: q.configurationSet }), ...(q.identity !== null && { identity: q.identity }) };

  // The ledger answers every step from `from` with zeros filled in, one series per metric asked for.
  const series = metrics.series({ metrics: [...DASHBOARD_METRICS, 'ATTACHMENT_BYTES'], from, to, stepMs, filter });
  const values = {} as DashboardSeriesDto['values'];
  const totals = {} as DashboardCounts;
  let attachmentBytes = 0;
  for (const s of series) {
    const sum = s.values.reduce((a, b) => a + b, 0);
    if (s.metric === 'ATTACHMENT_BYTES') attachmentBytes = sum;
    else {
      const metric = s.metric as DashboardMetric;
      values[metric] = s.values;
      totals[metric] = sum;
    }
  }
  // Breakdowns cover the whole account (the ledger's breakdown takes no filter): they are the way to pick one.
  const breakdown = (by: 'configurationSet' | 'identity') => rows(metrics.breakdown({ from, to, by, metrics: [...DASHBOARD_METRICS] }));

  const account = engine.account.get();
  const settings = reputation.settings();
  // Leased (standard) IPs are billed per IP; managed pools carry the managed fee.
  const standardIps = dedicatedIps.ips().filter((ip) => !ip.managed).length;
  const managedPools = dedicatedIps.pools().filter((p) => p.scalingMode === 'MANAGED').length;
  return {
    range: q.range,
    from,
    to,
    now,
    filter: { configurationSet: q.configurationSet, identity: q.identity },
    series: { stepMs, timestamps: series[0].timestamps, values, totals },
    account: reputation.account(),
    configurationSets: reputation.configurationSets(),
    thresholds: { ...settings },
    quota: {
      max24HourSend: account.sendQuota.max24HourSend,
      sentLast24Hours: account.sendQuota.sentLast24Hours,
      maxSendRate: account.sendQuota.maxSendRate,
      sendingEnabled: account.sendingEnabled,
      enforcementStatus: account.enforcementStatus,
    },
    byConfigurationSet: breakdown('configurationSet'),
    byIdentity: breakdown('identity'),
    cost: estimateCost({
      recipients: totals.SEND,
      attachmentBytes,
      rangeMs,
      standardIps,
      managedPools,
      // Managed pools carry the account's sends unless a set routes elsewhere; the whole range is the upper bound.
      managedMessages: managedPools > 0 ? totals.SEND : 0,
      receivedMessages: null,
      receivedBytes: null,
    }),
  };
}

/** `?range&configurationSet&identity` → the query (blank filters = none; unknown range → 400). */
function parseDashboardQuery(query: URLSearchParams): DashboardQuery {
  const range = query.get('range') ?? '24h';
  if (!(DASHBOARD_RANGES as readonly string[]).includes(range)) throw badRequest(`range must be one of ${DASHBOARD_RANGES.join(', ')}.`);
  const opt = (name: string) => {
    const v = query.get(name)?.trim();
    return v ? v : null;
  };
  return { range: range as DashboardRange, configurationSet: opt('configurationSet'), identity: opt('identity') };
}

function dashboard({ ctx, res, method, seg, query }: SesCall): void {
  if (seg.length !== 1) throw notFound(`No API route /api/${seg.join('/')}.`);
  if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, 'GET');
  return sendJson(res, 200, buildDashboard({ engine: ctx.engine, metrics: ctx.engine.metrics }, parseDashboardQuery(query)), method);
}

export const dashboardRoutes: SesRouteTable = { dashboard };
