// Migration 3: the SES account state the sending rules need — account settings (sandbox, quotas, sending
// enabled, enforcement, suppression attributes, Sesame's clock offset), identity attributes (DKIM, MAIL FROM,
// feedback, default configuration set, verification details), the local DNS zone, the account-level
// suppression list, configuration sets, scenario rules, scheduled outcomes (soft-bounce retries, delayed
// complaints). Must not change once released: later schema changes are new numbered files.
import type { Db } from '../database';

export const version = 3;
export const name = 'ses-state';

export function up(db: Db): void {
  db.exec(`
    -- One JSON value per setting group (core/account owns the keys).
    CREATE TABLE account_state (
      key        TEXT PRIMARY KEY,
      value_json TEXT NOT NULL
    );

    -- Everything about an identity beyond its name, type and status (core/identities owns the shape).
    ALTER TABLE identities ADD COLUMN attrs_json TEXT NOT NULL DEFAULT '{}';

    -- Sesame's local DNS zone: records published from identities (DKIM CNAME/TXT, MAIL FROM MX/SPF, the
    -- _amazonses TXT), resolvable by Sesame's resolver (inspection verifies DKIM/SPF/DMARC against it).
    CREATE TABLE dns_records (
      name     TEXT NOT NULL,
      type     TEXT NOT NULL,
      value    TEXT NOT NULL,
      identity TEXT NOT NULL,
      PRIMARY KEY (name, type, value)
    );

    -- The account-level suppression list (ses-facts §A.12). email_key is the lookup key (lower case);
    -- email is the address as it was listed.
    CREATE TABLE suppressed_destinations (
      email_key        TEXT PRIMARY KEY,
      email            TEXT NOT NULL,
      reason           TEXT NOT NULL,
      last_update_time INTEGER NOT NULL,
      message_id       TEXT,
      feedback_id      TEXT
    );
    CREATE INDEX suppressed_by_time ON suppressed_destinations (last_update_time);

    CREATE TABLE configuration_sets (
      name       TEXT PRIMARY KEY,
      created_at INTEGER NOT NULL,
      json       TEXT NOT NULL
    );

    -- QA scenario rules, evaluated in position order (first match wins).
    CREATE TABLE scenario_rules (
      id       TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      json     TEXT NOT NULL
    );

    -- Outcomes that happen later in Sesame's time: retries, delayed deliveries, complaints after a delay.
    CREATE TABLE scheduled_outcomes (
      id         INTEGER PRIMARY KEY,
      due_at     INTEGER NOT NULL,
      message_id TEXT NOT NULL,
      json       TEXT NOT NULL
    );
    CREATE INDEX scheduled_by_due ON scheduled_outcomes (due_at, id);
  `);
}
