// Migration 7: open/click tracking tokens (core/tracking). Each tracked message has one token for its open
// pixel (link NULL) and one per rewritten link; the tracking endpoint looks the token up to record an Open
// or a Click on the message and to redirect to the original link. Must not change once released.
import type { Db } from '../database';

export const version = 7;
export const name = 'tracking-links';

export function up(db: Db): void {
  db.exec(`
    CREATE TABLE tracking_links (
      token      TEXT PRIMARY KEY,
      message_id TEXT NOT NULL,
      link       TEXT,
      tags_json  TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX tracking_links_by_message ON tracking_links (message_id);
  `);
}
