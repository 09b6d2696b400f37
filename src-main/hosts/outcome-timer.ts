// Real-time mode for scheduled outcomes: the engine never sleeps (core has no timers), so the host keeps
// one unref'd timer that fires when Sesame's clock reaches the next scheduled outcome
// (engine.time.nextDueAt) and runs what is due. It is re-armed after every run and every accepted message
// (a send may schedule something sooner), and sleeps at most OUTCOME_TIMER_MAX_MS before looking again,
// so time travel and restarts are picked up without any wiring.
// Owns: that timer. Must not: decide outcomes or keep the process alive (the timer is unref'd).
import type { Engine } from '../core/engine-api';
import { OUTCOME_TIMER_MAX_MS } from '../core/limits';

export interface OutcomeTimer {
  /** Looks at the schedule again now (cheap: the engine caches the next due time). */
  rearm(): void;
  stop(): void;
}

export function startOutcomeTimer(engine: Engine, log: (message: string, err: unknown) => void): OutcomeTimer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** When the armed timer fires, in Sesame time (so a send that needs nothing sooner leaves it alone). */
  let armedFor = Infinity;
  let stopped = false;

  const fire = () => {
    timer = null;
    armedFor = Infinity;
    try {
      engine.time.runDue();
    } catch (err) {
      log('scheduled outcomes failed to run', err);
    }
    arm();
  };

  function arm(): void {
    if (stopped) return;
    const now = engine.time.now();
    const next = engine.time.nextDueAt();
    const at = Math.min(next ?? Infinity, now + OUTCOME_TIMER_MAX_MS);
    if (timer && at >= armedFor) return;
    if (timer) clearTimeout(timer);
    armedFor = at;
    timer = setTimeout(fire, Math.max(0, at - now));
    timer.unref();
  }

  const off = engine.bus.on('message.accepted', () => arm());
  arm();
  return {
    rearm: arm,
    stop() {
      stopped = true;
      off();
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
