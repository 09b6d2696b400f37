// Where a stored outcome event came from, read from the event itself — for the reputation work, which
// must leave mailbox-simulator outcomes out ("does not affect reputation metrics", ses-facts §A.4) and not
// count suppression-list bounces toward the bounce rate (§A.12). No flag is stored beside the SES JSON:
// plan.ts never groups recipients of different origins into one event, the simulator's recipients are all
// at simulator.amazonses.com (nothing else is planned for them), and suppression-list outcomes carry
// SES's own subtypes.
// Owns: that reading. Must not: compute reputation.
import { SIMULATOR_DOMAIN } from '../limits';

export type OutcomeOrigin = 'simulator' | 'account-list' | 'global-list' | 'mail';

interface EventLike {
  eventType?: string;
  bounce?: { bounceSubType?: string; bouncedRecipients?: { emailAddress: string }[] };
  complaint?: { complaintSubType?: string | null; complainedRecipients?: { emailAddress: string }[] };
  delivery?: { recipients?: string[] };
  deliveryDelay?: { delayedRecipients?: { emailAddress: string }[] };
}

/** True for an address at the mailbox simulator's domain (bare address, any case). */
export const atSimulator = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase() === SIMULATOR_DOMAIN;

/** The origin of an SES event payload (`{eventType, mail, …}`); `mail` for anything that is not special. */
export function outcomeOrigin(payload: unknown): OutcomeOrigin {
  const e = (payload ?? {}) as EventLike;
  if (e.bounce?.bounceSubType === 'OnAccountSuppressionList' || e.complaint?.complaintSubType === 'OnAccountSuppressionList') return 'account-list';
  // A scenario rule choosing Suppressed simulates the global list, and counts as it would.
  if (e.bounce?.bounceSubType === 'Suppressed') return 'global-list';
  const recipients = [
    ...(e.bounce?.bouncedRecipients?.map((r) => r.emailAddress) ?? []),
    ...(e.complaint?.complainedRecipients?.map((r) => r.emailAddress) ?? []),
    ...(e.delivery?.recipients ?? []),
    ...(e.deliveryDelay?.delayedRecipients?.map((r) => r.emailAddress) ?? []),
  ];
  return recipients.length > 0 && recipients.every(atSimulator) ? 'simulator' : 'mail';
}
