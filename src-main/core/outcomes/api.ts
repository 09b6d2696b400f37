// What happens to an accepted message, recipient by recipient: the mailbox simulator, the account
// suppression list, scenario rules and content filtering decide; outcomes that lie in the future
// (soft-bounce retries, delayed deliveries and complaints) are scheduled in Sesame's time.
// Owns: the scenario rule shapes (as the UI API's ScenarioRuleDto carries them: contract/ses-state.ts) and
// the service interfaces outcomes/ implements. Must not: hold behaviour.
import type { SuppressionReason } from '../account/api';
import type { NewEvent } from '../store/types';

/** How a rule names recipients. `address` is exact; `domain` also covers subdomains; all case-insensitive. */
export type ScenarioMatchKind = 'address' | 'domain' | 'glob' | 'regex';

export interface ScenarioMatch {
  kind: ScenarioMatchKind;
  /** `qa@example.com`, `qa.example.com`, `bounce-*@qa.example.com` (`*` any run, `?` one character), or a JS regex. */
  pattern: string;
}

/** Permanent bounce subtypes a rule may choose (ses-facts §A.5.1). */
export type HardBounceSubType = 'General' | 'NoEmail' | 'Suppressed' | 'OnAccountSuppressionList';
/** Transient bounce subtypes a rule may choose (ses-facts §A.5.1). */
export type SoftBounceSubType = 'General' | 'MailboxFull' | 'MessageTooLarge' | 'ContentRejected' | 'AttachmentRejected';
/** `deliveryDelay.delayType` values (ses-facts §A.5.2). */
export type DelayType =
  | 'InternalFailure'
  | 'General'
  | 'MailboxFull'
  | 'SpamDetected'
  | 'RecipientServerError'
  | 'IPFailure'
  | 'TransientCommunicationFailure'
  | 'BYOIPHostNameLookupUnavailable'
  | 'Undetermined'
  | 'SendingDeferral';
/** `complaint.complaintFeedbackType` values (ses-facts §A.5.1). */
export type ComplaintFeedbackType = 'abuse' | 'auth-failure' | 'fraud' | 'not-spam' | 'other' | 'virus';

/** A permanent bounce now (no delivery); lists the address for BOUNCE feedback unless the subtype says it was listed. */
export interface HardBounceAction {
  kind: 'hard-bounce';
  bounceSubType: HardBounceSubType;
  /** Enhanced status code, `5.x.x`. */
  status: string;
  diagnosticCode: string;
}

/** SES-style retries: a DeliveryDelay per failed attempt, then Delivery or a Transient bounce. */
export interface SoftBounceAction {
  kind: 'soft-bounce';
  bounceSubType: SoftBounceSubType;
  delayType: DelayType;
  /** Failed attempts before the last one (each records a DeliveryDelay), ≥ 1. */
  retries: number;
  retryIntervalSeconds: number;
  /** What the last attempt does. */
  finalOutcome: 'delivered' | 'bounced';
  /** Enhanced status code, `4.x.x`. */
  status: string;
  diagnosticCode: string;
}

/** Delivery now, a complaint after `delaySeconds` (0: at once, as complaint@ does). */
export interface ComplainAction {
  kind: 'complain';
  delaySeconds: number;
  feedbackType: ComplaintFeedbackType;
}

/** Delivery after `delaySeconds`; a DeliveryDelay first when the delay is long (limits.ts DELIVERY_DELAY_EVENT_AFTER_MS). */
export interface DelayAction {
  kind: 'delay';
  delaySeconds: number;
  delayType: DelayType;
}

/** The whole message is rejected as SES rejects a virus: Reject "Bad content", no delivery for anyone. */
export interface RejectAction {
  kind: 'reject';
}

export type ScenarioAction = HardBounceAction | SoftBounceAction | ComplainAction | DelayAction | RejectAction;
export type ScenarioActionKind = ScenarioAction['kind'];

export interface ScenarioRule {
  id: string;
  name: string;
  enabled: boolean;
  match: ScenarioMatch;
  /** Complete: every parameter filled in with its default. */
  action: ScenarioAction;
  /** Whether the recipients it decides count toward reputation (core/metrics); default true (issue 6). */
  countsTowardReputation: boolean;
}

/**
 * What callers give to create or update a rule: checked by the service, which answers SesError
 * (InvalidParameterValue) naming the member that is wrong. Missing action parameters take defaults.
 */
export interface ScenarioRuleInput {
  name?: unknown;
  enabled?: unknown;
  match?: unknown;
  action?: unknown;
  countsTowardReputation?: unknown;
}

export interface ScenarioService {
  /** Rules in evaluation order. */
  list(): ScenarioRule[];
  get(id: string): ScenarioRule | undefined;
  /** Adds a rule at the end (or at `position`, 0-based). */
  create(input: ScenarioRuleInput, position?: number): ScenarioRule;
  /** Changes the members given; the others keep their values. NotFound for an unknown id. */
  update(id: string, input: ScenarioRuleInput): ScenarioRule;
  /** False when there was no such rule. */
  delete(id: string): boolean;
  /** `ids` must name every rule once; returns the rules in the new order. */
  reorder(ids: readonly string[]): ScenarioRule[];
  /** The first enabled rule matching `address` (a bare address), if any. */
  match(address: string): ScenarioRule | undefined;
  reset(): void;
}

/** Mail SES itself sends about a message: a DSN to the return path, or the simulator's auto-reply. */
export type SystemMailIntent =
  | {
      kind: 'dsn';
      reportingMTA: string;
      recipients: { emailAddress: string; action: string; status: string; diagnosticCode: string }[];
    }
  | { kind: 'auto-reply'; from: string }
  /** The complaint's feedback report (ARF, RFC 5965) forwarded by email (feedback forwarding on). */
  | { kind: 'arf'; recipients: string[]; userAgent: string; feedbackType: string; arrivalDate: number };

/** Suppression feedback a step records when it is applied (never for the mailbox simulator). */
export interface FeedbackIntent {
  address: string;
  reason: SuppressionReason;
  feedbackId: string;
  /** The suppression reasons in effect for the message (configuration set's, else the account's). */
  effective: SuppressionReason[];
}

/** One outcome that happens later, in Sesame's time: its event is built when it is planned. */
export interface ScheduledStep {
  dueAt: number;
  messageId: string;
  event: NewEvent;
  feedback: FeedbackIntent[];
  mail: SystemMailIntent[];
}

export interface Scheduler {
  /** Persists steps (inside the caller's transaction). */
  add(steps: readonly ScheduledStep[]): void;
  /** Runs every scheduled outcome due at or before `now`, oldest first; returns how many ran. */
  runDue(now: number): number;
  /**
   * Records an event now through the one path for later events (a step due `at`, run at once: appended with
   * its status, committed, then `event.recorded` and `message.updated`); false when nothing was recorded.
   */
  recordNow(messageId: string, event: NewEvent, at: number): boolean;
  /** When the next scheduled outcome is due, or null. */
  nextDueAt(): number | null;
  /** Steps still waiting, oldest first (the UI and tests read them). */
  pending(messageId?: string): ScheduledStep[];
  /** Resolves when the system mail the last runs started is stored (DSNs are captured asynchronously). */
  settled(): Promise<void>;
  reset(): void;
}
