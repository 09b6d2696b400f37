// Event-stream slice: recent SES events across every message for the Event stream screen, filtered by type,
// configuration set and tag, newest first, paged with a cursor; live `event.recorded` events are put on top
// when they match the filter (type and configuration set are checked here; a tag filter reloads instead), and
// kept on top when a reload that started before them answers.
// Owns: that list and its filter. Must not: render.
import type { EventStreamItemDto, SesEventRecord, SesEventType } from '../../../src-main/contract';
import { feedbackApi } from '../api/feedback-client';
import { isAbort } from '../api/client';
import { screenError, type ScreenError } from './account-slice';
import { appendPage, withLiveRows } from './list-ops';
import type { Slice } from './types';

export const STREAM_PAGE = 100;
/** Live rows kept on top before the oldest fall off (the list is for looking, not archiving). */
const MAX_ROWS = 1000;

export interface StreamFilter {
  type: SesEventType | null;
  configurationSet: string;
  tag: string;
}

export interface EventStreamSlice {
  streamItems: EventStreamItemDto[];
  streamCursor: string | null;
  streamFilter: StreamFilter;
  streamLoaded: boolean;
  streamError: ScreenError | null;
  /** True while the Event stream screen is open (live events are only merged then). */
  streamActive: boolean;
  setStreamActive: (active: boolean) => void;
  setStreamFilter: (patch: Partial<StreamFilter>) => void;
  loadStream: () => Promise<void>;
  loadMoreStream: () => Promise<void>;
  streamEventRecorded: (ev: SesEventRecord) => void;
}

let inflight: AbortController | null = null;
/** Live rows put on top while a load is in flight, oldest first: the loaded page may predate them. */
let liveDuringLoad: EventStreamItemDto[] = [];


const queryOf = (f: StreamFilter) => ({ types: f.type ? [f.type] : [], configurationSet: f.configurationSet.trim(), tag: f.tag.trim(), limit: STREAM_PAGE });

/** A live event's configuration set, read from its SES JSON (`mail.tags['ses:configuration-set']`). */
export function configSetOf(ev: SesEventRecord): string | null {
  const tags = (ev.payload as { mail?: { tags?: Record<string, string[]> } } | null)?.mail?.tags;
  return tags?.['ses:configuration-set']?.[0] ?? null;
}

export const createEventStreamSlice: Slice<EventStreamSlice> = (set, get) => ({
  streamItems: [],
  streamCursor: null,
  streamFilter: { type: null, configurationSet: '', tag: '' },
  streamLoaded: false,
  streamError: null,
  streamActive: false,

  setStreamActive: (streamActive) => set({ streamActive }),

  setStreamFilter: (patch) => {
    set({ streamFilter: { ...get().streamFilter, ...patch } });
    void get().loadStream();
  },

  loadStream: async () => {
    inflight?.abort();
    const ctrl = new AbortController();
    inflight = ctrl;
    liveDuringLoad = [];
    try {
      const page = await feedbackApi.eventStream(queryOf(get().streamFilter), ctrl.signal);
      set({ streamItems: withLiveRows(page.items, liveDuringLoad, MAX_ROWS), streamCursor: page.nextCursor, streamLoaded: true, streamError: null });
    } catch (err) {
      if (!isAbort(err)) set({ streamError: screenError(err), streamLoaded: true });
    } finally {
      if (inflight === ctrl) {
        inflight = null;
        liveDuringLoad = [];
      }
    }
  },

  loadMoreStream: async () => {
    const cursor = get().streamCursor;
    if (!cursor) return;
    try {
      const page = await feedbackApi.eventStream({ ...queryOf(get().streamFilter), cursor });
      set({ streamItems: appendPage(get().streamItems, page.items), streamCursor: page.nextCursor });
    } catch (err) {
      set({ streamError: screenError(err) });
    }
  },

  streamEventRecorded: (ev) => {
    const { streamActive, streamFilter: f, streamItems } = get();
    if (!streamActive || streamItems.some((e) => e.id === ev.id)) return;
    if (f.tag.trim()) return void get().loadStream();
    if (f.type && ev.eventType !== f.type) return;
    const set_ = configSetOf(ev);
    if (f.configurationSet.trim() && set_ !== f.configurationSet.trim()) return;
    const subject = (ev.payload as { mail?: { commonHeaders?: { subject?: string } } } | null)?.mail?.commonHeaders?.subject ?? '';
    const row = { ...ev, configurationSet: set_, subject };
    if (inflight) liveDuringLoad.push(row);
    set({ streamItems: [row, ...streamItems].slice(0, MAX_ROWS) });
  },
});
