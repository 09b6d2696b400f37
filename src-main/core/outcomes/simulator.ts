// The Amazon SES mailbox simulator (ses-facts §A.4; doc send-an-email-from-console#send-email-simulator):
// which scenario an address at simulator.amazonses.com asks for. Labels are allowed
// (`bounce+order-42@simulator.amazonses.com`, for VERP-style matching), so the scenario is the local part
// before the first `+`, compared case-insensitively.
// Owns: that reading. Must not: build events (plan.ts) or know the sandbox/quota exemptions (the gate does).
import { SIMULATOR_DOMAIN } from '../limits';

export type SimulatorScenario = 'success' | 'bounce' | 'ooto' | 'complaint' | 'suppressionlist';

const SCENARIOS: ReadonlySet<string> = new Set<SimulatorScenario>(['success', 'bounce', 'ooto', 'complaint', 'suppressionlist']);

/**
 * The scenario a recipient at the simulator domain asks for; null for any other domain. A local part that
 * names no scenario is treated as `success` [verify]: AWS documents only the five addresses.
 */
export function simulatorScenario(address: string): SimulatorScenario | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.slice(at + 1).toLowerCase() !== SIMULATOR_DOMAIN) return null;
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  const name = (plus === -1 ? local : local.slice(0, plus)).toLowerCase();
  return SCENARIOS.has(name) ? (name as SimulatorScenario) : 'success';
}
