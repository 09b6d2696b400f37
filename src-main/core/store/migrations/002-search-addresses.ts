// Migration 2: `messages.search_addresses`, the names and addresses a short (1–2 character) search word is
// matched against with LIKE — the same people the trigram index's `addresses` column holds (rows.ts
// searchAddresses: From, To, Cc, envelope recipients and sender). Before it, the LIKE fallback read
// `to_json`, so `dd` matched every message by the JSON key "address", and Cc/Bcc recipients were missed.
// Existing rows are backfilled from what migration 1 stored (to_json, meta_json's cc and rcptTo, mail_from);
// order and repeats may differ from searchAddresses, which LIKE does not care about.
// Must not change once released: later schema changes are new numbered files.
import type { Db } from '../database';

export const version = 2;
export const name = 'search-addresses';

export function up(db: Db): void {
  db.exec(`
    ALTER TABLE messages ADD COLUMN search_addresses TEXT NOT NULL DEFAULT '';

    UPDATE messages SET search_addresses = coalesce((
      SELECT group_concat(v, ' ') FROM (
        SELECT messages.from_name AS v
        UNION ALL SELECT messages.from_addr
        UNION ALL SELECT json_extract(t.value, '$.name') FROM json_each(messages.to_json) t
        UNION ALL SELECT json_extract(t.value, '$.address') FROM json_each(messages.to_json) t
        UNION ALL SELECT json_extract(t.value, '$.name')
          FROM message_content c, json_each(c.meta_json, '$.cc') t WHERE c.seq = messages.seq
        UNION ALL SELECT json_extract(t.value, '$.address')
          FROM message_content c, json_each(c.meta_json, '$.cc') t WHERE c.seq = messages.seq
        UNION ALL SELECT t.value
          FROM message_content c, json_each(c.meta_json, '$.rcptTo') t WHERE c.seq = messages.seq
        UNION ALL SELECT messages.mail_from
      ) WHERE v IS NOT NULL AND v <> ''
    ), '');
  `);
}
