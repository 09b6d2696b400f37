// The reputation capability's public surface (ses-facts §A.8, issue 6): bounce and complaint rates over a
// representative recent volume, the enforcement status they lead to (HEALTHY → PROBATION "under review" →
// SHUTDOWN "sending paused") for the account and for configuration sets with reputation metrics enabled,
// the settings behind it (thresholds, volume, window — SES's values by default) and fresh starts.
// Owns: shapes and the service interface (core/reputation/reputation.ts implements it). Must not: hold behaviour.
import type { EnforcementStatus } from '../account/api';

export interface ReputationSettings {
  /** Fractions (0.05 = 5 %). SES: bounce 5 % review / 10 % pause; complaint 0.1 % review / 0.5 % pause. */
  bounceReview: number;
  bouncePause: number;
  complaintReview: number;
  complaintPause: number;
  /** The representative volume: eligible recipients the rates are computed over (newest first). */
  volume: number;
  /** Below this many eligible recipients no status changes (too little mail to judge). */
  minimumVolume: number;
  /** Counts older than this never enter the rates (ms). */
  maxAgeMs: number;
  /** Whether configuration sets with reputation metrics are paused on their own at the pause thresholds. */
  pauseConfigurationSets: boolean;
}

/** The rates and status of the account or of one configuration set. */
export interface ReputationView {
  /** null = the account. */
  configurationSet: string | null;
  /** Fractions; null while nothing eligible was sent in the window. */
  bounceRate: number | null;
  complaintRate: number | null;
  sent: number;
  hardBounces: number;
  complaints: number;
  windowStart: number | null;
  /** Account: GetAccount's EnforcementStatus. Set: HEALTHY / PROBATION / SHUTDOWN (sending paused by reputation). */
  status: EnforcementStatus;
  /** Epoch ms of the last fresh start (account: last reinstatement), null if never. */
  lastFreshStart: number | null;
  /** The status in words, with the numbers (the dashboard shows it). */
  explanation: string;
}

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
