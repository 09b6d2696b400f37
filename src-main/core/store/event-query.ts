// Read-only queries across messages for the UI's global event stream and per-message timeline: recent SES
// events of every message (newest first, filtered by event type, configuration set and message tag), and the
// mail SES sent about a message (DSN, ARF report, auto-reply: system mail whose relatedId is that message).
// Owns: these two SELECTs and their cursor. Must not: write anything, or decide SES behaviour.
// Cost: events carry no time index, so a page is one scan of the events table with a top-N sort — fine
// for a local store (retention caps it); add an index in a migration if the stream ever has to scale.
import type { MessageSummary, SesEventRecord, SesEventType } from '../../contract/messages';
import type { Db } from './database';
import { SUMMARY_COLUMNS, summaryOf, toSummary, type SummaryRow } from './rows';
import { toEventRecord, type EventRow } from './message-store';

export interface EventStreamFilter {
  /** Only these event types (all when empty or absent). */
  types?: SesEventType[];
  configurationSet?: string;
  /** A message tag by name, and optionally one value (`ses:operation`, or `campaign` = `spring`). */
  tag?: { name: string; value?: string };
  /** 1..500. */
  limit: number;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
}

export interface EventStreamPage {
  items: (SesEventRecord & { configurationSet: string | null; subject: string })[];
  nextCursor: string | null;
}

export interface EventLogService {
  /** Recent SES events across messages, newest first (by event time, then id). */
  recent(filter: EventStreamFilter): EventStreamPage;
  /** Mail SES sent about `messageId` (door `system`, relatedId = messageId), oldest first. */
  related(messageId: string): MessageSummary[];
}

interface Row extends EventRow {
  configuration_set: string | null;
  subject: string;
}

/** Cursor = `<timestamp>.<id>` in base 36: the last row served. */
const encodeCursor = (r: { timestamp: number; id: number }) => `${r.timestamp.toString(36)}.${r.id.toString(36)}`;
function decodeCursor(c: string): { timestamp: number; id: number } | null {
  const m = /^([0-9a-z]{1,11})\.([0-9a-z]{1,13})$/.exec(c);
  if (!m) return null;
  const timestamp = parseInt(m[1], 36);
  const id = parseInt(m[2], 36);
  return Number.isSafeInteger(timestamp) && Number.isSafeInteger(id) ? { timestamp, id } : null;
}

const toRecord = (r: Row): EventStreamPage['items'][number] => ({ ...toEventRecord(r), configurationSet: r.configuration_set, subject: r.subject });

export function createEventLog(db: Db): EventLogService {
  const related = db.prepare(
    `SELECT ${SUMMARY_COLUMNS} FROM messages m JOIN message_content c ON c.seq = m.seq
     WHERE m.door = 'system' AND json_extract(c.meta_json, '$.relatedId') = ? ORDER BY m.seq`,
  );
  return {
    recent(filter) {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: filter.limit + 1 };
      if (filter.types?.length) {
        where.push(`e.event_type IN (${filter.types.map((_, i) => `@type${i}`).join(', ')})`);
        filter.types.forEach((t, i) => (params[`type${i}`] = t));
      }
      if (filter.configurationSet !== undefined) {
        where.push('m.configuration_set = @configurationSet');
        params.configurationSet = filter.configurationSet;
      }
      if (filter.tag) {
        // mail.tags is a map name → [values]; an event's own tags (Delivery adds ses:outgoing-ip) win.
        where.push(`EXISTS (SELECT 1 FROM json_each(
            COALESCE(json_extract(e.mail_override_json, '$.tags'), json_extract(c.mail_json, '$.tags')),
            '$."' || @tagName || '"') WHERE @tagValue IS NULL OR value = @tagValue)`);
        params.tagName = filter.tag.name.replace(/"/g, '');
        params.tagValue = filter.tag.value ?? null;
      }
      if (filter.cursor !== undefined) {
        const at = decodeCursor(filter.cursor);
        if (at === null) return { items: [], nextCursor: null };
        where.push('(e.timestamp < @ts OR (e.timestamp = @ts AND e.id < @id))');
        params.ts = at.timestamp;
        params.id = at.id;
      }
      const rows = db
        .prepare(
          `SELECT e.id, e.message_id, e.event_type, e.timestamp, e.body_json, e.mail_override_json, c.mail_json,
             m.configuration_set, m.subject
           FROM events e JOIN messages m ON m.id = e.message_id JOIN message_content c ON c.seq = m.seq
           ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY e.timestamp DESC, e.id DESC LIMIT @limit`,
        )
        .all(params) as Row[];
      const more = rows.length > filter.limit;
      const page = more ? rows.slice(0, filter.limit) : rows;
      return { items: page.map(toRecord), nextCursor: more ? encodeCursor(page[page.length - 1]) : null };
    },
    related(messageId) {
      return (related.all(messageId) as SummaryRow[]).map((r) => summaryOf(toSummary(r)));
    },
  };
}
