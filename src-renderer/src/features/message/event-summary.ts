// One-line summaries of SES event payloads for the events timeline ("Permanent/General: a@b.com").
// Owns: reading the documented SES event JSON fields defensively (payloads are shown in full anyway).
// Must not: assume a field exists; SES adds fields over time and Sesame may record partial ones.
import type { SesEventRecord } from '../../../../src-main/contract';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function recipients(v: unknown, field?: string): string {
  return list(v)
    .map((r) => (field ? str(obj(r)[field]) : str(r)))
    .filter(Boolean)
    .join(', ');
}

const join = (...parts: string[]) => parts.filter(Boolean).join(' · ');

/** The detail object of an event: SES names it after the event type (`bounce`, `delivery`, ...). */
function detailOf(p: Json, key: string): Json {
  return obj(p[key]);
}

export function summarizeEvent(ev: SesEventRecord): string {
  const p = obj(ev.payload);
  switch (ev.eventType) {
    case 'Send':
      return join('Accepted by SES', recipients(obj(p.mail).destination));
    case 'Delivery': {
      const d = detailOf(p, 'delivery');
      return join(recipients(d.recipients), str(d.smtpResponse), d.processingTimeMillis !== undefined ? `${str(d.processingTimeMillis)} ms` : '');
    }
    case 'Bounce': {
      const b = detailOf(p, 'bounce');
      const kind = [str(b.bounceType), str(b.bounceSubType)].filter(Boolean).join('/');
      const first = obj(list(b.bouncedRecipients)[0]);
      return join(kind, recipients(b.bouncedRecipients, 'emailAddress'), str(first.diagnosticCode));
    }
    case 'Complaint': {
      const c = detailOf(p, 'complaint');
      return join(str(c.complaintFeedbackType) || 'complaint', recipients(c.complainedRecipients, 'emailAddress'));
    }
    case 'Reject':
      return str(detailOf(p, 'reject').reason);
    case 'DeliveryDelay': {
      const d = detailOf(p, 'deliveryDelay');
      return join(str(d.delayType), recipients(d.delayedRecipients, 'emailAddress'), str(d.expirationTime) && `expires ${str(d.expirationTime)}`);
    }
    case 'Rendering Failure': {
      const f = detailOf(p, 'failure');
      return join(str(f.templateName), str(f.errorMessage));
    }
    case 'Open': {
      const o = detailOf(p, 'open');
      return join(str(o.ipAddress), str(o.userAgent));
    }
    case 'Click': {
      const c = detailOf(p, 'click');
      return join(str(c.link), str(c.ipAddress));
    }
    case 'Subscription': {
      const s = detailOf(p, 'subscription');
      return join(str(s.contactList), str(s.source));
    }
    default:
      return '';
  }
}
