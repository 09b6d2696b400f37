// Selection slice: which message is open, and moving through the list (j/k, arrows, after a delete).
// Owns: selectedId and the rules for moving it. Must not: fetch lists (it asks the messages slice to
// load more when the cursor reaches the end) or render.
import { indexOf } from './list-ops';
import type { Slice } from './types';

export interface SelectionSlice {
  selectedId: string | null;
  /** Open a message (null closes the view). Loads its detail. */
  select: (id: string | null) => void;
  /** Move the selection by `delta` rows; with nothing selected, the first row is selected. */
  moveSelection: (delta: number) => void;
  /** The selected message is about to disappear: select its neighbour (the next older, else newer). */
  selectAfterRemoval: (gone: Set<string>) => void;
}

/** How close to the end of the loaded list moving the selection starts fetching the next page. */
const PREFETCH_ROWS = 10;

export const createSelectionSlice: Slice<SelectionSlice> = (set, get) => ({
  selectedId: null,

  select: (id) => {
    if (id === get().selectedId) return;
    set({ selectedId: id });
    if (id === null) get().clearDetail();
    else void get().loadDetail(id);
  },

  moveSelection: (delta) => {
    const { items, selectedId, nextCursor } = get();
    if (items.length === 0) return;
    const at = indexOf(items, selectedId);
    const next = at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + delta));
    if (nextCursor && next >= items.length - PREFETCH_ROWS) void get().loadMore();
    const target = items[next];
    if (target && target.id !== selectedId) get().select(target.id);
  },

  selectAfterRemoval: (gone) => {
    const { items, selectedId } = get();
    const at = indexOf(items, selectedId);
    if (at < 0) return get().select(null);
    const after = items.slice(at + 1).find((m) => !gone.has(m.id));
    const before = items
      .slice(0, at)
      .reverse()
      .find((m) => !gone.has(m.id));
    get().select((after ?? before)?.id ?? null);
  },
});
