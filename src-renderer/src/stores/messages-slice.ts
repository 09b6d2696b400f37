// Messages slice: the inbox list (paged by cursor, filtered by search), counts, live arrival and the
// read/delete actions. Owns: list state and keeping it consistent with the server. Must not: render.
import type { MessageSummary } from '../../../src-main/contract';
import { api, errorText } from '../api/client';
import { appendPage, insertArrival, matchesQuery, mergeFirstPage } from './list-ops';
import type { Slice } from './types';

export const PAGE_SIZE = 100;

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface MessagesSlice {
  items: MessageSummary[];
  /** Messages matching the current query. */
  total: number;
  /** The server stopped counting search matches at its cap ("10,000+"). */
  totalCapped: boolean;
  /** Unread in the whole store. */
  unread: number;
  nextCursor: string | null;
  query: string;
  listStatus: LoadStatus;
  listError: string | null;
  loadingMore: boolean;
  setQuery: (q: string) => void;
  reload: () => Promise<void>;
  /** Refetch the first page and merge it in, keeping older pages (after a live reconnect). */
  resync: () => Promise<void>;
  loadMore: () => Promise<void>;
  refreshCounts: () => void;
  messageArrived: (m: MessageSummary) => void;
  messageChanged: (m: MessageSummary) => void;
  messagesRemoved: (ids: string[] | 'all') => void;
  markRead: (id: string, read: boolean) => Promise<void>;
  deleteMessage: (id: string) => Promise<void>;
  deleteAll: () => Promise<void>;
}

// Request bookkeeping lives outside the state: it must not trigger renders.
let listSeq = 0;
let countsTimer: ReturnType<typeof setTimeout> | null = null;

export const createMessagesSlice: Slice<MessagesSlice> = (set, get) => ({
  items: [],
  total: 0,
  totalCapped: false,
  unread: 0,
  nextCursor: null,
  query: '',
  listStatus: 'idle',
  listError: null,
  loadingMore: false,

  setQuery: (q) => {
    if (q === get().query) return;
    set({ query: q });
    void get().reload();
  },

  reload: async () => {
    const seq = ++listSeq;
    const q = get().query;
    set({ listStatus: 'loading', listError: null });
    try {
      const page = await api.listMessages({ q, limit: PAGE_SIZE });
      if (seq !== listSeq) return;
      set({
        items: page.items,
        total: page.total,
        totalCapped: page.totalCapped,
        unread: page.unread,
        nextCursor: page.nextCursor,
        listStatus: 'ready',
        loadingMore: false,
      });
    } catch (err) {
      if (seq !== listSeq) return;
      set({ listStatus: 'error', listError: errorText(err) });
    }
  },

  resync: async () => {
    if (get().listStatus !== 'ready') return get().reload();
    const seq = ++listSeq;
    try {
      const page = await api.listMessages({ q: get().query, limit: PAGE_SIZE });
      if (seq !== listSeq) return;
      const merged = mergeFirstPage(get().items, page.items, page.nextCursor, get().nextCursor);
      set({ ...merged, total: page.total, totalCapped: page.totalCapped, unread: page.unread, listStatus: 'ready', listError: null });
    } catch (err) {
      if (seq !== listSeq) return;
      set({ listError: errorText(err) });
    }
  },

  loadMore: async () => {
    const { nextCursor, loadingMore, query, listStatus } = get();
    if (!nextCursor || loadingMore || listStatus !== 'ready') return;
    const seq = listSeq;
    set({ loadingMore: true });
    try {
      const page = await api.listMessages({ q: query, limit: PAGE_SIZE, cursor: nextCursor });
      if (seq !== listSeq) return;
      set({
        items: appendPage(get().items, page.items),
        nextCursor: page.nextCursor,
        total: page.total,
        totalCapped: page.totalCapped,
        unread: page.unread,
        loadingMore: false,
      });
    } catch (err) {
      if (seq !== listSeq) return;
      set({ loadingMore: false });
      get().notify('error', `Could not load more messages: ${errorText(err)}`);
    }
  },

  refreshCounts: () => {
    if (countsTimer) clearTimeout(countsTimer);
    countsTimer = setTimeout(() => {
      countsTimer = null;
      const q = get().query;
      api
        .listMessages({ q, limit: 1 })
        .then((page) => {
          if (get().query === q) set({ total: page.total, totalCapped: page.totalCapped, unread: page.unread });
        })
        .catch(() => undefined);
    }, 250);
  },

  messageArrived: (m) => {
    const s = get();
    const known = s.items.some((x) => x.id === m.id);
    if (known) return s.messageChanged(m);
    const unread = s.unread + (m.read ? 0 : 1);
    if (s.listStatus !== 'ready' || !matchesQuery(m, s.query)) return set({ unread });
    set({ items: insertArrival(s.items, m), total: s.total + 1, unread });
  },

  messageChanged: (m) => {
    const s = get();
    const at = s.items.findIndex((x) => x.id === m.id);
    s.patchDetail(m.id, m);
    if (at < 0) return s.refreshCounts();
    const before = s.items[at];
    const items = s.items.slice();
    items[at] = m;
    const delta = before.read === m.read ? 0 : m.read ? -1 : 1;
    set({ items, unread: Math.max(0, s.unread + delta) });
  },

  messagesRemoved: (ids) => {
    const s = get();
    if (ids === 'all') {
      set({ items: [], total: 0, totalCapped: false, unread: 0, nextCursor: null });
      s.select(null);
      return;
    }
    const gone = new Set(ids);
    const removed = s.items.filter((m) => gone.has(m.id));
    if (removed.length < ids.length) s.refreshCounts();
    if (removed.length === 0) return;
    if (s.selectedId && gone.has(s.selectedId)) s.selectAfterRemoval(gone);
    set({
      items: get().items.filter((m) => !gone.has(m.id)),
      total: Math.max(0, s.total - removed.length),
      unread: Math.max(0, s.unread - removed.filter((m) => !m.read).length),
    });
  },

  markRead: async (id, read) => {
    const current = get().items.find((m) => m.id === id);
    if (current && current.read !== read) get().messageChanged({ ...current, read });
    else get().patchDetail(id, { read });
    try {
      await api.setRead(id, read);
    } catch (err) {
      const now = get().items.find((m) => m.id === id);
      if (now && current) get().messageChanged({ ...now, read: current.read });
      get().notify('error', `Could not mark as ${read ? 'read' : 'unread'}: ${errorText(err)}`);
    }
  },

  deleteMessage: async (id) => {
    get().messagesRemoved([id]);
    try {
      await api.deleteMessage(id);
    } catch (err) {
      get().notify('error', `Could not delete: ${errorText(err)}`);
      void get().reload();
    }
  },

  deleteAll: async () => {
    get().messagesRemoved('all');
    try {
      await api.deleteAll();
    } catch (err) {
      get().notify('error', `Could not delete all messages: ${errorText(err)}`);
      void get().reload();
    }
  },
});
