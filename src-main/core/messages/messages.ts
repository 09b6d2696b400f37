// Captured messages as the UI and test tooling see them: pages, details, raw MIME, attachments, read
// flags, deletes, and LocalStack-style retrospection.
// Owns: paging rules (newest first, opaque cursor, limit clamp), reading a detail's store rows in one
// synchronous step before parsing (so it is one consistent snapshot), and emitting
// `message.updated` / `messages.deleted` after a change commits.
// Must not: touch SQL (store/) or parse MIME itself (mail-reader.ts does, with mailparser).
import type { MessagePage } from '../../contract/messages';
import type { MessageListQuery } from '../../contract/ui-api';
import type { DomainBus, Engine, RetrospectionMessage } from '../engine-api';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../limits';
import type { MessageStore } from '../store/types';
import { readBodies, readForDetail } from './mail-reader';
import { buildDetail, summaryOf, toRetrospection } from './views';

/** Cursors are the seq of the last row served, in base 36: opaque to clients, stable across inserts. */
export const encodeCursor = (seq: number) => seq.toString(36);
export function decodeCursor(cursor: string | undefined): number | undefined | null {
  if (cursor === undefined || cursor === '') return undefined;
  if (!/^[0-9a-z]{1,11}$/.test(cursor)) return null;
  const n = parseInt(cursor, 36);
  return Number.isSafeInteger(n) ? n : null;
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}

export function createMessages(deps: { store: MessageStore; bus: DomainBus; region: string }): Engine['messages'] {
  const { store, bus, region } = deps;

  const remove = (ids: string[]): number => {
    const gone = store.delete(ids);
    if (gone.length) bus.emit('messages.deleted', { ids: gone });
    return gone.length;
  };
  const removeAll = (): number => {
    const n = store.deleteAll();
    bus.emit('messages.deleted', { ids: 'all' });
    return n;
  };

  return {
    counts: () => store.counts(),
    list(query: MessageListQuery): MessagePage {
      const limit = clampLimit(query.limit);
      const before = decodeCursor(query.cursor);
      const { unread } = store.counts();
      // A cursor that is not one of ours ends the listing rather than restarting it (no paging loops).
      if (before === null) return { items: [], total: 0, totalCapped: false, unread, nextCursor: null };
      const page = store.page({ search: query.q, limit, before });
      const last = page.rows[page.rows.length - 1];
      return {
        items: page.rows.map(summaryOf),
        total: page.total,
        totalCapped: page.totalCapped,
        unread,
        nextCursor: page.hasMore && last ? encodeCursor(last.seq) : null,
      };
    },
    async get(id) {
      // Every row is read before the first await (one snapshot); only inflating and parsing wait.
      const m = store.get(id);
      if (!m) return undefined;
      const pending = store.raw(id);
      const events = store.events(id);
      const raw = await pending;
      return raw && buildDetail(m, await readForDetail(raw), events);
    },
    raw: (id) => store.raw(id),
    async attachment(id, index) {
      if (!Number.isInteger(index) || index < 0) return undefined;
      const raw = await store.raw(id);
      const a = raw && (await readBodies(raw)).attachments[index];
      return a ? { filename: a.filename ?? null, contentType: a.contentType, content: a.content } : undefined;
    },
    markRead(id, read) {
      const m = store.setRead(id, read);
      if (!m) return undefined;
      const summary = summaryOf(m);
      bus.emit('message.updated', summary);
      return summary;
    },
    delete: (ids) => remove(ids),
    deleteAll: () => removeAll(),
    async retrospection(filter) {
      const out: RetrospectionMessage[] = [];
      // One parse at a time, yielding between; a message deleted meanwhile is left out, as a later call would.
      for (const m of store.list(filter)) {
        const raw = await store.raw(m.id);
        if (!raw) continue;
        out.push(
          m.kind === 'raw'
            ? toRetrospection(m, region, { kind: 'raw', raw })
            : toRetrospection(m, region, { kind: 'simple', bodies: await readBodies(raw) }),
        );
      }
      return out;
    },
    retrospectionDelete: (id) => (id === undefined ? removeAll() : remove([id])),
  };
}
