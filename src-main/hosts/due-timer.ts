// Real-time mode for work that falls due in Sesame's time: the engine never sleeps (core has no timers), so
// the host keeps one unref'd timer per kind of due work that fires when Sesame's clock reaches the next due
// time and runs what is due. It re-arms after every run and whenever a bus event says something may be due
// sooner, and sleeps at most OUTCOME_TIMER_MAX_MS before looking again, so time travel and restarts are
// picked up without any wiring. Two kinds use it: scheduled outcomes (engine.time: retries, delayed
// complaints; re-armed by every accepted message) and SNS HTTP/HTTPS delivery retries (engine.sns; re-armed
// by every queued or attempted delivery).
// Owns: those timers. Must not: decide outcomes or retries (core does) or keep the process alive.
import type { DomainEvents, Engine } from '../core/engine-api';
import { OUTCOME_TIMER_MAX_MS } from '../core/limits';

export interface DueTimer {
  /** Looks at the schedule again now (cheap: the engine caches the next due time). */
  rearm(): void;
  stop(): void;
}

export interface DueWork {
  /** Runs what is due; an async run holds the timer until it settles. */
  runDue(): void | Promise<unknown>;
  /** The next due time in Sesame time, or null when nothing is scheduled. */
  nextDueAt(): number | null;
  /** The bus event after which something may be due sooner. */
  wakeOn: keyof DomainEvents;
  /** Logged with the error when a run fails. */
  failure: string;
}

type Log = (message: string, err: unknown) => void;

export function startDueTimer(engine: Pick<Engine, 'time' | 'bus'>, work: DueWork, log: Log): DueTimer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** When the armed timer fires, in Sesame time (so an event that needs nothing sooner leaves it alone). */
  let armedFor = Infinity;
  let stopped = false;
  let running = false;

  const fire = () => {
    timer = null;
    armedFor = Infinity;
    // Re-arms asked for while the work runs wait for it (so one run never overlaps another).
    running = true;
    let result: void | Promise<unknown> = undefined;
    try {
      result = work.runDue();
    } catch (err) {
      log(work.failure, err);
    }
    if (!(result instanceof Promise)) {
      running = false;
      return arm();
    }
    void result
      .catch((err: unknown) => log(work.failure, err))
      .finally(() => {
        running = false;
        arm();
      });
  };

  function arm(): void {
    if (stopped || running) return;
    const now = engine.time.now();
    const at = Math.min(work.nextDueAt() ?? Infinity, now + OUTCOME_TIMER_MAX_MS);
    if (timer && at >= armedFor) return;
    if (timer) clearTimeout(timer);
    armedFor = at;
    timer = setTimeout(fire, Math.max(0, at - now));
    timer.unref();
  }

  const off = engine.bus.on(work.wakeOn, () => arm());
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

/** Scheduled outcomes (core/outcomes/scheduler.ts), re-armed by every accepted message. */
export const startOutcomeTimer = (engine: Engine, log: Log): DueTimer =>
  startDueTimer(
    engine,
    {
      runDue: () => void engine.time.runDue(),
      nextDueAt: () => engine.time.nextDueAt(),
      wakeOn: 'message.accepted',
      failure: 'scheduled outcomes failed to run',
    },
    log,
  );

/** SNS delivery retries (core/sns), re-armed whenever a delivery is queued or attempted. */
export const startDeliveryTimer = (engine: Engine, log: Log): DueTimer =>
  startDueTimer(
    engine,
    { runDue: () => engine.sns.runDue(), nextDueAt: () => engine.sns.nextDueAt(), wakeOn: 'sns.delivery', failure: 'SNS deliveries failed to run' },
    log,
  );
