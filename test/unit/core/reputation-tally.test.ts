// The in-memory reputation tally: buckets loaded or counted out of order are walked newest first, the walk
// stops once the volume is covered and never goes before `from`, per set and for the account, and pruning
// drops old buckets.
import { describe, expect, it } from 'vitest';
import { createReputationTally } from '../../../src-main/core/metrics/reputation-tally';

const Q = 900_000;

describe('reputation tally', () => {
  it('walks newest first whatever order buckets arrived in', () => {
    const tally = createReputationTally(() => [
      { bucket: 3 * Q, configurationSet: '', metric: 'REPUTATION_SENT', total: 10 },
      { bucket: 1 * Q, configurationSet: 'promo', metric: 'REPUTATION_SENT', total: 10 },
      { bucket: 1 * Q, configurationSet: 'promo', metric: 'REPUTATION_HARD_BOUNCE', total: 2 },
    ]);
    expect(tally.walk(undefined, 0, 0)).toEqual({ sent: 20, hardBounces: 2, complaints: 0, windowStart: 1 * Q });
    tally.add('', 2 * Q, 'REPUTATION_SENT', 5); // a late count into a bucket between the two
    tally.add('', 2 * Q, 'REPUTATION_COMPLAINT', 1);
    // Volume 12: 3Q (10) then 2Q (5) covers it; 1Q is not reached.
    expect(tally.walk(undefined, 0, 12)).toEqual({ sent: 15, hardBounces: 0, complaints: 1, windowStart: 2 * Q });
    expect(tally.walk(undefined, 2 * Q + 1, 0)).toEqual({ sent: 10, hardBounces: 0, complaints: 0, windowStart: 3 * Q });
    expect(tally.walk('promo', 0, 0)).toEqual({ sent: 10, hardBounces: 2, complaints: 0, windowStart: 1 * Q });
    tally.prune(2 * Q);
    expect(tally.walk(undefined, 0, 0)).toEqual({ sent: 15, hardBounces: 0, complaints: 1, windowStart: 2 * Q });
    expect(tally.walk('promo', 0, 0)).toEqual({ sent: 0, hardBounces: 0, complaints: 0, windowStart: null });
  });
});
