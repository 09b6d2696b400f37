// QA scenario rules. Placeholder until the outcomes work lands: no rules.
import type { ScenarioService } from './api';

export function createScenarios(): ScenarioService {
  return { list: () => [], reset: () => undefined };
}
