// Background work a caller does not wait for (captured DSNs, event sink writes): each promise is kept until
// it settles, its failure reported (never thrown), and `settled()` awaits everything started so far —
// including work started while waiting.
// Owns: that bookkeeping. Must not: start work itself.

export interface Inflight {
  /** Keeps `p` until it settles; a rejection goes to the log. */
  track(p: Promise<void>): void;
  /** Resolves when nothing tracked is still running. */
  settled(): Promise<void>;
}

export function createInflight(log: (err: unknown) => void): Inflight {
  const inflight = new Set<Promise<void>>();
  return {
    track(p) {
      const done = p.catch(log).finally(() => inflight.delete(done));
      inflight.add(done);
    },
    async settled() {
      while (inflight.size) await Promise.all([...inflight]);
    },
  };
}
