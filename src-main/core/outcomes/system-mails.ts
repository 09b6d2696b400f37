// The mail SES's outcomes send back to the sender, as complete MIME messages: the bounce DSN (RFC 3464:
// multipart/report; report-type=delivery-status — a human-readable part, message/delivery-status, and the
// original's header as text/rfc822-headers) from MAILER-DAEMON@amazonses.com, and the mailbox simulator's
// out-of-office reply (RFC 3834: `Auto-Submitted: auto-replied`, In-Reply-To the original). Both go to the
// message's return path (v1 ReturnPath / v2 FeedbackForwardingEmailAddress), else its sender (§A.4).
// The DSN's human text is SES's ("An error occurred while trying to deliver the mail to the following
// recipients:", as SES's bounce mails read); the auto-reply's wording is Sesame's.
// With feedback forwarding on, a complaint's ARF report (RFC 5965) goes the same way (complaintReport below).
// Owns: those messages' bytes. Must not: store them (messages/system-mail.ts does) or decide when to send.
import type { Ids } from '../ids';
import { findField, readHeaderBlock } from '../mime/header-block';
import { decodeWords } from '../mime/decode';
import { messageIdDomain, rfc5322Date } from '../sending/ses-headers';
import type { SystemMailIntent } from './api';

export const MAILER_DAEMON = 'MAILER-DAEMON@amazonses.com';
/** Where SES's forwarded complaints come from [verify]. */
export const COMPLAINTS_FROM = 'complaints@email-abuse.amazonses.com';

export interface OriginalFacts {
  /** The original's header section as stored (CRLF line ends), without the blank line. */
  headers: string;
  subject: string;
  /** Its Message-ID header (angle brackets included), or null. */
  messageIdHeader: string | null;
}

/** What a DSN or auto-reply needs from the message it is about. */
export function originalFacts(mime: Buffer): OriginalFacts {
  const block = readHeaderBlock(mime);
  const headers = mime.toString('utf8', 0, block.headerEnd).replace(/\r?\n/g, '\r\n').replace(/\r\n$/, '');
  const subject = findField(block.fields, 'subject');
  return {
    headers,
    subject: subject ? decodeWords(subject.value) : '',
    messageIdHeader: findField(block.fields, 'message-id')?.value ?? null,
  };
}

/** A header value safe to write: one line, RFC 2047 B-encoded when it is not ASCII. */
function headerText(value: string): string {
  const line = value.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(line) ? line : `=?UTF-8?B?${Buffer.from(line, 'utf8').toString('base64')}?=`;
}

/** The single text part's (or an auto-reply's) content headers. */
const PLAIN_TEXT = ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: 7bit'];

const crlf = (lines: string[]) => Buffer.from(lines.join('\r\n'), 'utf8');

interface Report {
  /** `delivery-status` (RFC 3464) or `feedback-report` (RFC 5965). */
  type: string;
  boundary: string;
  human: string[];
  /** The machine-readable part's content type and lines. */
  machineType: string;
  machine: string[];
}

/**
 * A multipart/report (RFC 6522): a human-readable part, the machine-readable part and the original's header
 * section as text/rfc822-headers.
 */
function reportMime(head: string[], r: Report, originalHeaders: string): Buffer {
  const b = r.boundary;
  return crlf([
    ...head,
    `Content-Type: multipart/report; report-type=${r.type}; boundary="${b}"`,
    '',
    `--${b}`,
    ...PLAIN_TEXT,
    '',
    ...r.human,
    '',
    `--${b}`,
    `Content-Type: ${r.machineType}`,
    '',
    ...r.machine,
    '',
    `--${b}`,
    'Content-Type: text/rfc822-headers',
    '',
    originalHeaders,
    '',
    `--${b}--`,
    '',
  ]);
}

export interface BuildContext {
  ids: Ids;
  region: string;
  now: number;
  /** Accepted-at of the original (the DSN's Arrival-Date). */
  arrivedAt: number;
  /** The bare address the mail goes to. */
  to: string;
  original: OriginalFacts;
}

/** The envelope sender and the complete MIME of one intent. */
export function buildSystemMail(intent: SystemMailIntent, c: BuildContext): { kind: string; mailFrom: string; mime: Buffer } {
  const id = c.ids.uuid();
  const head = (from: string, subject: string) => [
    `From: ${from}`,
    `To: ${c.to}`,
    `Subject: ${headerText(subject)}`,
    `Date: ${rfc5322Date(c.now)}`,
    `Message-ID: <${id}@${messageIdDomain(c.region)}>`,
    'MIME-Version: 1.0',
  ];
  if (intent.kind === 'auto-reply') {
    const lines = [
      ...head(intent.from, `Out of the Office: ${c.original.subject}`),
      'Auto-Submitted: auto-replied',
      ...(c.original.messageIdHeader ? [`In-Reply-To: ${c.original.messageIdHeader}`, `References: ${c.original.messageIdHeader}`] : []),
      ...PLAIN_TEXT,
      '',
      'I am out of the office and will not be reading mail until I return.',
      '',
      `This is an automatic reply (mailbox simulator ${intent.from}).`,
      '',
    ];
    return { kind: 'AutoReply', mailFrom: intent.from, mime: crlf(lines) };
  }

  if (intent.kind === 'arf') return complaintReport(intent, c, head(COMPLAINTS_FROM, c.original.subject));

  const perRecipient = intent.recipients.flatMap((r) => [
    '',
    `Final-Recipient: rfc822; ${r.emailAddress}`,
    `Action: ${r.action}`,
    `Status: ${r.status}`,
    `Diagnostic-Code: ${r.diagnosticCode.replace(/[\r\n]+/g, ' ')}`,
    `Last-Attempt-Date: ${rfc5322Date(c.now)}`,
  ]);
  const dsn: Report = {
    type: 'delivery-status',
    boundary: `----=_DSN_${id.replace(/-/g, '')}`,
    human: ['An error occurred while trying to deliver the mail to the following recipients:', ...intent.recipients.map((r) => r.emailAddress)],
    machineType: 'message/delivery-status',
    machine: [`Reporting-MTA: ${intent.reportingMTA}`, `Arrival-Date: ${rfc5322Date(c.arrivedAt)}`, ...perRecipient],
  };
  const mime = reportMime(head(MAILER_DAEMON, 'Delivery Status Notification (Failure)'), dsn, c.original.headers);
  return { kind: 'BounceNotification', mailFrom: MAILER_DAEMON, mime };
}

/**
 * The complaint forwarded as an Abuse Reporting Format report (RFC 5965: multipart/report;
 * report-type=feedback-report — a human-readable part, message/feedback-report, the original's header as
 * text/rfc822-headers). The subject is the original's [verify]; the human text is Sesame's.
 */
function complaintReport(intent: Extract<SystemMailIntent, { kind: 'arf' }>, c: BuildContext, head: string[]) {
  const arf: Report = {
    type: 'feedback-report',
    boundary: `----=_ARF_${c.ids.uuid().replace(/-/g, '')}`,
    human: [
      `This is an email abuse report for an email message received on ${rfc5322Date(intent.arrivalDate)}.`,
      'The recipient marked the message as spam (forwarded by Amazon SES feedback forwarding).',
    ],
    machineType: 'message/feedback-report',
    machine: [
      `Feedback-Type: ${intent.feedbackType}`,
      `User-Agent: ${headerText(intent.userAgent)}`,
      'Version: 1',
      ...intent.recipients.map((r) => `Original-Rcpt-To: ${r}`),
      `Arrival-Date: ${rfc5322Date(intent.arrivalDate)}`,
    ],
  };
  return { kind: 'ComplaintNotification', mailFrom: COMPLAINTS_FROM, mime: reportMime(head, arf, c.original.headers) };
}
