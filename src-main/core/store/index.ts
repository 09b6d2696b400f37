// The store's front door: opens the database, brings its schema up to date and hands out the sub-stores.
// Must not: be imported by anything outside core/ (the engine owns the one store).
import { createMessageStore } from './message-store';
import { createSendLogStore, createSettingsStore } from './state-store';
import { migrate, openDatabase } from './database';
import type { Store } from './types';

export type { Store } from './types';

export interface StoreOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
  /** Retention cap: the oldest messages beyond it are pruned on insert. */
  maxMessages: number;
}

export function openStore(opts: StoreOptions): Store {
  const db = openDatabase(opts.path);
  try {
    migrate(db);
    const messages = createMessageStore(db, { maxMessages: opts.maxMessages });
    return {
      db,
      settings: createSettingsStore(db),
      messages,
      sendLog: createSendLogStore(db),
      close: () => {
        if (!db.open) return;
        try {
          messages.flush(); // the search index is derived: a failed flush is redone at the next open
        } finally {
          db.close();
        }
      },
    };
  } catch (err) {
    db.close();
    throw err;
  }
}
