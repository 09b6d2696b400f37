// SES account state kept beside the mail: identities (email addresses and domains), account settings
// (key → JSON in `account_state`), and the send log behind
// the rolling 24-hour quota (recipients sent per millisecond; rows are written by the accept transaction in
// message-store.ts, read and trimmed here). Must not: decide verification or compute quotas (core/
// identities and core/account do).
import type { IdentityType, IdentityView, VerificationStatus } from '../engine-api';
import type { Db } from './database';
import type { IdentityStore, SendLogStore, SettingsStore } from './types';

interface IdentityRow {
  identity: string;
  type: string;
  verification_status: string;
  verification_token: string | null;
  created_at: number;
}

const toView = (r: IdentityRow): IdentityView => ({
  identity: r.identity,
  type: r.type as IdentityType,
  verificationStatus: r.verification_status as VerificationStatus,
  verificationToken: r.verification_token,
  createdAt: r.created_at,
});

export function createIdentityStore(db: Db): IdentityStore {
  const st = {
    insert: db.prepare(
      `INSERT INTO identities (identity, type, verification_status, verification_token, created_at)
       VALUES (?, ?, ?, ?, ?) ON CONFLICT(identity) DO NOTHING`,
    ),
    get: db.prepare('SELECT * FROM identities WHERE identity = ?'),
    list: db.prepare('SELECT * FROM identities ORDER BY created_at, rowid'),
    listByType: db.prepare('SELECT * FROM identities WHERE type = ? ORDER BY created_at, rowid'),
    clear: db.prepare('DELETE FROM identities'),
  };
  const get = (identity: string) => {
    const row = st.get.get(identity) as IdentityRow | undefined;
    return row && toView(row);
  };
  return {
    insertIfAbsent(v) {
      st.insert.run(v.identity, v.type, v.verificationStatus, v.verificationToken, v.createdAt);
      return get(v.identity)!;
    },
    get,
    list: (type) => ((type ? st.listByType.all(type) : st.list.all()) as IdentityRow[]).map(toView),
    clear: () => void st.clear.run(),
  };
}

export function createSendLogStore(db: Db): SendLogStore {
  const st = {
    since: db.prepare('SELECT at, recipients FROM send_log WHERE at > ? ORDER BY at'),
    prune: db.prepare('DELETE FROM send_log WHERE at <= ?'),
    clear: db.prepare('DELETE FROM send_log'),
  };
  return {
    since: (after) => st.since.all(after) as { at: number; recipients: number }[],
    prune: (before) => void st.prune.run(before),
    clear: () => void st.clear.run(),
  };
}

export function createSettingsStore(db: Db): SettingsStore {
  const st = {
    get: db.prepare('SELECT value_json FROM account_state WHERE key = ?').pluck(),
    put: db.prepare('INSERT INTO account_state (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json'),
    delete: db.prepare('DELETE FROM account_state WHERE key = ?'),
    clear: db.prepare('DELETE FROM account_state'),
  };
  return {
    get<T>(key: string) {
      const json = st.get.get(key) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as T);
    },
    put: (key, value) => void st.put.run(key, JSON.stringify(value)),
    delete: (key) => void st.delete.run(key),
    clear: () => void st.clear.run(),
  };
}
