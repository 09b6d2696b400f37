// Persistence for core/outcomes: QA scenario rules (`scenario_rules`, evaluated in `position` order) and
// outcomes scheduled in Sesame's time (`scheduled_outcomes`, taken in `due_at, id` order), both created by
// migration 003. Each row keeps its object as JSON, so the shapes can grow without a migration.
// Owns: the queries. Must not: validate rules, decide outcomes or emit anything (core/outcomes does).
import type { Db } from './database';

export interface StoredRule {
  id: string;
  json: string;
}

export interface StoredStep {
  id: number;
  dueAt: number;
  messageId: string;
  json: string;
}

export interface OutcomeStore {
  rules: {
    /** In evaluation order. */
    list(): StoredRule[];
    /** Replaces every rule with `rules`, in that order (rule sets are small: a few dozen rows at most). */
    replaceAll(rules: readonly StoredRule[]): void;
  };
  schedule: {
    add(dueAt: number, messageId: string, json: string): number;
    /** The oldest step due at or before `now`, if any. */
    nextDue(now: number): StoredStep | undefined;
    delete(id: number): void;
    /** Earliest due time, or null when nothing is scheduled. */
    earliest(): number | null;
    /** Waiting steps, oldest first, optionally of one message. */
    list(messageId?: string): StoredStep[];
    clear(): void;
  };
}

interface StepRow {
  id: number;
  due_at: number;
  message_id: string;
  json: string;
}

const toStep = (r: StepRow): StoredStep => ({ id: r.id, dueAt: r.due_at, messageId: r.message_id, json: r.json });

export function createOutcomeStore(db: Db): OutcomeStore {
  const st = {
    listRules: db.prepare('SELECT id, json FROM scenario_rules ORDER BY position, id'),
    clearRules: db.prepare('DELETE FROM scenario_rules'),
    insertRule: db.prepare('INSERT INTO scenario_rules (id, position, json) VALUES (?, ?, ?)'),
    addStep: db.prepare('INSERT INTO scheduled_outcomes (due_at, message_id, json) VALUES (?, ?, ?)'),
    nextDue: db.prepare('SELECT id, due_at, message_id, json FROM scheduled_outcomes WHERE due_at <= ? ORDER BY due_at, id LIMIT 1'),
    deleteStep: db.prepare('DELETE FROM scheduled_outcomes WHERE id = ?'),
    earliest: db.prepare('SELECT min(due_at) FROM scheduled_outcomes').pluck(),
    listSteps: db.prepare('SELECT id, due_at, message_id, json FROM scheduled_outcomes ORDER BY due_at, id'),
    listStepsOf: db.prepare('SELECT id, due_at, message_id, json FROM scheduled_outcomes WHERE message_id = ? ORDER BY due_at, id'),
    clearSteps: db.prepare('DELETE FROM scheduled_outcomes'),
  };
  const replaceAll = db.transaction((rules: readonly StoredRule[]) => {
    st.clearRules.run();
    rules.forEach((r, i) => st.insertRule.run(r.id, i, r.json));
  });
  return {
    rules: {
      list: () => st.listRules.all() as StoredRule[],
      replaceAll: (rules) => replaceAll(rules),
    },
    schedule: {
      add: (dueAt, messageId, json) => Number(st.addStep.run(dueAt, messageId, json).lastInsertRowid),
      nextDue: (now) => {
        const row = st.nextDue.get(now) as StepRow | undefined;
        return row ? toStep(row) : undefined;
      },
      delete: (id) => void st.deleteStep.run(id),
      earliest: () => (st.earliest.get() as number | null) ?? null,
      list: (messageId) => ((messageId === undefined ? st.listSteps.all() : st.listStepsOf.all(messageId)) as StepRow[]).map(toStep),
      clear: () => void st.clearSteps.run(),
    },
  };
}
