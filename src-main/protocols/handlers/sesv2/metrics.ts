// SES v2 BatchGetMetricData: up to 10 VDM queries (Id, Namespace "VDM", Metric, Dimensions of EMAIL_IDENTITY /
// CONFIGURATION_SET / ISP, StartDate, EndDate), each answered from the statistics ledger (core/metrics) as
// daily values: one Timestamp per UTC day from StartDate's day up to EndDate, zeros included [verify: whether
// SES leaves out empty days]. VDM's SEND, DELIVERY, bounces and complaints exclude the mailbox simulator
// ("This excludes emails sent to the mailbox simulator"), so its recipients are taken out here; VDM also
// leaves out mail "addressed to more than one recipient", which Sesame does not [verify].
// Input that SES's model refuses answers BadRequestException for the whole batch; per-query Errors
// (MetricDataError, codes INTERNAL_FAILURE / ACCESS_DENIED) are never produced locally.
// Owns: the query checks and the wire mapping. Must not: count (core/metrics does).
import { metricsErrors } from '../../../core/errors';
import type { MetricDimensions, MetricName } from '../../../core/metrics/api';
import type { OperationHandler, WireObject } from '../../handler-types';

const VDM_METRICS = [
  'SEND',
  'COMPLAINT',
  'PERMANENT_BOUNCE',
  'TRANSIENT_BOUNCE',
  'OPEN',
  'CLICK',
  'DELIVERY',
  'DELIVERY_OPEN',
  'DELIVERY_CLICK',
  'DELIVERY_COMPLAINT',
] as const satisfies readonly MetricName[];
const DIMENSIONS: Record<string, keyof MetricDimensions> = { EMAIL_IDENTITY: 'identity', CONFIGURATION_SET: 'configurationSet', ISP: 'isp' };
const MAX_QUERIES = 10;
const DAY = 24 * 3600_000;
const SIMULATOR_ISP = 'Amazon SES Mailbox Simulator';

interface Query {
  id: string;
  metric: MetricName;
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
  return { id: String(q.Id), metric: metric as MetricName, filter, from, to };
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
    const window = { metrics: [q.metric], from, to: q.to, stepMs: DAY };
    const [all] = metrics.series({ ...window, filter: q.filter });
    // The simulator's recipients are never in VDM's numbers (an ISP filter naming it included).
    const [simulator] = q.filter.isp === undefined ? metrics.series({ ...window, filter: { ...q.filter, isp: SIMULATOR_ISP } }) : [null];
    const values = all.values.map((v, k) => (q.filter.isp === SIMULATOR_ISP ? 0 : v - (simulator?.values[k] ?? 0)));
    return { Id: q.id, Timestamps: all.timestamps.map((t) => new Date(t)), Values: values };
  });
  return { Results, Errors: [] };
};
