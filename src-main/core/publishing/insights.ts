// v2 GetMessageInsights from the events Sesame recorded for a message: one entry per recipient with the
// events that concern it (Send, Reject, Rendering Failure, Open and Click concern every recipient;
// Delivery, Bounce, Complaint and DeliveryDelay the recipients they name), bounce and complaint details as
// the model's EventDetails carries them, and an ISP guessed from the recipient's domain (Sesame's choice:
// SES's ISP names are not documented [verify]).
// Owns: that derivation. Must not: speak a wire format (handlers/sesv2/message-insights.ts does).
import type { SesEventRecord } from '../../contract/messages';
import { publishingErrors } from '../errors';
import { bareAddress, domainOf } from '../mime/addresses';
import type { StoredMessage } from '../store/types';
import type { MessageInsightsView } from './api';
import { EVENT_TYPE_NAME } from './shapes';

const ISPS: [RegExp, string][] = [
  [/(^|\.)(gmail|googlemail)\.com$/, 'Gmail'],
  [/(^|\.)(outlook|hotmail|live|msn)\.[a-z.]+$/, 'Hotmail'],
  [/(^|\.)(yahoo|ymail|aol)\.[a-z.]+$/, 'Yahoo'],
  [/(^|\.)(icloud|me|mac)\.com$/, 'iCloud'],
  [/(^|\.)simulator\.amazonses\.com$/, 'Amazon SES Mailbox Simulator'],
];

export const ispOf = (address: string): string => {
  const domain = (domainOf(bareAddress(address)) ?? '').toLowerCase();
  return ISPS.find(([re]) => re.test(domain))?.[1] ?? 'UNKNOWN_ISP';
};

type Body = Record<string, Record<string, unknown> | undefined>;

/** The recipients an event names (lower case), or null when it concerns them all. */
function namedRecipients(e: SesEventRecord): string[] | null {
  const b = e.payload as Body;
  const list = (v: unknown, key?: string) => (Array.isArray(v) ? v.map((x) => String(key ? (x as Record<string, unknown>)[key] : x).toLowerCase()) : []);
  switch (e.eventType) {
    case 'Delivery':
      return list(b.delivery?.recipients);
    case 'Bounce':
      return list(b.bounce?.bouncedRecipients, 'emailAddress');
    case 'Complaint':
      return list(b.complaint?.complainedRecipients, 'emailAddress');
    case 'DeliveryDelay':
      return list(b.deliveryDelay?.delayedRecipients, 'emailAddress');
    default:
      return null;
  }
}

function detailsOf(e: SesEventRecord, recipient: string): MessageInsightsView['insights'][number]['events'][number]['details'] {
  const b = e.payload as Body;
  if (e.eventType === 'Bounce' && b.bounce) {
    const entry = (b.bounce.bouncedRecipients as { emailAddress: string; diagnosticCode?: string }[] | undefined)?.find(
      (r) => r.emailAddress.toLowerCase() === recipient,
    );
    return {
      bounce: {
        bounceType: String(b.bounce.bounceType),
        bounceSubType: String(b.bounce.bounceSubType),
        ...(entry?.diagnosticCode ? { diagnosticCode: entry.diagnosticCode } : {}),
      },
    };
  }
  if (e.eventType === 'Complaint' && b.complaint) {
    const c = b.complaint;
    return {
      complaint: {
        ...(typeof c.complaintSubType === 'string' ? { complaintSubType: c.complaintSubType } : {}),
        ...(typeof c.complaintFeedbackType === 'string' ? { complaintFeedbackType: c.complaintFeedbackType } : {}),
      },
    };
  }
  return undefined;
}

export function messageInsights(id: string, stored: StoredMessage | undefined, events: SesEventRecord[]): MessageInsightsView {
  if (!stored || stored.door === 'system') throw publishingErrors.messageNotFound(id);
  return {
    messageId: stored.id,
    fromEmailAddress: stored.source,
    subject: stored.subject,
    emailTags: Object.entries(stored.tags).flatMap(([name, values]) => values.map((value) => ({ name, value }))),
    insights: stored.rcptTo.map((destination) => {
      const key = bareAddress(destination).toLowerCase();
      return {
        destination,
        isp: ispOf(destination),
        events: events
          .filter((e) => {
            const named = namedRecipients(e);
            return named === null || named.includes(key);
          })
          .map((e) => {
            const details = detailsOf(e, key);
            return { timestamp: Date.parse(e.timestamp), type: EVENT_TYPE_NAME[e.eventType], ...(details ? { details } : {}) };
          }),
      };
    }),
  };
}
