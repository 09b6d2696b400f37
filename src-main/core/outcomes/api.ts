// What happens to an accepted message, recipient by recipient: the mailbox simulator, the account
// suppression list, scenario rules and content filtering decide; outcomes that lie in the future
// (soft-bounce retries, delayed deliveries and complaints) are scheduled in Sesame's time.
// Owns: the scenario rule shapes and the service interfaces outcomes/ implements. Must not: hold behaviour.
export interface ScenarioService {
  /** Rules in evaluation order. */
  list(): unknown[];
  reset(): void;
}

export interface Scheduler {
  /** Runs every scheduled outcome due at or before `now`; returns how many ran. */
  runDue(now: number): number;
  /** When the next scheduled outcome is due, or null. */
  nextDueAt(): number | null;
  reset(): void;
}
