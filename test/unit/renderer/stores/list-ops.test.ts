// The inbox list's pure operations (src-renderer/src/stores/list-ops.ts): live arrivals in order without
// duplicates, older pages appended without overlap, a fresh first page merged over what is loaded (updates
// and removals inside its range, older pages kept), and the client-side filter for live arrivals.
import { describe, expect, it } from 'vitest';
import type { MessageSummary } from '../../../../src-main/contract';
import { appendPage, indexOf, insertArrival, isNewer, matchesQuery, mergeFirstPage } from '../../../../src-renderer/src/stores/list-ops';

/** A summary received `minute` minutes past 10:00 (higher = newer). */
function msg(id: string, minute: number, over: Partial<MessageSummary> = {}): MessageSummary {
  return {
    id,
    receivedAt: `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
    door: 'sesv2',
    operation: 'SendEmail',
    from: { name: 'Shop', address: 'shop@example.com' },
    to: [{ name: '', address: 'customer@example.com' }],
    subject: `Subject ${id}`,
    snippet: 'hello there',
    size: 100,
    read: false,
    hasAttachments: false,
    status: 'delivered',
    configurationSet: null,
    ...over,
  };
}

const ids = (items: MessageSummary[]) => items.map((m) => m.id);

describe('insertArrival', () => {
  it('puts the newest message on top', () => {
    expect(ids(insertArrival([msg('b', 5), msg('a', 1)], msg('c', 9)))).toEqual(['c', 'b', 'a']);
  });

  it('places an out-of-order arrival by receivedAt', () => {
    expect(ids(insertArrival([msg('c', 9), msg('a', 1)], msg('b', 5)))).toEqual(['c', 'b', 'a']);
    expect(ids(insertArrival([msg('c', 9)], msg('old', 0)))).toEqual(['c', 'old']);
  });

  it('replaces an existing copy instead of duplicating it', () => {
    const out = insertArrival([msg('b', 5), msg('a', 1)], msg('b', 5, { read: true }));
    expect(ids(out)).toEqual(['b', 'a']);
    expect(out[0].read).toBe(true);
  });

  it('does not mutate its input', () => {
    const items = [msg('a', 1)];
    insertArrival(items, msg('b', 2));
    expect(ids(items)).toEqual(['a']);
  });
});

describe('appendPage', () => {
  it('appends an older page and drops what is already loaded', () => {
    const loaded = [msg('new', 9), msg('d', 4), msg('c', 3)];
    expect(ids(appendPage(loaded, [msg('c', 3), msg('b', 2), msg('a', 1)]))).toEqual(['new', 'd', 'c', 'b', 'a']);
  });

  it('handles empty sides', () => {
    expect(ids(appendPage([], [msg('a', 1)]))).toEqual(['a']);
    expect(ids(appendPage([msg('a', 1)], []))).toEqual(['a']);
  });
});

describe('mergeFirstPage', () => {
  it('an empty fresh page empties the list', () => {
    expect(mergeFirstPage([msg('a', 1)], [], null, 'x')).toEqual({ items: [], nextCursor: null });
  });

  it('a fresh page with no more pages replaces everything', () => {
    const out = mergeFirstPage([msg('b', 2), msg('a', 1)], [msg('c', 3), msg('b', 2)], null, 'old');
    expect(ids(out.items)).toEqual(['c', 'b']);
    expect(out.nextCursor).toBeNull();
  });

  it('keeps older loaded pages below the fresh page, and the cursor that continues them', () => {
    const loaded = [msg('d', 4), msg('c', 3), msg('b', 2), msg('a', 1)];
    const fresh = [msg('e', 5), msg('d', 4, { read: true }), msg('c', 3)];
    const out = mergeFirstPage(loaded, fresh, 'fresh-cursor', 'current-cursor');
    expect(ids(out.items)).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(out.items[1].read).toBe(true);
    expect(out.nextCursor).toBe('current-cursor');
  });

  it('drops messages deleted inside the fresh page’s range', () => {
    const loaded = [msg('d', 4), msg('gone', 3), msg('b', 2), msg('a', 1)];
    const out = mergeFirstPage(loaded, [msg('d', 4), msg('b', 2)], 'fc', 'cc');
    expect(ids(out.items)).toEqual(['d', 'b', 'a']);
  });

  it('falls back to receivedAt when the fresh page’s oldest item is not loaded', () => {
    const loaded = [msg('x', 6), msg('b', 2), msg('a', 1)];
    const out = mergeFirstPage(loaded, [msg('y', 7), msg('c', 3)], 'fc', 'cc');
    expect(ids(out.items)).toEqual(['y', 'c', 'b', 'a']);
  });

  it('uses the fresh cursor when nothing older was loaded', () => {
    const out = mergeFirstPage([msg('b', 2)], [msg('c', 3), msg('b', 2)], 'fc', 'cc');
    expect(ids(out.items)).toEqual(['c', 'b']);
    expect(out.nextCursor).toBe('fc');
  });
});

describe('matchesQuery, isNewer, indexOf', () => {
  const m = msg('0100-abc', 1, { subject: 'Your Invoice', from: { name: 'Billing Team', address: 'billing@shop.example' } });

  it('matches subject, snippet, sender, recipients and id, case-insensitively', () => {
    for (const q of ['invoice', 'HELLO', 'billing team', 'shop.example', 'customer@', '0100-abc', '  invoice  ', '']) {
      expect(matchesQuery(m, q), q).toBe(true);
    }
    expect(matchesQuery(m, 'password')).toBe(false);
    expect(matchesQuery({ ...m, from: null }, 'billing')).toBe(false);
  });

  it('orders by receivedAt and finds by id', () => {
    expect(isNewer(msg('b', 2), msg('a', 1))).toBe(true);
    expect(isNewer(msg('a', 1), msg('a2', 1))).toBe(false);
    const items = [msg('b', 2), msg('a', 1)];
    expect(indexOf(items, 'a')).toBe(1);
    expect(indexOf(items, 'zz')).toBe(-1);
    expect(indexOf(items, null)).toBe(-1);
  });
});
