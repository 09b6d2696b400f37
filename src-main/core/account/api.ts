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
export type MailType = 'MARKETING' | 'TRANSACTIONAL';
export type ContactLanguage = 'EN' | 'JA';
export type ReviewStatus = 'PENDING' | 'FAILED' | 'GRANTED' | 'DENIED';

/** The production-access case PutAccountDetails opened (GetAccount `Details.ReviewDetails`), with Sesame's timing. */
export interface AccountReview {
  status: ReviewStatus;
  caseId: string;
  openedAt: number;
  /** While PENDING: when Sesame's simulated review decides (Sesame time); null once decided. */
  decidesAt: number | null;
  decidedAt: number | null;
}

/** What PutAccountDetails stored (GetAccount `Details`); null until it is called. */
export interface AccountDetails {
  mailType: MailType;
  websiteUrl: string;
  contactLanguage: ContactLanguage | null;
  useCaseDescription: string | null;
  additionalContactEmailAddresses: string[];
  review: AccountReview | null;
}

/** PutAccountDetails' input, as the caller sent it (enums are checked by the service). */
export interface AccountDetailsInput {
  mailType: string;
  websiteUrl: string;
  contactLanguage?: string;
  useCaseDescription?: string;
  additionalContactEmailAddresses?: string[];
  /** true asks for production access: a review opens when the account is in the sandbox. */
  productionAccessEnabled?: boolean;
}

export interface AccountView {
  productionAccessEnabled: boolean;
  sendingEnabled: boolean;
  enforcementStatus: EnforcementStatus;
  dedicatedIpAutoWarmupEnabled: boolean;
  sendQuota: SendQuota;
  suppressedReasons: SuppressionReason[];
  /** Sesame: identities verify at once and every address counts as verified (CI). */
  autoVerify: boolean;
  /** PutAccountDetails' details and the review; null until it is called. */
  details: AccountDetails | null;
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
  /** PutAccountDedicatedIpWarmupAttributes (core/dedicated-ips reads it when routing sends). */
  dedicatedIpAutoWarmupEnabled?: boolean;
}

export interface AccountService {
  get(): AccountView;
  quota(): SendQuota;
  update(patch: AccountPatch): AccountView;
  /**
   * v2 PutAccountDetails: stores the details; ProductionAccessEnabled in the sandbox opens a review that is
   * GRANTED PRODUCTION_REVIEW_DELAY_MS later in Sesame's time (then the sandbox is left and production quotas
   * apply). Throws ValidationError for bad members, Conflict while a review is pending.
   */
  putDetails(input: AccountDetailsInput): AccountView;
  /** Gate: throws the paused errors when the account may not send (disabled, or SHUTDOWN). */
  assertCanSend(): void;
  inSandbox(): boolean;
  /** The account-level suppression list's reasons (what get() reports as suppressedReasons). */
  suppressedReasons(): SuppressionReason[];
  autoVerify(): boolean;
  /**
   * Gate, last before acceptance: the send rate (every recipient, simulator included; debt-like — a
   * multi-recipient send borrows against the next seconds) and the rolling daily quota (`quotaRecipients`,
   * simulator excluded). Throws SendingRateExceeded / DailyQuotaExceeded; on success the rate is charged.
   */
  admit(at: number, counts: { rateRecipients: number; quotaRecipients: number }): void;
  /** Called by the pipeline after a send commits (the send log row is written in the same transaction). */
  recordSend(at: number, quotaRecipients: number): void;
  /** Milliseconds until the send rate admits a 1-recipient send (0 = now): for UIs and automation. */
  rateWaitMs(): number;
  /** Back to a new account's state (details, review and send-rate debt included). */
  reset(): void;
}
