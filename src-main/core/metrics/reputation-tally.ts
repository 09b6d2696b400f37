// The reputation counters (REPUTATION_SENT / _HARD_BOUNCE / _COMPLAINT) per 15-minute bucket, for the account
// and per configuration set, held in memory: reputation is judged after every counted send, bounce and
// complaint, and walking the ledger in SQL each time cost more than the send itself. Loaded once from the
// ledger on first use, then kept in step by metrics.ts after each committed count; cleared on reset.
// Owns: that mirror and the newest-first walk over it. Must not: write the ledger or decide what counts.
import type { ReputationCounts } from './api';

export const REPUTATION_METRICS = ['REPUTATION_SENT', 'REPUTATION_HARD_BOUNCE', 'REPUTATION_COMPLAINT'] as const;

interface Counts {
  sent: number;
  hard: number;
  complaints: number;
}

export interface TallyRow {
  bucket: number;
  configurationSet: string;
  metric: string;
  total: number;
}

/** One tally's buckets, and their starts in ascending order (new buckets almost always go at the end). */
interface Buckets {
  counts: Map<number, Counts>;
  order: number[];
}

function insertSorted(order: number[], bucket: number): void {
  let i = order.length;
  while (i > 0 && order[i - 1] > bucket) i--;
  order.splice(i, 0, bucket);
}

/** `load` reads the ledger's reputation rows (every bucket still kept). */
export function createReputationTally(load: () => TallyRow[]) {
  /** '' = mail without a set; ACCOUNT = everything. */
  let tallies: Map<string, Buckets> | null = null;
  const ACCOUNT = '\u0000account';

  const bump = (key: string, bucket: number, metric: string, n: number) => {
    let buckets = tallies!.get(key);
    if (!buckets) tallies!.set(key, (buckets = { counts: new Map(), order: [] }));
    let c = buckets.counts.get(bucket);
    if (!c) {
      buckets.counts.set(bucket, (c = { sent: 0, hard: 0, complaints: 0 }));
      insertSorted(buckets.order, bucket);
    }
    if (metric === 'REPUTATION_SENT') c.sent += n;
    else if (metric === 'REPUTATION_HARD_BOUNCE') c.hard += n;
    else c.complaints += n;
  };
  const ensure = () => {
    if (tallies) return;
    tallies = new Map();
    for (const r of load()) {
      bump(ACCOUNT, r.bucket, r.metric, r.total);
      bump(r.configurationSet, r.bucket, r.metric, r.total);
    }
  };

  return {
    /** After a committed count: mirror one reputation increment (ignored until first loaded — the load sees it). */
    add(configurationSet: string, bucket: number, metric: string, n: number): void {
      if (!tallies) return;
      bump(ACCOUNT, bucket, metric, n);
      bump(configurationSet, bucket, metric, n);
    },
    /** Newest bucket first from `from` on, until `volume` eligible recipients are covered (volume ≤ 0: all). */
    walk(configurationSet: string | undefined, from: number, volume: number): ReputationCounts {
      ensure();
      const buckets = tallies!.get(configurationSet ?? ACCOUNT);
      const result: ReputationCounts = { sent: 0, hardBounces: 0, complaints: 0, windowStart: null };
      if (!buckets) return result;
      // Newest first without sorting: a walk runs after every counted send, over up to two weeks of buckets.
      for (let i = buckets.order.length - 1; i >= 0 && buckets.order[i] >= from; i--) {
        if (volume > 0 && result.sent >= volume) break;
        const bucket = buckets.order[i];
        const c = buckets.counts.get(bucket)!;
        result.sent += c.sent;
        result.hardBounces += c.hard;
        result.complaints += c.complaints;
        result.windowStart = bucket;
      }
      return result;
    },
    /** Drops buckets older than `before` (the ledger pruned them). */
    prune(before: number): void {
      if (!tallies) return;
      for (const buckets of tallies.values()) {
        let old = 0;
        while (old < buckets.order.length && buckets.order[old] < before) buckets.counts.delete(buckets.order[old++]);
        buckets.order.splice(0, old);
      }
    },
    clear(): void {
      tallies = null;
    },
  };
}
