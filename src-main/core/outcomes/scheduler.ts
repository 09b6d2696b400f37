// Outcomes scheduled in Sesame's time (soft-bounce retries, delayed deliveries, complaints after a delay),
// persisted in `scheduled_outcomes` so they survive a restart. runDue(now) applies every step due by `now`,
// oldest first: each appends its (already built) SES event to the stored message with the status that
// follows (events/status.ts), records suppression feedback, commits, then emits `event.recorded` and
// `message.updated`, and starts capturing any mail the step sends (a DSN). Deterministic under a fake
// clock: no timers here — engine.time.advance and the host's timer (hosts/due-timer.ts) call runDue.
// Owns: the schedule. Must not: plan outcomes (plan.ts) or sleep.
import type { DomainBus } from '../engine-api';
import { statusAfterEvent } from '../events/status';
import { createInflight } from '../inflight';
import { summaryOf } from '../messages/views';
import type { Db } from '../store/database';
import type { OutcomeStore, StoredStep } from '../store/outcome-store';
import type { MessageStore } from '../store/types';
import type { FeedbackIntent, ScheduledStep, Scheduler, SystemMailIntent } from './api';

export interface SchedulerDeps {
  db: Db;
  schedule: OutcomeStore['schedule'];
  messages: MessageStore;
  bus: DomainBus;
  recordFeedback(f: FeedbackIntent, messageId: string): void;
  /** Captures the mail a step sends; resolves when stored (failures are the callee's to log). */
  sendMail(messageId: string, intents: SystemMailIntent[]): Promise<void>;
  log(message: string, err: unknown): void;
}

type StepJson = Omit<ScheduledStep, 'dueAt' | 'messageId'>;

const toStep = (row: StoredStep): ScheduledStep => ({ ...(JSON.parse(row.json) as StepJson), dueAt: row.dueAt, messageId: row.messageId });

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { db, schedule, messages, bus } = deps;
  /** Cached earliest due time; undefined = read it from the table. */
  let next: number | null | undefined;
  const inflight = createInflight((err) => deps.log('scheduled outcome mail failed', err));

  const apply = db.transaction((row: StoredStep) => {
    schedule.delete(row.id);
    const step = toStep(row);
    const stored = messages.get(step.messageId);
    if (!stored) return null; // the message was deleted: its outcomes go with it
    const status = statusAfterEvent(stored.status, step.event);
    const record = messages.addEvent(step.messageId, step.event, status);
    if (!record) return null;
    for (const f of step.feedback) deps.recordFeedback(f, step.messageId);
    return { step, record, summary: summaryOf({ ...stored, status }) };
  });

  const add: Scheduler['add'] = (steps) => {
    for (const s of steps) {
      const { dueAt, messageId, ...rest } = s;
      schedule.add(dueAt, messageId, JSON.stringify(rest));
      if (next !== undefined && (next === null || dueAt < next)) next = dueAt;
    }
  };

  const runDue: Scheduler['runDue'] = (now) => {
    let ran = 0;
    for (let row = schedule.nextDue(now); row; row = schedule.nextDue(now)) {
      let done: ReturnType<typeof apply>;
      try {
        done = apply(row);
      } catch (err) {
        deps.log(`scheduled outcome ${row.id} of ${row.messageId} failed; dropped`, err);
        try {
          schedule.delete(row.id);
        } catch {
          next = undefined;
          break; // the database itself is failing: try again on the next run
        }
        continue;
      }
      if (!done) continue;
      ran++;
      bus.emit('event.recorded', done.record);
      bus.emit('message.updated', done.summary);
      if (done.step.mail.length) inflight.track(deps.sendMail(done.step.messageId, done.step.mail));
    }
    next = undefined;
    return ran;
  };

  return {
    add,
    runDue,
    recordNow(messageId, event, at) {
      add([{ dueAt: at, messageId, event, feedback: [], mail: [] }]);
      return runDue(at) > 0;
    },
    nextDueAt() {
      if (next === undefined) next = schedule.earliest();
      return next;
    },
    pending: (messageId) => schedule.list(messageId).map(toStep),
    settled: inflight.settled,
    reset() {
      schedule.clear();
      next = null;
    },
  };
}
