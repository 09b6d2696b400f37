// SES account state kept beside the mail: account settings (key → JSON in `account_state`), and the send
// log behind the rolling 24-hour quota (recipients sent per millisecond; rows are written by the accept
// transaction in message-store.ts, read and trimmed here). Identities live in identity-store.ts.
// Must not: compute quotas (core/account does).
import type { Db } from './database';
import type { SendLogStore, SettingsStore } from './types';

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
