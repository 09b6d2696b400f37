// The outcome objects of SES events after `mail`: `bounce`, `complaint`, `deliveryDelay` and `reject`
// (ses-facts §A.5.1, §A.5.2), key order as SES's captures show it (§A.4's 2026 event-destination capture:
// bounceType, bounceSubType, bouncedRecipients, timestamp, feedbackId, remoteMtaIp, reportingMTA;
// complaint: complainedRecipients, timestamp, feedbackId, complaintSubType, userAgent,
// complaintFeedbackType, arrivalDate; the AWS doc's DeliveryDelay example).
// Owns: those shapes. Must not: choose values (core/outcomes does) or touch `mail` (event-json.ts).

export interface BouncedRecipient {
  emailAddress: string;
  /** Present when SES has a DSN for the recipient (`failed`), with status and diagnosticCode. */
  action?: string;
  status?: string;
  diagnosticCode?: string;
}

export interface BounceObject {
  bounceType: 'Permanent' | 'Transient' | 'Undetermined';
  bounceSubType: string;
  bouncedRecipients: BouncedRecipient[];
  timestamp: string;
  feedbackId: string;
  remoteMtaIp?: string;
  reportingMTA?: string;
}

export interface ComplaintObject {
  complainedRecipients: { emailAddress: string }[];
  timestamp: string;
  feedbackId: string;
  complaintSubType: string | null;
  /** The three below come with a feedback report (ARF); a suppression-list complaint has none. */
  userAgent?: string;
  complaintFeedbackType?: string;
  arrivalDate?: string;
}

export interface DeliveryDelayObject {
  timestamp: string;
  delayType: string;
  expirationTime: string;
  delayedRecipients: { emailAddress: string; status: string; diagnosticCode: string }[];
  reportingMTA: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function bounceBody(b: {
  bounceType: BounceObject['bounceType'];
  bounceSubType: string;
  recipients: BouncedRecipient[];
  timestamp: number;
  feedbackId: string;
  remoteMtaIp?: string;
  reportingMTA?: string;
}): { bounce: BounceObject } {
  const bounce: BounceObject = {
    bounceType: b.bounceType,
    bounceSubType: b.bounceSubType,
    bouncedRecipients: b.recipients.map((r) => ({ ...r })),
    timestamp: iso(b.timestamp),
    feedbackId: b.feedbackId,
  };
  if (b.remoteMtaIp !== undefined) bounce.remoteMtaIp = b.remoteMtaIp;
  if (b.reportingMTA !== undefined) bounce.reportingMTA = b.reportingMTA;
  return { bounce };
}

export function complaintBody(c: {
  recipients: string[];
  timestamp: number;
  feedbackId: string;
  complaintSubType: string | null;
  /** Omitted for a complaint SES makes itself (OnAccountSuppressionList). */
  report?: { userAgent: string; feedbackType: string; arrivalDate: number };
}): { complaint: ComplaintObject } {
  const complaint: ComplaintObject = {
    complainedRecipients: c.recipients.map((emailAddress) => ({ emailAddress })),
    timestamp: iso(c.timestamp),
    feedbackId: c.feedbackId,
    complaintSubType: c.complaintSubType,
  };
  if (c.report) {
    complaint.userAgent = c.report.userAgent;
    complaint.complaintFeedbackType = c.report.feedbackType;
    complaint.arrivalDate = iso(c.report.arrivalDate);
  }
  return { complaint };
}

export function deliveryDelayBody(d: {
  timestamp: number;
  delayType: string;
  expirationTime: number;
  recipients: { emailAddress: string; status: string; diagnosticCode: string }[];
  reportingMTA: string;
}): { deliveryDelay: DeliveryDelayObject } {
  return {
    deliveryDelay: {
      timestamp: iso(d.timestamp),
      delayType: d.delayType,
      expirationTime: iso(d.expirationTime),
      delayedRecipients: d.recipients.map((r) => ({ ...r })),
      reportingMTA: d.reportingMTA,
    },
  };
}

/** `{"reject": {"reason": "Bad content"}}` — the only reason SES documents (§A.5.2). */
export const REJECT_REASON = 'Bad content';

export function rejectBody(): { reject: { reason: string } } {
  return { reject: { reason: REJECT_REASON } };
}
