// The clock, injected so quotas, rate limits, retries and timestamps are exact in tests.
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  private t: number;
  constructor(start = Date.UTC(2026, 0, 1)) {
    this.t = start;
  }
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(ms: number): void {
    this.t = ms;
  }
}

/**
 * Sesame's own clock: the injected base clock plus an offset that only grows ("time travel"). The engine
 * reads time through this, so moving it forward expires quota windows and brings scheduled outcomes
 * (soft-bounce retries, delayed complaints) due without waiting. The offset is persisted by the engine.
 */
export class TravelClock implements Clock {
  private offsetMs: number;
  private readonly base: Clock;
  constructor(base: Clock, offsetMs = 0) {
    this.base = base;
    this.offsetMs = offsetMs;
  }
  now(): number {
    return this.base.now() + this.offsetMs;
  }
  offset(): number {
    return this.offsetMs;
  }
  /** Moves Sesame's time forward by `ms` (≥ 0). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`time can only move forward (got ${ms} ms)`);
    this.offsetMs += ms;
  }
  /** Back to the base clock's time (a reset). */
  resetOffset(): void {
    this.offsetMs = 0;
  }
}
