// The maximum send rate as SES enforces it (ses-facts §A.8): every recipient counts (mailbox simulator
// included), up to one second's worth may go at once, and a send with more recipients than that is still
// accepted when nothing is owed — it borrows against the following seconds, which are then throttled
// ("debt-like": at 1/s a 5-recipient send is accepted and the next ~5 s of sends are refused; AWS blog quoted
// in django-ses#59).
//
// A GCRA (generic cell rate algorithm, "virtual scheduling" form; ITU-T I.371) on Sesame's clock: each
// recipient costs T = 1000/r ms; `tat` is the theoretical arrival time of the next recipient. A send is
// admitted iff tat − now ≤ τ, with τ = max(T, 1000) − T (one second's worth of burst, at least one recipient);
// then tat = max(tat, now) + n·T. With r = 14, fourteen 1-recipient sends at one instant pass and the 15th
// is refused; with r = 1, anything passes only when no debt is left.
//
// Owns: that arithmetic and its state (in memory: a restart forgets at most a few seconds of debt).
// Must not: throw SES errors or read settings — account.ts asks and answers.
import { SEND_RATE_BURST_MS } from '../limits';

/** Float slack so that exactly one second's worth (14 × 1000/14 ms) is not refused by rounding. */
const EPSILON_MS = 1e-6;

export interface SendRate {
  /** Whether `recipients` may go at `now` at `ratePerSecond`; when they may, they are charged. */
  tryTake(now: number, recipients: number, ratePerSecond: number): boolean;
  /** Milliseconds until a 1-recipient send would be admitted (0 = now). */
  waitMs(now: number, ratePerSecond: number): number;
  /** Forget all debt (a reset). */
  reset(): void;
}

export function createSendRate(): SendRate {
  let tat = Number.NEGATIVE_INFINITY;
  let lastNow = Number.NEGATIVE_INFINITY;
  let lastRate = 0;

  // An injected clock may move backwards (unit tests set it); the debt stays relative to "now" instead of
  // becoming a day-long throttle. A new rate keeps the debt in recipients, not in milliseconds.
  const follow = (now: number, rate: number) => {
    if (now < lastNow && Number.isFinite(tat)) tat -= lastNow - now;
    lastNow = now;
    if (rate !== lastRate && lastRate > 0 && rate > 0 && tat > now) tat = now + ((tat - now) * lastRate) / rate;
    lastRate = rate;
  };
  const costOf = (rate: number) => SEND_RATE_BURST_MS / rate;
  const toleranceOf = (cost: number) => Math.max(cost, SEND_RATE_BURST_MS) - cost;

  return {
    tryTake(now, recipients, rate) {
      follow(now, rate);
      if (recipients <= 0 || !(rate > 0) || rate === Number.POSITIVE_INFINITY) return true;
      const cost = costOf(rate);
      if (tat - now > toleranceOf(cost) + EPSILON_MS) return false;
      tat = Math.max(tat, now) + recipients * cost;
      return true;
    },
    waitMs(now, rate) {
      follow(now, rate);
      if (!(rate > 0) || !Number.isFinite(tat)) return 0;
      const cost = costOf(rate);
      return Math.max(0, Math.ceil(tat - now - toleranceOf(cost) - EPSILON_MS));
    },
    reset() {
      tat = Number.NEGATIVE_INFINITY;
      lastNow = Number.NEGATIVE_INFINITY;
      lastRate = 0;
    },
  };
}
