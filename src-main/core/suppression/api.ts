// The suppression capability's public surface (ses-facts §A.12): the account-level list, the checks the
// sending pipeline and outcomes use, Sesame's model of SES's global list, and CSV import/export for the UI.
// Owns: shapes and the service interface (suppression/suppression.ts implements it). Must not: hold behaviour.
import type { SuppressionReason } from '../account/api';

export type { SuppressionReason };

export interface SuppressedDestination {
  /** The address as it was last listed (lookups ignore case). */
  emailAddress: string;
  reason: SuppressionReason;
  /** Epoch milliseconds, Sesame's clock. */
  lastUpdateTime: number;
  /** The message and feedback that listed it; null when listed by hand or by import. */
  messageId: string | null;
  feedbackId: string | null;
}

export interface SuppressionListQuery {
  /** Only these reasons; empty or absent = all. */
  reasons?: readonly SuppressionReason[];
  /** Only entries updated at or after / at or before (epoch ms). */
  startDate?: number;
  endDate?: number;
  /** A token from a previous page of the same query. */
  nextToken?: string;
  pageSize?: number;
}

export interface SuppressionPage {
  /** Newest first (LastUpdateTime descending, then address). */
  items: SuppressedDestination[];
  nextToken: string | null;
}

export interface CsvImportResult {
  added: number;
  updated: number;
  /** Rows refused, 1-based line numbers; the others were imported. */
  errors: { line: number; message: string }[];
}

/** What the lists decide about one recipient (see SuppressionService.lookup). */
export type SuppressionHit = { list: 'account'; entry: SuppressedDestination } | { list: 'global'; address: string };

/**
 * SES's global suppression list as Sesame models it: a small list Sesame's user manages. A hit bounces
 * Permanent/Suppressed — but only where the account-level list is not in use (see `lookup`).
 */
export interface GlobalSuppressionList {
  /** False when it was listed already. */
  add(address: string): boolean;
  /** False when it was not listed. */
  remove(address: string): boolean;
  /** Lower-cased, sorted. */
  list(): string[];
  has(address: string): boolean;
}

export interface SuppressionService {
  /** PutSuppressedDestination: lists or re-lists (reason and LastUpdateTime updated, attributes cleared). */
  put(emailAddress: string, reason: SuppressionReason): SuppressedDestination;
  get(emailAddress: string): SuppressedDestination | undefined;
  /** Deletes; false when the address was not listed. */
  delete(emailAddress: string): boolean;
  /** ListSuppressedDestinations. Throws suppressionErrors.invalidNextToken for a token of another query. */
  list(query?: SuppressionListQuery): SuppressionPage;
  /**
   * The listed entry for `address` when its reason is among `effective` (the configuration set's reasons,
   * else the account's); undefined otherwise. Mailbox simulator addresses are listed only by hand.
   */
  check(address: string, effective: readonly SuppressionReason[]): SuppressedDestination | undefined;
  /**
   * Both lists for one recipient, SES's rule in one place: the account-level entry when `check` finds one;
   * else a global-list hit, but only when no account-level suppression applies to this send (`effective` is
   * empty) — "your account-level suppression list overrides the global suppression list for your account"
   * (sending-email-suppression-list doc: a globally listed address that is not on the account list is
   * still attempted). Undefined: deliver.
   */
  lookup(address: string, effective: readonly SuppressionReason[]): SuppressionHit | undefined;
  /**
   * After a hard bounce or complaint: lists the address (with the message and feedback ids) when `effective`
   * includes the reason and the address is not a mailbox simulator address. True when it was listed.
   */
  recordFeedback(
    address: string,
    reason: SuppressionReason,
    source: { messageId: string; feedbackId: string },
    effective: readonly SuppressionReason[],
  ): boolean;
  globalList: GlobalSuppressionList;
  /** `EmailAddress,Reason` with a header row, newest first (the columns of SES's bulk import files). */
  exportCsv(): string;
  /** Rows `address,REASON`; a header row and blank lines are skipped; all valid rows land in one transaction. */
  importCsv(text: string): CsvImportResult;
  /** Empties the account-level list and the global list. */
  reset(): void;
}
