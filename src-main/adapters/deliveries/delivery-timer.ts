// Real-time mode for SNS delivery retries: the engine never sleeps, so the host keeps one unref'd timer
// that fires when Sesame's clock reaches the next pending attempt (engine.sns.nextDueAt) and runs what is
// due. It re-arms after every run and whenever a delivery is queued or attempted ('sns.delivery' on the
// bus), and looks again at least every OUTCOME_TIMER_MAX_MS so time travel is picked up without wiring.
// Owns: that timer. Must not: decide retries (core/sns does) or keep the process alive.
import type { Engine } from '../../core/engine-api';
import { OUTCOME_TIMER_MAX_MS } from '../../core/limits';

export interface DeliveryTimer {
  rearm(): void;
  stop(): void;
}

export function startDeliveryTimer(engine: Engine, log: (message: string, err: unknown) => void): DeliveryTimer {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let armedFor = Infinity;
  let stopped = false;
  let running = false;

  const fire = () => {
    timer = null;
    armedFor = Infinity;
    running = true;
    engine.sns
      .runDue()
      .catch((err: unknown) => log('SNS deliveries failed to run', err))
      .finally(() => {
        running = false;
        arm();
      });
  };

  function arm(): void {
    if (stopped || running) return;
    const now = engine.time.now();
    const next = engine.sns.nextDueAt();
    const at = Math.min(next ?? Infinity, now + OUTCOME_TIMER_MAX_MS);
    if (timer && at >= armedFor) return;
    if (timer) clearTimeout(timer);
    armedFor = at;
    timer = setTimeout(fire, Math.max(0, at - now));
    timer.unref();
  }

  const off = engine.bus.on('sns.delivery', () => arm());
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
