// The outcomes capability put together: scenario rules, the persisted scheduler, the planner, and the
// mail outcomes send (DSN, auto-reply). The sending pipeline calls it in three steps around its commit:
// `plan` (pure) → `persist` (inside the pipeline's transaction: scheduled steps and suppression feedback
// commit with the message) → `sendMail` (after the commit; the inbox gets the DSN or auto-reply).
// Owns: wiring those together and the rule that simulator outcomes never touch the suppression list
// (plan.ts never asks for their feedback). Must not: accept messages or speak a protocol.
import type { Clock } from '../clock';
import type { DomainBus } from '../engine-api';
import type { Ids } from '../ids';
import type { SystemMail } from '../messages/system-mail';
import { bareAddress } from '../mime/addresses';
import { createOutcomeStore } from '../store/outcome-store';
import type { Store } from '../store/types';
import type { SuppressionService } from '../suppression/api';
import type { FeedbackIntent, ScenarioService, Scheduler, SystemMailIntent } from './api';
import { planOutcomes, type Plan, type PlanInput } from './plan';
import { createScenarios } from './scenarios';
import { createScheduler } from './scheduler';
import { buildSystemMail, originalFacts } from './system-mails';

export interface OutcomesDeps {
  region: string;
  clock: Clock;
  ids: Ids;
  store: Store;
  bus: DomainBus;
  suppression: SuppressionService;
  systemMail: SystemMail;
  log(message: string, err: unknown): void;
}

/** The message an outcome's mail is about, when the caller has it at hand (the pipeline does). */
export interface MailSubject {
  mime: Buffer;
  receivedAt: number;
  returnPath: string | null;
  source: string;
}

export interface Outcomes {
  scenarios: ScenarioService;
  scheduler: Scheduler;
  plan(input: Omit<PlanInput, 'now'>): Plan;
  /** Inside the caller's transaction: schedules the later steps and records the immediate feedback. */
  persist(messageId: string, plan: Plan): void;
  /** After the commit: captures the plan's mail. Never rejects (failures are logged). */
  sendMail(messageId: string, intents: SystemMailIntent[], subject?: MailSubject): Promise<void>;
}

export function createOutcomes(deps: OutcomesDeps): Outcomes {
  const { clock, ids, store, suppression } = deps;
  const outcomeStore = createOutcomeStore(store.db);
  const scenarios = createScenarios({ store: outcomeStore.rules, ids });

  const recordFeedback = (f: FeedbackIntent, messageId: string) => {
    suppression.recordFeedback(f.address, f.reason, { messageId, feedbackId: f.feedbackId }, f.effective);
  };

  async function sendMail(messageId: string, intents: SystemMailIntent[], subject?: MailSubject): Promise<void> {
    if (!intents.length) return;
    try {
      let about = subject;
      if (!about) {
        const stored = store.messages.get(messageId);
        const mime = stored && (await store.messages.raw(messageId));
        if (!stored || !mime) return;
        about = { mime, receivedAt: stored.receivedAt, returnPath: stored.returnPath, source: stored.source };
      }
      const to = bareAddress(about.returnPath ?? about.source);
      const original = originalFacts(about.mime);
      for (const intent of intents) {
        const built = buildSystemMail(intent, { ids, region: deps.region, now: clock.now(), arrivedAt: about.receivedAt, to, original });
        await deps.systemMail.capture({ kind: built.kind, mailFrom: built.mailFrom, rcptTo: [to], mime: built.mime, relatedId: messageId });
      }
    } catch (err) {
      deps.log(`mail about ${messageId} could not be captured`, err);
    }
  }

  const scheduler = createScheduler({
    db: store.db,
    schedule: outcomeStore.schedule,
    messages: store.messages,
    bus: deps.bus,
    recordFeedback,
    sendMail: (id, intents) => sendMail(id, intents),
    log: deps.log,
  });

  return {
    scenarios,
    scheduler,
    plan: (input) =>
      planOutcomes(
        {
          ids,
          scenarios,
          lookup: (address, effective) => suppression.lookup(address, effective),
        },
        { ...input, now: clock.now() },
      ),
    persist(messageId, plan) {
      scheduler.add(plan.later);
      for (const f of plan.feedback) recordFeedback(f, messageId);
    },
    sendMail,
  };
}
