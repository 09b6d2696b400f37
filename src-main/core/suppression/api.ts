// The suppression capability's public surface (ses-facts §A.12): the account-level list and the checks the
// sending pipeline and outcomes use. Owns: shapes and the service interface (suppression/suppression.ts
// implements it). Must not: hold behaviour.
import type { SuppressionReason } from '../account/api';

export type { SuppressionReason };

export interface SuppressedDestination {
  emailAddress: string;
  reason: SuppressionReason;
  lastUpdateTime: number;
  messageId: string | null;
  feedbackId: string | null;
}

export interface SuppressionService {
  put(emailAddress: string, reason: SuppressionReason): SuppressedDestination;
  get(emailAddress: string): SuppressedDestination | undefined;
  /** Deletes; false when the address was not listed. */
  delete(emailAddress: string): boolean;
  /**
   * The listed entry for `address` when its reason is among `effective` (the configuration set's reasons,
   * else the account's); undefined otherwise. Simulator addresses are never listed.
   */
  check(address: string, effective: readonly SuppressionReason[]): SuppressedDestination | undefined;
  /** After a hard bounce or complaint: lists the address when `effective` includes the reason. */
  recordFeedback(
    address: string,
    reason: SuppressionReason,
    source: { messageId: string; feedbackId: string },
    effective: readonly SuppressionReason[],
  ): boolean;
  reset(): void;
}
