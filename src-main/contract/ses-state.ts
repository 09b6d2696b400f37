// DTOs of the UI API's SES-state screens: account (sandbox, quotas, production access), Sesame's clock,
// identities (with the DNS records to copy), the suppression list, scenario rules and the mailbox simulator.
// Owns: the JSON shapes the renderer and the UI API agree on (times as ISO strings, AWS enum values
// verbatim). Must not: import anything (no node:*, no electron) or mirror engine internals 1:1 — the UI API
// translates engine views into these.

export type SuppressionReasonName = 'BOUNCE' | 'COMPLAINT';
export type EnforcementStatusName = 'HEALTHY' | 'PROBATION' | 'SHUTDOWN';
export type MailTypeName = 'MARKETING' | 'TRANSACTIONAL';
export type ReviewStatusName = 'PENDING' | 'FAILED' | 'GRANTED' | 'DENIED';

export interface SendQuotaDto {
  /** -1 = unlimited. */
  max24HourSend: number;
  maxSendRate: number;
  sentLast24Hours: number;
}

/** The production-access request (PutAccountDetails) and its simulated review. */
export interface AccountDetailsDto {
  mailType: MailTypeName;
  websiteUrl: string;
  contactLanguage: 'EN' | 'JA' | null;
  useCaseDescription: string | null;
  additionalContactEmailAddresses: string[];
  /** The simulated review: PENDING until `decidesAt` (Sesame time), then GRANTED. */
  review: { status: ReviewStatusName; caseId: string; openedAt: string; decidesAt: string | null; decidedAt: string | null } | null;
}

/** GET /api/account. */
export interface AccountDto {
  region: string;
  accountId: string;
  /** true = sandbox (ProductionAccessEnabled false). */
  sandbox: boolean;
  sendingEnabled: boolean;
  enforcementStatus: EnforcementStatusName;
  /** Sesame: identities verify at once and every address counts as verified (CI). */
  autoVerify: boolean;
  suppressedReasons: SuppressionReasonName[];
  sendQuota: SendQuotaDto;
  /** null until production access was requested. */
  details: AccountDetailsDto | null;
}

/** PATCH /api/account: Sesame's settings, set directly. */
export interface AccountPatchBody {
  sandbox?: boolean;
  max24HourSend?: number;
  maxSendRate?: number;
  sendingEnabled?: boolean;
  enforcementStatus?: EnforcementStatusName;
  autoVerify?: boolean;
  suppressedReasons?: SuppressionReasonName[];
}

/** POST /api/account/production-access: what SES's "Request production access" form asks. */
export interface ProductionAccessBody {
  mailType: MailTypeName;
  websiteUrl: string;
  useCaseDescription?: string;
  contactLanguage?: 'EN' | 'JA';
  additionalContactEmailAddresses?: string[];
}

/** GET /api/time; POST /api/time/advance {ms} answers it with `ran` (scheduled outcomes applied). */
export interface SesTimeDto {
  /** Sesame's clock (ISO). */
  now: string;
  /** How far Sesame's clock runs ahead of the real one. */
  offsetMs: number;
  ran?: number;
}

export type IdentityTypeName = 'EMAIL_ADDRESS' | 'DOMAIN';
export type VerificationStatusName = 'PENDING' | 'SUCCESS' | 'FAILED' | 'TEMPORARY_FAILURE' | 'NOT_STARTED';

/** One DNS record a domain owner would publish (shown in a copyable table). */
export interface DnsRecordDto {
  /** What it is for: `DKIM`, `Verification`, `MAIL FROM`, `SPF`. */
  purpose: string;
  type: 'CNAME' | 'TXT' | 'MX';
  name: string;
  /** As the console lists it: an MX value carries its priority (`10 feedback-smtp.us-east-1.amazonses.com`). */
  value: string;
}

export interface IdentityDto {
  identity: string;
  type: IdentityTypeName;
  verificationStatus: VerificationStatusName;
  verifiedForSending: boolean;
  createdAt: string;
  /** DKIM as GetEmailIdentity's DkimAttributes report it (status NOT_STARTED when not set up). */
  dkim: { status: VerificationStatusName; signingEnabled: boolean; origin: 'AWS_SES' | 'EXTERNAL'; tokens: string[] };
  mailFrom: { domain: string; status: VerificationStatusName; behaviorOnMxFailure: string } | null;
  configurationSet: string | null;
  /** For domains: everything to publish; empty for email addresses. */
  dnsRecords: DnsRecordDto[];
}

export interface IdentityListDto {
  items: IdentityDto[];
}

/** POST /api/identities. */
export interface CreateIdentityBody {
  /** An email address or a domain. */
  identity: string;
}

/** POST /api/identities/:identity/status ("Mark verified" / "Mark failed" for QA). */
export interface IdentityStatusBody {
  status: 'SUCCESS' | 'FAILED' | 'TEMPORARY_FAILURE';
}

export interface SuppressionEntryDto {
  emailAddress: string;
  reason: SuppressionReasonName;
  lastUpdateTime: string;
  messageId: string | null;
  feedbackId: string | null;
}

/** GET /api/suppression?q&reason&limit&cursor (newest first). */
export interface SuppressionPageDto {
  items: SuppressionEntryDto[];
  nextCursor: string | null;
}

export interface SuppressionAddBody {
  emailAddress: string;
  reason: SuppressionReasonName;
}

/** POST /api/suppression/import (body: CSV `EmailAddress,Reason`). */
export interface SuppressionImportDto {
  added: number;
  updated: number;
  errors: string[];
}

export type ScenarioMatchKind = 'address' | 'domain' | 'glob' | 'regex';
export type ScenarioActionKind = 'hard-bounce' | 'soft-bounce' | 'complain' | 'delay' | 'reject';

/**
 * A QA scenario rule as the UI edits it. `action` carries the parameters of its kind (bounceSubType,
 * diagnosticCode, retries, delaySeconds, feedbackType, …); the engine validates them and says what is wrong.
 */
export interface ScenarioRuleDto {
  id: string;
  name: string;
  enabled: boolean;
  match: { kind: ScenarioMatchKind; pattern: string };
  action: { kind: ScenarioActionKind } & Record<string, unknown>;
  /** Whether the recipients it decides count toward reputation (issue 6); default true. */
  countsTowardReputation: boolean;
}

export type ScenarioRuleInput = Omit<ScenarioRuleDto, 'id' | 'countsTowardReputation'> & { countsTowardReputation?: boolean };

export interface ScenarioRuleListDto {
  items: ScenarioRuleDto[];
}

/** POST /api/scenario-rules/reorder: every rule id, in the new order. */
export interface ScenarioReorderBody {
  ids: string[];
}

export const SIMULATOR_SCENARIOS = ['success', 'bounce', 'ooto', 'complaint', 'suppressionlist'] as const;
export type SimulatorScenario = (typeof SIMULATOR_SCENARIOS)[number];

/** POST /api/simulator-test: send a small SES v2 SendEmail to `<scenario>@simulator.amazonses.com`. */
export interface SimulatorTestBody {
  scenario: SimulatorScenario;
  /** A verified sender; default: the first verified identity. */
  from?: string;
}

export interface SimulatorTestResultDto {
  messageId: string;
  from: string;
  to: string;
}
