// The inbox list: virtualized (@tanstack/react-virtual), infinite scroll through `nextCursor`, live
// arrivals on top without moving what the user is looking at, and the selected row kept in view.
// Must not: fetch directly (the messages slice does) or handle global keys (use-inbox-keys does).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { plural } from '../../lib/format';
import { useStore } from '../../stores';
import { indexOf } from '../../stores/list-ops';
import { InboxRow, ROW_HEIGHT, rowDomId } from './InboxRow';

/** Rows before the end of the loaded list at which the next page is requested. */
const PREFETCH_ROWS = 15;

export function Inbox() {
  const items = useStore((s) => s.items);
  const total = useStore((s) => s.total);
  const totalCapped = useStore((s) => s.totalCapped);
  const query = useStore((s) => s.query);
  const nextCursor = useStore((s) => s.nextCursor);
  const listStatus = useStore((s) => s.listStatus);
  const listError = useStore((s) => s.listError);
  const loadingMore = useStore((s) => s.loadingMore);
  const selectedId = useStore((s) => s.selectedId);
  const select = useStore((s) => s.select);
  const loadMore = useStore((s) => s.loadMore);
  const reload = useStore((s) => s.reload);

  const scroller = useRef<HTMLDivElement>(null);
  const hasLoaderRow = nextCursor !== null;
  const virtualizer = useVirtualizer({
    count: items.length + (hasLoaderRow ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => items[i]?.id ?? '__loader__',
    overscan: 12,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.length ? virtualRows[virtualRows.length - 1].index : -1;

  // Infinite scroll: fetch the next page as the end comes into view.
  useEffect(() => {
    if (nextCursor && !loadingMore && lastIndex >= items.length - PREFETCH_ROWS) void loadMore();
  }, [lastIndex, items.length, nextCursor, loadingMore, loadMore]);

  // New mail on top: if the user has scrolled down, shift by the rows added above so nothing moves.
  // At the very top, stay there so the new message shows.
  const firstId = useRef<string | null>(null);
  const lastQuery = useRef(query);
  useLayoutEffect(() => {
    const prev = firstId.current;
    firstId.current = items[0]?.id ?? null;
    const el = scroller.current;
    if (!el) return;
    if (lastQuery.current !== query) {
      // A new search is a new list: start at its top.
      lastQuery.current = query;
      el.scrollTop = 0;
      return;
    }
    if (!prev || el.scrollTop <= 0) return;
    const shift = items.findIndex((m) => m.id === prev);
    if (shift > 0) el.scrollTop += shift * ROW_HEIGHT;
  }, [items, query]);

  // Keep the selected row in view when it moves by keyboard (or after a delete).
  useEffect(() => {
    const at = indexOf(useStore.getState().items, selectedId);
    if (at >= 0) virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [selectedId, virtualizer]);

  const countLine =
    listStatus === 'ready' ? (query ? `${totalCapped ? `${total.toLocaleString('en')}+ matches` : plural(total, 'match', 'matches')} for “${query}”` : plural(total, 'message')) : ' ';

  return (
    <div className="inbox" data-testid="inbox" data-total={total}>
      <div className="inbox-count" aria-live="polite" data-testid="inbox-count">
        {countLine}
      </div>
      {listStatus === 'error' && items.length === 0 ? (
        <EmptyState title="Could not load messages" tone="error">
          <p>{listError}</p>
          <button type="button" className="btn" onClick={() => void reload()}>
            Retry
          </button>
        </EmptyState>
      ) : listStatus === 'ready' && items.length === 0 ? (
        query ? (
          <EmptyState title="No messages match" icon="search" testId="no-matches">
            <p>Nothing matches “{query}”. Search looks at subject, from, to and body.</p>
          </EmptyState>
        ) : (
          <EmptyState title="Waiting for mail…" icon="mail" />
        )
      ) : (
        <div
          ref={scroller}
          className="inbox-scroll"
          role="listbox"
          tabIndex={0}
          aria-label="Messages"
          aria-activedescendant={selectedId && indexOf(items, selectedId) >= 0 ? rowDomId(selectedId) : undefined}
          data-inbox-list=""
        >
          <div className="inbox-sizer" style={{ height: virtualizer.getTotalSize() }}>
            {virtualRows.map((row) => {
              const m = items[row.index];
              if (!m) {
                return (
                  <div key={row.key} className="inbox-loader" style={{ transform: `translateY(${row.start}px)` }}>
                    {loadingMore ? 'Loading older messages…' : ' '}
                  </div>
                );
              }
              return <InboxRow key={row.key} message={m} selected={m.id === selectedId} onSelect={select} top={row.start} />;
            })}
          </div>
        </div>
      )}
    </div>
  );
}
