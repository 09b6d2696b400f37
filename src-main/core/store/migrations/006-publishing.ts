// Migration 6: event publishing — the log of every publish SES made for a message (SNS topics, EventBridge
// and Firehose sinks, CloudWatch counting, legacy identity notifications), and the CloudWatch-shaped
// counters (metric × dimension × hour) the reputation work reads. core/publishing owns the shapes.
// Must not change once released.
import type { Db } from '../database';

export const version = 6;
export const name = 'publishing';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE publish_log (
      id                INTEGER PRIMARY KEY AUTOINCREMENT,
      at                INTEGER NOT NULL,
      message_id        TEXT NOT NULL,
      event_id          INTEGER,
      configuration_set TEXT,
      destination       TEXT NOT NULL,
      kind              TEXT NOT NULL,
      target            TEXT,
      outcome           TEXT NOT NULL,
      sns_message_id    TEXT,
      status            INTEGER,
      latency_ms        INTEGER,
      response_body     TEXT,
      error             TEXT
    );
    CREATE INDEX publish_log_message ON publish_log (message_id, id);

    CREATE TABLE event_metrics (
      configuration_set TEXT NOT NULL,
      destination       TEXT NOT NULL,
      metric            TEXT NOT NULL,
      dimension_name    TEXT NOT NULL,
      dimension_value   TEXT NOT NULL,
      hour              INTEGER NOT NULL,
      count             INTEGER NOT NULL,
      PRIMARY KEY (configuration_set, destination, metric, dimension_name, dimension_value, hour)
    );
  `);
}
