// Migration 9: an event's per-event changes to the message's `mail` object become one general override.
// `events.mail_tags_json` (a tag map that replaced `mail.tags`, used by Delivery for `ses:outgoing-ip`) is
// renamed `mail_override_json` and its rows are wrapped as `{"tags": …}`: an override is a JSON object whose
// keys replace `mail`'s and whose null values remove the key (message-store.ts applyMailOverride), so a
// templated send's Send, Delivery and Rendering Failure events can carry different headers (ses-facts §A.5.2).
// Must not change once released.
import type { Db } from '../database';

export const version = 9;
export const name = 'event-mail-override';

export function up(db: Db): void {
  db.exec(`
    UPDATE events SET mail_tags_json = json_object('tags', json(mail_tags_json)) WHERE mail_tags_json IS NOT NULL;
    ALTER TABLE events RENAME COLUMN mail_tags_json TO mail_override_json;
  `);
}
