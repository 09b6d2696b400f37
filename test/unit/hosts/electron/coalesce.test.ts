// The desktop host's coalescing (hosts/electron/coalesce.ts, pure: no electron): at most one delivery per
// window, the first at once, the rest batched to the window's end and never lost; notification wording.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// The rule's `electron/*` pattern matches the folder name; coalesce.ts itself imports no electron.
// eslint-disable-next-line no-restricted-imports
import { createThrottle, newMailNotice } from '../../../../src-main/hosts/electron/coalesce';
import type { MessageSummary } from '../../../../src-main/contract/messages';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createThrottle', () => {
  it('delivers the first item at once and a burst as one batch at the end of the window', () => {
    const batches: number[][] = [];
    const t = createThrottle<number>(2_000, (b) => batches.push(b));
    t.push(1);
    expect(batches).toEqual([[1]]);
    for (let i = 2; i <= 500; i++) t.push(i);
    expect(batches).toHaveLength(1);
    vi.advanceTimersByTime(1_999);
    expect(batches).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(batches).toHaveLength(2);
    expect(batches[1]).toHaveLength(499);
    expect(batches[1].at(-1)).toBe(500);
  });

  it('at most one delivery per window under a steady stream; quiet again → immediate', () => {
    const times: number[] = [];
    const t = createThrottle<number>(2_000, () => times.push(Date.now()));
    const start = Date.now();
    for (let ms = 0; ms < 10_000; ms += 100) {
      t.push(ms);
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(2_000);
    const gaps = times.slice(1).map((x, i) => x - times[i]);
    expect(gaps.every((g) => g >= 2_000)).toBe(true);
    expect(times.length).toBeLessThanOrEqual(6);
    // After a quiet window the next item goes out without waiting.
    vi.advanceTimersByTime(5_000);
    const before = times.length;
    t.push(-1);
    expect(times.length).toBe(before + 1);
    expect(times.at(-1)! - start).toBeGreaterThan(10_000);
  });

  it('dispose drops what is pending', () => {
    const batches: number[][] = [];
    const t = createThrottle<number>(1_000, (b) => batches.push(b));
    t.push(1);
    t.push(2);
    t.dispose();
    vi.advanceTimersByTime(5_000);
    expect(batches).toEqual([[1]]);
  });
});

describe('newMailNotice', () => {
  const msg = (id: string, subject: string, from: MessageSummary['from']) => ({ id, subject, from }) as MessageSummary;

  it('one message: its subject, its sender, opens it', () => {
    expect(newMailNotice([msg('m1', 'Hello', { name: 'Ann', address: 'ann@example.com' })])).toEqual({
      title: 'Hello',
      body: 'From Ann',
      openId: 'm1',
    });
    expect(newMailNotice([msg('m2', '', null)])).toEqual({ title: '(no subject)', body: 'From unknown sender', openId: 'm2' });
  });

  it('several: "N new messages" with the latest subject, opens the latest', () => {
    const batch = [msg('a', 'First', null), msg('b', 'Second', { name: '', address: 'bob@example.com' }), msg('c', 'Third', { name: 'Cy', address: 'cy@example.com' })];
    expect(newMailNotice(batch)).toEqual({ title: '3 new messages', body: 'Latest: Third — from Cy', openId: 'c' });
  });
});
