// Detail slice: the open message in full (headers, bodies, attachments, envelope, events), kept current
// by live events. Owns: fetching the detail, marking it read once opened, merging live changes into it.
// Must not: render, or decide which message is selected (selection slice).
import type { MessageDetail, MessageSummary, SesEventRecord } from '../../../src-main/contract';
import { errorText, isAbort } from '../api/client';
import { api } from '../api/client';
import type { LoadStatus } from './messages-slice';
import type { Slice } from './types';

export interface DetailSlice {
  detail: MessageDetail | null;
  detailStatus: LoadStatus;
  detailError: string | null;
  loadDetail: (id: string) => Promise<void>;
  clearDetail: () => void;
  /** Merge changed summary fields (read, status, ...) into the open message, if it is that one. */
  patchDetail: (id: string, patch: Partial<MessageSummary>) => void;
  /** A live SES event: append it to the open message's timeline if it belongs there. */
  eventRecorded: (ev: SesEventRecord) => void;
}

let inflight: AbortController | null = null;

const byTime = (a: SesEventRecord, b: SesEventRecord) =>
  a.timestamp === b.timestamp ? a.id - b.id : a.timestamp < b.timestamp ? -1 : 1;

export const createDetailSlice: Slice<DetailSlice> = (set, get) => ({
  detail: null,
  detailStatus: 'idle',
  detailError: null,

  loadDetail: async (id) => {
    inflight?.abort();
    const ctrl = new AbortController();
    inflight = ctrl;
    const keep = get().detail?.id === id;
    set({ detailStatus: 'loading', detailError: null, detail: keep ? get().detail : null });
    try {
      const detail = await api.getMessage(id, ctrl.signal);
      if (ctrl.signal.aborted || get().selectedId !== id) return;
      detail.events = [...detail.events].sort(byTime);
      set({ detail, detailStatus: 'ready' });
      if (!detail.read) void get().markRead(id, true);
    } catch (err) {
      if (isAbort(err) || get().selectedId !== id) return;
      set({ detailStatus: 'error', detailError: errorText(err) });
    } finally {
      if (inflight === ctrl) inflight = null;
    }
  },

  clearDetail: () => {
    inflight?.abort();
    inflight = null;
    set({ detail: null, detailStatus: 'idle', detailError: null });
  },

  patchDetail: (id, patch) => {
    const d = get().detail;
    if (!d || d.id !== id) return;
    set({ detail: { ...d, ...patch } });
  },

  eventRecorded: (ev) => {
    const d = get().detail;
    if (!d || d.id !== ev.messageId || d.events.some((e) => e.id === ev.id)) return;
    set({ detail: { ...d, events: [...d.events, ev].sort(byTime) } });
  },
});
