// The reputation capability's public surface (ses-facts §A.8, issue 6): bounce and complaint rates over a
// representative recent volume, the enforcement status they lead to (HEALTHY → PROBATION "under review" →
// SHUTDOWN "sending paused") for the account and for configuration sets with reputation metrics enabled,
// the settings behind it (thresholds, volume, window — SES's values by default) and fresh starts.
// Owns: shapes and the service interface (core/reputation/reputation.ts implements it). Must not: hold behaviour.
import type { DashboardReputationDto, DashboardThresholdsDto } from '../../contract/dashboard';

/** Thresholds (fractions), the representative volume, the minimum volume, the max age and set pauses (contract/dashboard.ts). */
export type ReputationSettings = DashboardThresholdsDto;

/** The rates and status of the account (`configurationSet: null`) or of one configuration set (contract/dashboard.ts). */
export type ReputationView = DashboardReputationDto;

export interface ReputationService {
  settings(): ReputationSettings;
  /**
   * Validates (fractions in (0,1], review ≤ pause, minimum ≤ volume, positive integers; unknown keys refused);
   * throws reputationErrors.invalidSettings (InvalidParameterValue). Re-evaluates at once with the new settings.
   */
  updateSettings(patch: Partial<ReputationSettings>): ReputationSettings;
  account(): ReputationView;
  /** Sets with ReputationMetricsEnabled, in creation order. */
  configurationSets(): ReputationView[];
  /** Throws errors.configurationSetDoesNotExist. */
  configurationSet(name: string): ReputationView;
  /**
   * A fresh start: rates count from now. For a set, ReputationOptions.LastFreshStart = now and sending
   * re-enabled when reputation paused it; for the account, EnforcementStatus back to HEALTHY and sending
   * re-enabled (what SES's review team does when it reinstates an account [verify]).
   */
  freshStart(target: { configurationSet?: string }): ReputationView;
  /** Re-evaluates now (metrics call it after counting; tests may call it). */
  evaluate(): void;
  reset(): void;
}
