// SentLast24Hours (ses-facts §A.8): the recipients sent in a rolling 24-hour window (recipients, not
// messages). The window is a queue of (time, recipients) in memory, trimmed at its head both when a send is
// recorded and when the total is read, so it holds at most a day of sends whoever reads it (O(1) amortized
// either way); it is loaded from the store's send log at start, so restarts keep the count.
// Owns: that queue. Must not: decide whether a send may go (account.ts does).
import type { SendLogStore } from '../store/types';

export const WINDOW_MS = 24 * 60 * 60 * 1000;

export interface SendWindow {
  record(at: number, recipients: number): void;
  /** Recipients sent in (now − 24 h, now]. */
  total(now: number): number;
  /** Entries held in memory, evicted ones awaiting compaction included (for tests: the window stays bounded). */
  held(): number;
}

export function createSendWindow(log: SendLogStore, now: number): SendWindow {
  let times: number[] = [];
  let counts: number[] = [];
  let head = 0;
  let sum = 0;
  let lastNow = now;
  let sinceTrim = 0;

  const load = (at: number) => {
    log.prune(at - WINDOW_MS);
    const rows = log.since(at - WINDOW_MS);
    times = rows.map((r) => r.at);
    counts = rows.map((r) => r.recipients);
    head = 0;
    sum = counts.reduce((a, b) => a + b, 0);
  };
  load(now);

  const evict = (at: number) => {
    // An injected clock may move backwards (tests); rows already evicted would then count again.
    if (at < lastNow) load(at);
    lastNow = at;
    const edge = at - WINDOW_MS;
    while (head < times.length && times[head] <= edge) {
      sum -= counts[head];
      head++;
    }
    if (head > 1024 && head * 2 > times.length) {
      times = times.slice(head);
      counts = counts.slice(head);
      head = 0;
    }
  };

  return {
    record(at, recipients) {
      // Trim the head too, or the window grows until someone reads the quota. Only when time moved forward:
      // evict() reloads from the send log when it moved back, and that log already holds this send.
      if (at >= lastNow) evict(at);
      // Rows arrive in time order from one process; an out-of-order time is placed where it belongs.
      let i = times.length;
      while (i > head && times[i - 1] > at) i--;
      times.splice(i, 0, at);
      counts.splice(i, 0, recipients);
      sum += recipients;
      if (++sinceTrim >= 4096) {
        sinceTrim = 0;
        log.prune(at - WINDOW_MS);
      }
    },
    total(at) {
      evict(at);
      // Sends recorded "in the future" of an earlier clock reading are not in the window yet.
      let future = 0;
      for (let i = times.length - 1; i >= head && times[i] > at; i--) future += counts[i];
      return sum - future;
    },
    held: () => times.length,
  };
}
