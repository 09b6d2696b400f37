// SES v2 BatchGetMetricData: up to 10 VDM queries (Id, Namespace "VDM", Metric, Dimensions of EMAIL_IDENTITY /
// CONFIGURATION_SET / ISP, StartDate, EndDate), each answered from the statistics ledger (core/metrics) as
// daily values: one Timestamp per UTC day from StartDate's day up to EndDate, zeros included [verify: whether
// SES leaves out empty days]. VDM counts only mail addressed to one recipient, never the mailbox simulator,
// and leaves account-suppression-list outcomes out of COMPLAINT and PERMANENT_BOUNCE (API reference): the
// ledger keeps those counts apart as VDM_<metric> (core/metrics/counting.ts), read here.
// Input that SES's model refuses answers BadRequestException for the whole batch; per-query Errors
// (MetricDataError, codes INTERNAL_FAILURE / ACCESS_DENIED) are never produced locally.
// Owns: the query checks and the wire mapping. Must not: count (core/metrics does).
import { metricsErrors } from '../../../core/errors';
import { VDM_METRICS, type MetricDimensions, type VdmMetric } from '../../../core/metrics/api';
import type { OperationHandler, WireObject } from '../../handler-types';

const DIMENSIONS: Record<string, keyof MetricDimensions> = { EMAIL_IDENTITY: 'identity', CONFIGURATION_SET: 'configurationSet', ISP: 'isp' };
const MAX_QUERIES = 10;
const DAY = 24 * 3600_000;

interface Query {
  id: string;
  metric: VdmMetric;
  filter: MetricDimensions;
  from: number;
  to: number;
}

function checkQuery(q: WireObject, n: number): Query {
  const path = (m: string) => `queries.${n}.member.${m}`;
  const namespace = String(q.Namespace);
  if (namespace !== 'VDM') throw metricsErrors.badEnum(namespace, path('namespace'), ['VDM']);
  const metric = String(q.Metric);
  if (!(VDM_METRICS as readonly string[]).includes(metric)) throw metricsErrors.badEnum(metric, path('metric'), VDM_METRICS);
  const filter: MetricDimensions = {};
  for (const [name, value] of Object.entries((q.Dimensions ?? {}) as Record<string, string>)) {
    const dim = DIMENSIONS[name];
    if (!dim) throw metricsErrors.badEnum(name, path('dimensions'), Object.keys(DIMENSIONS));
    filter[dim] = value;
  }
  const from = (q.StartDate as Date).getTime();
  const to = (q.EndDate as Date).getTime();
  if (!(from < to)) throw metricsErrors.badDateRange();
  return { id: String(q.Id), metric: metric as VdmMetric, filter, from, to };
}

export const BatchGetMetricData: OperationHandler = (input, ctx) => {
  const raw = (input.Queries ?? []) as WireObject[];
  if (raw.length < 1 || raw.length > MAX_QUERIES) throw metricsErrors.badQueries(raw.length, MAX_QUERIES);
  const queries = raw.map((q, i) => checkQuery(q, i + 1));
  const seen = new Set<string>();
  for (const q of queries) {
    if (seen.has(q.id)) throw metricsErrors.duplicateId(q.id);
    seen.add(q.id);
  }
  const metrics = ctx.engine.metrics;
  const Results = queries.map((q) => {
    const from = Math.floor(q.from / DAY) * DAY;
    // The ledger's VDM copies: single-recipient mail outside the simulator (core/metrics/counting.ts).
    const [series] = metrics.series({ metrics: [`VDM_${q.metric}`], from, to: q.to, stepMs: DAY, filter: q.filter });
    return { Id: q.id, Timestamps: series.timestamps.map((t) => new Date(t)), Values: series.values };
  });
  return { Results, Errors: [] };
};
