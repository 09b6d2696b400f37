// Migration 5: the SNS subset — topics, subscriptions, and the HTTP/HTTPS delivery queue with one row per
// attempt (core/sns owns the shapes). A delivery keeps the exact request it sends (envelope and headers) so
// every retry sends the same message, as SNS does. Must not change once released.
import type { Db } from '../database';

export const version = 5;
export const name = 'sns';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE sns_topics (
      arn        TEXT PRIMARY KEY,
      name       TEXT NOT NULL UNIQUE,
      created_at INTEGER NOT NULL,
      attrs_json TEXT NOT NULL,
      tags_json  TEXT NOT NULL
    );

    -- status 'pending' | 'confirmed'; token is the confirmation token while pending (kept after).
    CREATE TABLE sns_subscriptions (
      seq          INTEGER PRIMARY KEY,
      arn          TEXT NOT NULL UNIQUE,
      topic_arn    TEXT NOT NULL,
      protocol     TEXT NOT NULL,
      endpoint     TEXT NOT NULL,
      status       TEXT NOT NULL,
      token        TEXT NOT NULL,
      attrs_json   TEXT NOT NULL,
      created_at   INTEGER NOT NULL,
      confirmed_at INTEGER
    );
    CREATE INDEX sns_subscriptions_by_topic ON sns_subscriptions (topic_arn, seq);
    CREATE INDEX sns_subscriptions_by_token ON sns_subscriptions (token);

    -- One envelope on its way to one subscription. state 'pending' | 'delivered' | 'failed'.
    CREATE TABLE sns_deliveries (
      id                INTEGER PRIMARY KEY,
      kind              TEXT NOT NULL,
      message_id        TEXT NOT NULL,
      topic_arn         TEXT NOT NULL,
      subscription_arn  TEXT NOT NULL,
      endpoint          TEXT NOT NULL,
      headers_json      TEXT NOT NULL,
      body              TEXT NOT NULL,
      state             TEXT NOT NULL,
      created_at        INTEGER NOT NULL,
      next_attempt_at   INTEGER,
      attempts          INTEGER NOT NULL DEFAULT 0,
      origin_message_id TEXT,
      origin_event_id   INTEGER
    );
    CREATE INDEX sns_deliveries_due ON sns_deliveries (next_attempt_at) WHERE state = 'pending';
    CREATE INDEX sns_deliveries_by_message ON sns_deliveries (message_id);
    CREATE INDEX sns_deliveries_by_topic ON sns_deliveries (topic_arn, id);
    CREATE INDEX sns_deliveries_by_origin ON sns_deliveries (origin_message_id);

    CREATE TABLE sns_delivery_attempts (
      delivery_id   INTEGER NOT NULL,
      attempt       INTEGER NOT NULL,
      at            INTEGER NOT NULL,
      status        INTEGER,
      latency_ms    INTEGER NOT NULL,
      response_body TEXT,
      error         TEXT,
      PRIMARY KEY (delivery_id, attempt)
    );
  `);
}
