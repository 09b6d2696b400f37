// The event publishing tables (migration 006): `publish_log` (one row per publish of one event to one
// destination) and `event_metrics` (CloudWatch-shaped counters by metric, dimension and hour).
// Owns: the SQL. Must not: decide what is published or counted (core/publishing does).
import type { MetricCount, PublishQuery, PublishRecord } from '../publishing/api';
import type { Db } from './database';

export interface PublishingStore {
  log(rec: Omit<PublishRecord, 'id'>): number;
  published(query: PublishQuery): PublishRecord[];
  /** Adds 1 to the counter (creating it at 1). */
  count(key: Omit<MetricCount, 'count'>): void;
  metrics(configurationSet?: string): MetricCount[];
  /** Drops the log rows of deleted messages ('all': every row). */
  forget(messageIds: string[] | 'all'): void;
  clearMetrics(): void;
}

interface LogRow {
  id: number;
  at: number;
  message_id: string;
  event_id: number | null;
  configuration_set: string | null;
  destination: string;
  kind: string;
  target: string | null;
  outcome: string;
  sns_message_id: string | null;
  status: number | null;
  latency_ms: number | null;
  response_body: string | null;
  error: string | null;
}

interface MetricRow {
  configuration_set: string;
  destination: string;
  metric: string;
  dimension_name: string;
  dimension_value: string;
  hour: number;
  count: number;
}

const toRecord = (r: LogRow): PublishRecord => ({
  id: r.id,
  at: r.at,
  messageId: r.message_id,
  eventId: r.event_id,
  configurationSet: r.configuration_set,
  destination: r.destination,
  kind: r.kind as PublishRecord['kind'],
  target: r.target,
  outcome: r.outcome as PublishRecord['outcome'],
  snsMessageId: r.sns_message_id,
  status: r.status,
  latencyMs: r.latency_ms,
  responseBody: r.response_body,
  error: r.error,
});

export function createPublishingStore(db: Db): PublishingStore {
  const st = {
    log: db.prepare(
      `INSERT INTO publish_log (at, message_id, event_id, configuration_set, destination, kind, target, outcome, sns_message_id, status, latency_ms, response_body, error)
       VALUES (@at, @messageId, @eventId, @configurationSet, @destination, @kind, @target, @outcome, @snsMessageId, @status, @latencyMs, @responseBody, @error)`,
    ),
    count: db.prepare(
      `INSERT INTO event_metrics (configuration_set, destination, metric, dimension_name, dimension_value, hour, count)
       VALUES (@configurationSet, @destination, @metric, @dimensionName, @dimensionValue, @hour, 1)
       ON CONFLICT DO UPDATE SET count = count + 1`,
    ),
    metricsAll: db.prepare('SELECT * FROM event_metrics ORDER BY hour, configuration_set, destination, metric, dimension_name, dimension_value'),
    metricsOf: db.prepare(
      'SELECT * FROM event_metrics WHERE configuration_set = ? ORDER BY hour, configuration_set, destination, metric, dimension_name, dimension_value',
    ),
    clearLog: db.prepare('DELETE FROM publish_log'),
    forget: db.prepare('DELETE FROM publish_log WHERE message_id = ?'),
    clearMetrics: db.prepare('DELETE FROM event_metrics'),
  };
  return {
    log: (rec) => Number(st.log.run(rec).lastInsertRowid),
    published(q) {
      const where: string[] = [];
      const args: unknown[] = [];
      if (q.messageId !== undefined) {
        where.push('message_id = ?');
        args.push(q.messageId);
      }
      if (q.configurationSet !== undefined) {
        where.push('configuration_set = ?');
        args.push(q.configurationSet);
      }
      const limit = Math.max(1, Math.min(q.limit ?? 500, 5000));
      const sql = `SELECT * FROM publish_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${limit}`;
      return (db.prepare(sql).all(...args) as LogRow[]).map(toRecord);
    },
    count: (key) => void st.count.run(key),
    metrics: (set) =>
      ((set === undefined ? st.metricsAll.all() : st.metricsOf.all(set)) as MetricRow[]).map((r) => ({
        configurationSet: r.configuration_set,
        destination: r.destination,
        metric: r.metric,
        dimensionName: r.dimension_name,
        dimensionValue: r.dimension_value,
        hour: r.hour,
        count: r.count,
      })),
    forget(ids) {
      if (ids === 'all') st.clearLog.run();
      else db.transaction(() => ids.forEach((id) => st.forget.run(id)))();
    },
    clearMetrics: () => void st.clearMetrics.run(),
  };
}
