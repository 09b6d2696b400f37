// QA scenario rules (beyond SES; no other emulator has them): an ordered, persisted list of rules that
// give matching recipients a hard bounce, a soft bounce with retries, a complaint, a delayed delivery or a
// rejection. The first enabled rule that matches a recipient wins (after the mailbox simulator and the
// suppression lists: plan.ts).
// Owns: the rule list, its order and its persistence (scenario_rules), kept in memory with compiled
// matchers so a send looks rules up without touching the database. Must not: plan outcomes (plan.ts).
import { outcomeErrors } from '../errors';
import type { Ids } from '../ids';
import { SCENARIO_MAX_RULES } from '../limits';
import type { OutcomeStore } from '../store/outcome-store';
import type { ScenarioRule, ScenarioRuleInput, ScenarioService } from './api';
import { checkAction, checkEnabled, checkMatch, checkName, compileMatch } from './rules';

interface Loaded {
  rule: ScenarioRule;
  test: (address: string) => boolean;
}

const copy = (r: ScenarioRule): ScenarioRule => structuredClone(r);

export function createScenarios(deps: { store: OutcomeStore['rules']; ids: Ids }): ScenarioService {
  const { store, ids } = deps;
  // Rules stored before issue 6 have no countsTowardReputation: they count.
  const load = (rule: ScenarioRule): Loaded => ({ rule: { ...rule, countsTowardReputation: rule.countsTowardReputation ?? true }, test: compileMatch(rule.match) });
  let rules: Loaded[] = [];
  for (const row of store.list()) {
    try {
      rules.push(load(JSON.parse(row.json) as ScenarioRule));
    } catch {
      // A row this version cannot read (hand-edited database): skipped, never fatal.
    }
  }

  const save = (next: Loaded[]) => {
    store.replaceAll(next.map((l) => ({ id: l.rule.id, json: JSON.stringify(l.rule) })));
    rules = next;
  };
  const indexOf = (id: string) => rules.findIndex((l) => l.rule.id === id);

  return {
    list: () => rules.map((l) => copy(l.rule)),
    get(id) {
      const l = rules[indexOf(id)];
      return l ? copy(l.rule) : undefined;
    },
    create(input: ScenarioRuleInput, position?: number) {
      if (rules.length >= SCENARIO_MAX_RULES) throw outcomeErrors.invalidRule('list', `is full (at most ${SCENARIO_MAX_RULES} rules)`);
      const match = checkMatch(input.match);
      const rule: ScenarioRule = {
        id: ids.uuid(),
        name: checkName(input.name, match.pattern),
        enabled: checkEnabled(input.enabled, true),
        match,
        action: checkAction(input.action),
        countsTowardReputation: checkEnabled(input.countsTowardReputation, true, 'countsTowardReputation'),
      };
      const at = position === undefined ? rules.length : Math.max(0, Math.min(rules.length, Math.trunc(position)));
      save([...rules.slice(0, at), load(rule), ...rules.slice(at)]);
      return copy(rule);
    },
    update(id, input) {
      const i = indexOf(id);
      if (i === -1) throw outcomeErrors.ruleNotFound(id);
      const old = rules[i].rule;
      const rule: ScenarioRule = {
        id,
        name: checkName(input.name, old.name),
        enabled: checkEnabled(input.enabled, old.enabled),
        match: input.match === undefined ? old.match : checkMatch(input.match),
        action: input.action === undefined ? old.action : checkAction(input.action),
        countsTowardReputation: checkEnabled(input.countsTowardReputation, old.countsTowardReputation, 'countsTowardReputation'),
      };
      save(rules.map((l, n) => (n === i ? load(rule) : l)));
      return copy(rule);
    },
    delete(id) {
      const i = indexOf(id);
      if (i === -1) return false;
      save(rules.filter((_, n) => n !== i));
      return true;
    },
    reorder(order) {
      if (!Array.isArray(order) || order.some((id) => typeof id !== 'string')) throw outcomeErrors.invalidReorder('ids must be a list of rule ids');
      const unique = new Set(order);
      if (unique.size !== order.length) throw outcomeErrors.invalidReorder('an id is listed twice');
      const unknown = order.find((id) => indexOf(id) === -1);
      if (unknown !== undefined) throw outcomeErrors.ruleNotFound(unknown);
      if (order.length !== rules.length) throw outcomeErrors.invalidReorder(`every rule must be listed (${rules.length} rules, ${order.length} ids)`);
      save(order.map((id) => rules[indexOf(id)]));
      return rules.map((l) => copy(l.rule));
    },
    match(address) {
      for (const l of rules) if (l.rule.enabled && l.test(address)) return copy(l.rule);
      return undefined;
    },
    reset() {
      save([]);
    },
  };
}
