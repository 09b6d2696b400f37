// Outcomes scheduled in Sesame's time (soft-bounce retries, delayed deliveries and complaints).
// Placeholder until the outcomes work lands: nothing is ever scheduled.
import type { Scheduler } from './api';

export function createScheduler(): Scheduler {
  return { runDue: () => 0, nextDueAt: () => null, reset: () => undefined };
}
