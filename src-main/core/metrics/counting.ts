// What one recorded SES event adds to the statistics ledger (core/metrics/api.ts's counting rules): one
// count per recipient, under the message's configuration set and identity and the recipient's ISP.
//   Send → SEND, MESSAGES, ATTACHMENT_BYTES, REPUTATION_SENT (less mailbox-simulator recipients, ses-facts §A.4,
//     and recipients a scenario rule marked `countsTowardReputation: false` left out);
//   Delivery → DELIVERY; DeliveryDelay → DELIVERY_DELAY; Rendering Failure → RENDERING_FAILURE;
//   Reject → REJECT, and its recipients leave REPUTATION_SENT again (nothing was sent to them);
//   Bounce → PERMANENT_BOUNCE / TRANSIENT_BOUNCE; REPUTATION_HARD_BOUNCE for Permanent bounces of ordinary mail
//     to recipients no verified identity of this account covers ("Only hard bounces to unverified domains
//     count", §A.8 [verify]); suppression-list outcomes (account or global list, §A.12) take their recipients
//     back out of REPUTATION_SENT (the message's SEND still counts them: SES accepted it);
//   Complaint → COMPLAINT, REPUTATION_COMPLAINT for complaints of ordinary mail;
//   Open / Click → OPEN / CLICK once per message (VDM: "Unique open events for emails including open
//     trackers"; SES's open/click events do not name the recipient, so unique is per message).
//   VDM's rate denominators are deliveries: DELIVERY_OPEN / DELIVERY_CLICK count the deliveries of messages
//   sent with open / click tracking, DELIVERY_COMPLAINT the deliveries that can draw a complaint (not the
//   mailbox simulator's) [verify: VDM's exact wording, "Successful deliveries for email …"].
// Owns: those rules. Must not: touch the store (metrics.ts passes lookups in) or read the clock.
import type { SesEventRecord } from '../../contract/messages';
import { atSimulator, outcomeOrigin } from '../outcomes/origin';
import { VDM_METRICS, type MetricName, type VdmMetric } from './api';
import { ispOf } from './isp';

export interface Increment {
  metric: MetricName;
  isp: string;
  n: number;
}

export interface CountLookups {
  /** The message's marks noted at send time: `unrated:<address>` (a rule left it out of reputation), `track:open`, `track:click`. */
  marks(messageId: string): ReadonlySet<string>;
  /** Whether a verified identity of this account covers the address (its domain, a parent, or the address). */
  verified(address: string): boolean;
  /** True the first time (per message) this is asked for `kind`. */
  first(messageId: string, kind: 'open' | 'click'): boolean;
  /** Attachment bytes of a message noted at send time (0 when none or unknown). */
  attachmentBytes(messageId: string): number;
}

interface Payload {
  mail?: { destination?: string[]; tags?: Record<string, string[]> };
  bounce?: { bounceType?: string; bouncedRecipients?: { emailAddress: string }[] };
  complaint?: { complaintSubType?: string | null; complainedRecipients?: { emailAddress: string }[] };
  delivery?: { recipients?: string[] };
  deliveryDelay?: { delayedRecipients?: { emailAddress: string }[] };
}

/** Recipients whose outcome no scenario rule marked as not counting toward reputation. */
const ratedOnly = (recipients: readonly string[], marks: ReadonlySet<string>) => recipients.filter((r) => !marks.has(`unrated:${r}`));

/** Adds one per recipient to `metric`, grouped by ISP. */
function perRecipient(out: Increment[], metric: MetricName, recipients: readonly string[], sign = 1): void {
  if (recipients.length === 1) {
    out.push({ metric, isp: ispOf(recipients[0]), n: sign });
    return;
  }
  const byIsp = new Map<string, number>();
  for (const r of recipients) {
    const isp = ispOf(r);
    byIsp.set(isp, (byIsp.get(isp) ?? 0) + 1);
  }
  for (const [isp, n] of byIsp) out.push({ metric, isp, n: n * sign });
}

/** The ISP an open or click is counted under: the recipient's when the message had one, else ''. */
const engagementIsp = (destination: readonly string[]) => (destination.length === 1 ? ispOf(destination[0]) : '');

/**
 * Everything one event adds: the counts below, plus VDM's copies (`VDM_<metric>`) when the message was addressed
 * to exactly one recipient outside the mailbox simulator — VDM's metrics exclude mail "addressed to more than
 * one recipient" and the simulator, and its COMPLAINT / PERMANENT_BOUNCE also those "originating from your
 * account-level suppression list" (BatchGetMetricDataQuery, API reference).
 */
export function countEvent(e: SesEventRecord, lookups: CountLookups): Increment[] {
  const out = countAll(e, lookups);
  const destination = (e.payload as Payload | undefined)?.mail?.destination ?? [];
  if (destination.length !== 1 || atSimulator(destination[0])) return out;
  const fromAccountList = outcomeOrigin(e.payload) === 'account-list';
  const vdm: Increment[] = [];
  for (const i of out) {
    if (!(VDM_METRICS as readonly string[]).includes(i.metric)) continue;
    if (fromAccountList && (i.metric === 'COMPLAINT' || i.metric === 'PERMANENT_BOUNCE')) continue;
    vdm.push({ ...i, metric: `VDM_${i.metric as VdmMetric}` });
  }
  return vdm.length ? [...out, ...vdm] : out;
}

function countAll(e: SesEventRecord, lookups: CountLookups): Increment[] {
  const p = (e.payload ?? {}) as Payload;
  const destination = p.mail?.destination ?? [];
  const out: Increment[] = [];
  switch (e.eventType) {
    case 'Send': {
      perRecipient(out, 'SEND', destination);
      out.push({ metric: 'MESSAGES', isp: '', n: 1 });
      const bytes = lookups.attachmentBytes(e.messageId);
      if (bytes > 0) out.push({ metric: 'ATTACHMENT_BYTES', isp: '', n: bytes });
      perRecipient(out, 'REPUTATION_SENT', ratedOnly(destination.filter((r) => !atSimulator(r)), lookups.marks(e.messageId)));
      return out;
    }
    case 'Delivery': {
      const recipients = p.delivery?.recipients ?? [];
      perRecipient(out, 'DELIVERY', recipients);
      perRecipient(out, 'DELIVERY_COMPLAINT', recipients.filter((r) => !atSimulator(r)));
      const marks = lookups.marks(e.messageId);
      if (marks.has('track:open')) perRecipient(out, 'DELIVERY_OPEN', recipients);
      if (marks.has('track:click')) perRecipient(out, 'DELIVERY_CLICK', recipients);
      return out;
    }
    case 'DeliveryDelay':
      perRecipient(out, 'DELIVERY_DELAY', (p.deliveryDelay?.delayedRecipients ?? []).map((r) => r.emailAddress));
      return out;
    case 'Reject': {
      perRecipient(out, 'REJECT', destination);
      // Nothing was sent: a rejected message's recipients can neither bounce nor complain.
      perRecipient(out, 'REPUTATION_SENT', ratedOnly(destination.filter((r) => !atSimulator(r)), lookups.marks(e.messageId)), -1);
      return out;
    }
    case 'Rendering Failure':
      perRecipient(out, 'RENDERING_FAILURE', destination);
      return out;
    case 'Bounce': {
      const recipients = (p.bounce?.bouncedRecipients ?? []).map((r) => r.emailAddress);
      const permanent = p.bounce?.bounceType === 'Permanent';
      perRecipient(out, permanent ? 'PERMANENT_BOUNCE' : 'TRANSIENT_BOUNCE', recipients);
      const origin = outcomeOrigin(e.payload);
      if (origin === 'simulator') return out;
      const rated = ratedOnly(recipients, lookups.marks(e.messageId));
      if (origin === 'account-list' || origin === 'global-list') perRecipient(out, 'REPUTATION_SENT', rated, -1);
      else if (permanent) perRecipient(out, 'REPUTATION_HARD_BOUNCE', rated.filter((r) => !lookups.verified(r)));
      return out;
    }
    case 'Complaint': {
      const recipients = (p.complaint?.complainedRecipients ?? []).map((r) => r.emailAddress);
      perRecipient(out, 'COMPLAINT', recipients);
      const origin = outcomeOrigin(e.payload);
      if (origin === 'simulator') return out;
      const rated = ratedOnly(recipients, lookups.marks(e.messageId));
      perRecipient(out, origin === 'account-list' ? 'REPUTATION_SENT' : 'REPUTATION_COMPLAINT', rated, origin === 'account-list' ? -1 : 1);
      return out;
    }
    case 'Open':
    case 'Click': {
      const kind = e.eventType === 'Open' ? 'open' : 'click';
      if (!lookups.first(e.messageId, kind)) return out;
      const isp = engagementIsp(destination);
      out.push({ metric: kind === 'open' ? 'OPEN' : 'CLICK', isp, n: 1 });
      return out;
    }
    default:
      return out;
  }
}

/** The configuration set a message's events carry (`ses:configuration-set`), or ''. */
export function configurationSetOf(e: SesEventRecord): string {
  return (e.payload as Payload | undefined)?.mail?.tags?.['ses:configuration-set']?.[0] ?? '';
}
