// One-line summaries of SES event JSON for the Events tab (src-renderer/src/features/message/event-summary.ts):
// the documented fields of each eventType, and no crash on partial or odd payloads.
import { describe, expect, it } from 'vitest';
import type { SesEventRecord, SesEventType } from '../../../../../src-main/contract';
import { summarizeEvent } from '../../../../../src-renderer/src/features/message/event-summary';

const ev = (eventType: SesEventType, payload: unknown): SesEventRecord => ({
  id: 1,
  messageId: 'm-1',
  eventType,
  timestamp: '2026-03-01T10:00:00.000Z',
  payload,
});

describe('summarizeEvent', () => {
  it('Send: the destinations', () => {
    expect(summarizeEvent(ev('Send', { eventType: 'Send', mail: { destination: ['a@x.com', 'b@x.com'] }, send: {} }))).toBe(
      'Accepted by SES · a@x.com, b@x.com',
    );
  });

  it('Delivery: recipients, SMTP response and processing time', () => {
    const p = { delivery: { recipients: ['a@x.com'], smtpResponse: '250 2.6.0 Message received', processingTimeMillis: 412 } };
    expect(summarizeEvent(ev('Delivery', p))).toBe('a@x.com · 250 2.6.0 Message received · 412 ms');
  });

  it('Bounce: type/subtype, bounced addresses and the first diagnostic code', () => {
    const p = {
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'General',
        bouncedRecipients: [
          { emailAddress: 'bounce@simulator.amazonses.com', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
          { emailAddress: 'other@x.com' },
        ],
      },
    };
    expect(summarizeEvent(ev('Bounce', p))).toBe(
      'Permanent/General · bounce@simulator.amazonses.com, other@x.com · smtp; 550 5.1.1 user unknown',
    );
  });

  it('Complaint: the feedback type (or "complaint") and the addresses', () => {
    const recipients = [{ emailAddress: 'complaint@simulator.amazonses.com' }];
    expect(summarizeEvent(ev('Complaint', { complaint: { complaintFeedbackType: 'abuse', complainedRecipients: recipients } }))).toBe(
      'abuse · complaint@simulator.amazonses.com',
    );
    expect(summarizeEvent(ev('Complaint', { complaint: { complainedRecipients: recipients } }))).toBe(
      'complaint · complaint@simulator.amazonses.com',
    );
  });

  it('Reject, DeliveryDelay, Rendering Failure, Open, Click, Subscription', () => {
    expect(summarizeEvent(ev('Reject', { reject: { reason: 'Bad content' } }))).toBe('Bad content');
    expect(
      summarizeEvent(
        ev('DeliveryDelay', {
          deliveryDelay: { delayType: 'MailboxFull', delayedRecipients: [{ emailAddress: 'full@x.com' }], expirationTime: '2026-03-02T10:00:00Z' },
        }),
      ),
    ).toBe('MailboxFull · full@x.com · expires 2026-03-02T10:00:00Z');
    expect(summarizeEvent(ev('Rendering Failure', { failure: { templateName: 'Welcome', errorMessage: 'Attribute name is missing' } }))).toBe(
      'Welcome · Attribute name is missing',
    );
    expect(summarizeEvent(ev('Open', { open: { ipAddress: '192.0.2.1', userAgent: 'Mozilla/5.0' } }))).toBe('192.0.2.1 · Mozilla/5.0');
    expect(summarizeEvent(ev('Click', { click: { link: 'https://example.com/a', ipAddress: '192.0.2.1' } }))).toBe(
      'https://example.com/a · 192.0.2.1',
    );
    expect(summarizeEvent(ev('Subscription', { subscription: { contactList: 'News', source: 'UnsubscribeHeader' } }))).toBe(
      'News · UnsubscribeHeader',
    );
  });

  it('never throws on missing, partial or wrongly typed fields', () => {
    for (const type of ['Send', 'Delivery', 'Bounce', 'Complaint', 'Reject', 'DeliveryDelay', 'Rendering Failure', 'Open', 'Click', 'Subscription'] as const) {
      for (const payload of [null, undefined, 'text', 42, [], {}, { [type.toLowerCase()]: 'not an object' }]) {
        expect(() => summarizeEvent(ev(type, payload)), `${type} ${JSON.stringify(payload)}`).not.toThrow();
      }
    }
    expect(summarizeEvent(ev('Bounce', { bounce: { bouncedRecipients: 'nope', bounceType: 7 } }))).toBe('7');
    expect(summarizeEvent(ev('Delivery', {}))).toBe('');
    expect(summarizeEvent(ev('Future' as SesEventType, { x: 1 }))).toBe('');
  });
});
