// Configuration sets (ses-facts §A.13). Placeholder until the configuration-set work lands: every name is
// accepted as an existing set that may send. Must not: publish events (the event-publishing issue does).
import type { ConfigurationSetService, ConfigurationSetView } from './api';

export function createConfigurationSets(): ConfigurationSetService {
  const view = (name: string): ConfigurationSetView => ({ name, createdAt: 0, sendingEnabled: true, suppressedReasons: null });
  return {
    get: (name) => view(name),
    list: () => [],
    assertCanSend: (name) => view(name),
    reset: () => undefined,
  };
}
