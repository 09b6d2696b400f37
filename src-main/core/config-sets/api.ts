// The configuration sets capability's public surface (ses-facts §A.13) as far as sending rules need it:
// existence, sending enabled, suppression options. The event-publishing issue extends it.
// Owns: shapes and the service interface (config-sets/config-sets.ts implements it). Must not: hold behaviour.
import type { SuppressionReason } from '../account/api';

export interface ConfigurationSetView {
  name: string;
  createdAt: number;
  sendingEnabled: boolean;
  /** The set's SuppressedReasons; null = not set (the account's apply). An empty list disables suppression. */
  suppressedReasons: SuppressionReason[] | null;
}

export interface ConfigurationSetService {
  get(name: string): ConfigurationSetView | undefined;
  list(): ConfigurationSetView[];
  /** Gate: throws ConfigurationSetDoesNotExist / ConfigurationSetSendingPaused. */
  assertCanSend(name: string): ConfigurationSetView;
  reset(): void;
}
