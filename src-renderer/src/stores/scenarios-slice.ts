// Scenario rules slice: the QA rules in evaluation order (add, edit, enable/disable, delete, reorder) and
// the mailbox simulator's "send a test" action, which opens the new message in the inbox.
// Owns: that state and its actions. Must not: render, or judge a rule's parameters (the engine does and
// says what is wrong).
import type { ScenarioRuleDto, ScenarioRuleInput, SimulatorScenario } from '../../../src-main/contract';
import { sesApi } from '../api/ses-client';
import { screenError, type ScreenError } from './account-slice';
import { busyAction } from './busy-action';
import { movedIds } from './ses-list-ops';
import type { Slice } from './types';

export interface ScenariosSlice {
  rules: ScenarioRuleDto[];
  rulesLoaded: boolean;
  rulesError: ScreenError | null;
  rulesBusy: boolean;
  /** The last simulator test's failure (shown next to the buttons that made it). */
  simulatorError: ScreenError | null;
  simulatorBusy: SimulatorScenario | null;
  loadRules: () => Promise<void>;
  createRule: (rule: ScenarioRuleInput) => Promise<boolean>;
  updateRule: (id: string, rule: Partial<ScenarioRuleInput>) => Promise<boolean>;
  deleteRule: (id: string) => Promise<boolean>;
  /** Move a rule one place up (-1) or down (+1). */
  moveRule: (id: string, delta: -1 | 1) => Promise<boolean>;
  sendSimulatorTest: (scenario: SimulatorScenario, from?: string) => Promise<string | null>;
}

export const createScenariosSlice: Slice<ScenariosSlice> = (set, get) => {
  const act = busyAction(set, 'rulesBusy', 'rulesError');
  const replace = (rule: ScenarioRuleDto) => set({ rules: get().rules.map((r) => (r.id === rule.id ? rule : r)) });

  return {
    rules: [],
    rulesLoaded: false,
    rulesError: null,
    rulesBusy: false,
    simulatorError: null,
    simulatorBusy: null,

    loadRules: async () => {
      try {
        const { items } = await sesApi.scenarioRules();
        set({ rules: items, rulesLoaded: true, rulesError: null });
      } catch (err) {
        set({ rulesError: screenError(err), rulesLoaded: true });
      }
    },

    createRule: (rule) => act(async () => set({ rules: [...get().rules, await sesApi.createRule(rule)] })),

    updateRule: (id, rule) => act(async () => replace(await sesApi.updateRule(id, rule))),

    deleteRule: (id) =>
      act(async () => {
        await sesApi.deleteRule(id);
        set({ rules: get().rules.filter((r) => r.id !== id) });
      }),

    moveRule: (id, delta) =>
      act(async () => {
        const ids = movedIds(get().rules, id, delta);
        if (ids.every((x, i) => x === get().rules[i]?.id)) return;
        set({ rules: (await sesApi.reorderRules(ids)).items });
      }),

    sendSimulatorTest: async (scenario, from) => {
      set({ simulatorBusy: scenario, simulatorError: null });
      try {
        const { messageId } = await sesApi.simulatorTest({ scenario, ...(from ? { from } : {}) });
        set({ simulatorBusy: null });
        get().openMessage(messageId);
        return messageId;
      } catch (err) {
        set({ simulatorError: screenError(err), simulatorBusy: null });
        return null;
      }
    },
  };
};
