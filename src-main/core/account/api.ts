// The account capability's public surface (ses-facts §A.8): state as GetAccount / GetSendQuota report it,
// Sesame's settings for it, and the gates the sending pipeline calls.
// Owns: the shapes and the service interface core/account/account.ts implements. Must not: hold behaviour.
export interface SendQuota {
  /** -1 means unlimited (model). */
  max24HourSend: number;
  maxSendRate: number;
  sentLast24Hours: number;
}

export type SuppressionReason = 'BOUNCE' | 'COMPLAINT';
export type EnforcementStatus = 'HEALTHY' | 'PROBATION' | 'SHUTDOWN';

export interface AccountView {
  productionAccessEnabled: boolean;
  sendingEnabled: boolean;
  enforcementStatus: EnforcementStatus;
  dedicatedIpAutoWarmupEnabled: boolean;
  sendQuota: SendQuota;
  suppressedReasons: SuppressionReason[];
  /** Sesame: identities verify at once and every address counts as verified (CI). */
  autoVerify: boolean;
}

/** What Sesame's settings, the automation API and SES's account operations may change directly. */
export interface AccountPatch {
  sandbox?: boolean;
  max24HourSend?: number;
  maxSendRate?: number;
  sendingEnabled?: boolean;
  enforcementStatus?: EnforcementStatus;
  suppressedReasons?: SuppressionReason[];
  autoVerify?: boolean;
}

export interface AccountService {
  get(): AccountView;
  quota(): SendQuota;
  update(patch: AccountPatch): AccountView;
  /** Gate: throws the paused errors when the account may not send (disabled, or SHUTDOWN). */
  assertCanSend(): void;
  inSandbox(): boolean;
  autoVerify(): boolean;
  /**
   * Gate, last before acceptance: the send rate (every recipient, simulator included; debt-like — a
   * multi-recipient send borrows against the next seconds) and the rolling daily quota (`quotaRecipients`,
   * simulator excluded). Throws SendingRateExceeded / DailyQuotaExceeded; on success the rate is charged.
   */
  admit(at: number, counts: { rateRecipients: number; quotaRecipients: number }): void;
  /** Called by the pipeline after a send commits (the send log row is written in the same transaction). */
  recordSend(at: number, quotaRecipients: number): void;
  /** Back to a new account's state. */
  reset(): void;
}
