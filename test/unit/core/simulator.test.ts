// The mailbox simulator (ses-facts §A.4): each address's events in SES's exact JSON (2026 capture), labels,
// one combined bounce per request, the DSN and the out-of-office reply SES mails back, and that simulated
// outcomes never touch the suppression list or the daily quota.
import { describe, expect, it } from 'vitest';
import type { MessageSummary } from '../../../src-main/contract/messages';
import { collect, makeEngine, rawRequest, crlf, simpleRequest } from './helpers';

const T = '2026-01-01T00:00:00.000Z';
/** `0100` + epoch-ms hex + sequential UUID n + `-000000` (helpers: FakeClock at T0, sequentialIds). */
const sesId = (n: number) => `0100019b76daa800-00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}-000000`;

/** An event without its `mail` object, as far as these tests read it. */
interface Outcome {
  eventType: string;
  delivery?: { recipients: string[]; smtpResponse: string };
  bounce?: { bouncedRecipients: { emailAddress: string; diagnosticCode?: string }[]; reportingMTA?: string };
  [key: string]: unknown;
}

async function outcomes(engine: ReturnType<typeof makeEngine>['engine'], id: string): Promise<Outcome[]> {
  const detail = await engine.messages.get(id);
  return detail!.events.map((e) => {
    const { mail: _mail, ...rest } = e.payload as Outcome;
    return rest as Outcome;
  });
}

async function send(to: string[], over: Parameters<typeof simpleRequest>[0] = {}) {
  const t = makeEngine();
  const { messageId } = await t.engine.sending.send(simpleRequest({ destination: { to }, ...over }));
  return { ...t, messageId };
}

describe('mailbox simulator', () => {
  it('success@: Send then Delivery answered "250 Ok"', async () => {
    const { engine, messageId } = await send(['success@simulator.amazonses.com']);
    expect(await outcomes(engine, messageId)).toEqual([
      { eventType: 'Send', send: {} },
      {
        eventType: 'Delivery',
        delivery: {
          timestamp: T,
          processingTimeMillis: 0,
          recipients: ['success@simulator.amazonses.com'],
          smtpResponse: '250 Ok',
          reportingMTA: 'a8-77.smtp-out.amazonses.com',
          remoteMtaIp: '127.0.0.1',
        },
      },
    ]);
    expect((await engine.messages.get(messageId))!.status).toBe('delivered');
  });

  it('bounce@: Send then a Permanent/General bounce in the 2026 capture shape, no Delivery, key order too', async () => {
    const { engine, messageId } = await send(['bounce@simulator.amazonses.com']);
    const events = await outcomes(engine, messageId);
    const bounce = {
      bounceType: 'Permanent',
      bounceSubType: 'General',
      bouncedRecipients: [
        {
          emailAddress: 'bounce@simulator.amazonses.com',
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: 'smtp; 550 5.1.1 As requested: user unknown <bounce@simulator.amazonses.com>',
        },
      ],
      timestamp: T,
      feedbackId: sesId(2),
      remoteMtaIp: '127.0.0.1',
      reportingMTA: 'dns; a8-86.smtp-out.amazonses.com',
    };
    expect(events).toEqual([{ eventType: 'Send', send: {} }, { eventType: 'Bounce', bounce }]);
    expect(JSON.stringify(events[1])).toBe(JSON.stringify({ eventType: 'Bounce', bounce }));
    expect((await engine.messages.get(messageId))!.status).toBe('bounced');
  });

  it('suppressionlist@: Send then Permanent/General with the "(suppressed address: …)" diagnostic', async () => {
    const { engine, messageId } = await send(['suppressionlist@simulator.amazonses.com']);
    expect(await outcomes(engine, messageId)).toEqual([
      { eventType: 'Send', send: {} },
      {
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [
            {
              emailAddress: 'suppressionlist@simulator.amazonses.com',
              action: 'failed',
              status: '5.1.1',
              diagnosticCode: 'smtp; 550 5.1.1 As requested: user unknown (suppressed address: suppressionlist@simulator.amazonses.com)',
            },
          ],
          timestamp: T,
          feedbackId: sesId(2),
          remoteMtaIp: '127.0.0.1',
          reportingMTA: 'dns; a48-89.smtp-out.amazonses.com',
        },
      },
    ]);
  });

  it('complaint@: Send, Delivery "250 Ok", then the simulator complaint (abuse, complaintSubType null)', async () => {
    const { engine, messageId } = await send(['complaint@simulator.amazonses.com']);
    const events = await outcomes(engine, messageId);
    expect(events.map((e) => e.eventType)).toEqual(['Send', 'Delivery', 'Complaint']);
    expect(events[1].delivery!.smtpResponse).toBe('250 Ok');
    const complaint = {
      complainedRecipients: [{ emailAddress: 'complaint@simulator.amazonses.com' }],
      timestamp: T,
      feedbackId: sesId(2),
      complaintSubType: null,
      userAgent: 'Amazon SES Mailbox Simulator',
      complaintFeedbackType: 'abuse',
      arrivalDate: T,
    };
    expect(JSON.stringify(events[2])).toBe(JSON.stringify({ eventType: 'Complaint', complaint }));
    expect((await engine.messages.get(messageId))!.status).toBe('complained');
  });

  it('ooto@: Send, Delivery, then a Transient/General bounce naming only the address; the message stays delivered', async () => {
    const { engine, messageId } = await send(['ooto@simulator.amazonses.com']);
    const events = await outcomes(engine, messageId);
    expect(events.map((e) => e.eventType)).toEqual(['Send', 'Delivery', 'Bounce']);
    expect(JSON.stringify(events[2])).toBe(
      JSON.stringify({
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Transient',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: 'ooto@simulator.amazonses.com' }],
          timestamp: T,
          feedbackId: sesId(2),
        },
      }),
    );
    expect((await engine.messages.get(messageId))!.status).toBe('delivered');
  });

  it('reads the scenario before a +label, case-insensitively; other local parts are delivered', async () => {
    const { engine, messageId } = await send(['Bounce+order-42@Simulator.AmazonSES.com', 'nobody@simulator.amazonses.com']);
    const events = await outcomes(engine, messageId);
    expect(events.map((e) => e.eventType)).toEqual(['Send', 'Delivery', 'Bounce']);
    expect(events[2].bounce!.bouncedRecipients[0]).toMatchObject({
      emailAddress: 'Bounce+order-42@Simulator.AmazonSES.com',
      diagnosticCode: 'smtp; 550 5.1.1 As requested: user unknown <Bounce+order-42@Simulator.AmazonSES.com>',
    });
    expect(events[1].delivery!.recipients).toEqual(['nobody@simulator.amazonses.com']);
  });

  it('combines several simulated hard bounces of one request into one bounce; other outcomes keep their own events', async () => {
    const to = ['bounce+1@simulator.amazonses.com', 'bounce+2@simulator.amazonses.com', 'suppressionlist@simulator.amazonses.com'];
    const { engine, messageId } = await send([...to, 'success@simulator.amazonses.com', 'friend@example.com']);
    const events = await outcomes(engine, messageId);
    expect(events.map((e) => e.eventType)).toEqual(['Send', 'Delivery', 'Delivery', 'Bounce']);
    const bounce = events[3].bounce!;
    expect(bounce.bouncedRecipients.map((r) => r.emailAddress)).toEqual(to);
    expect(bounce.reportingMTA).toBe('dns; a8-86.smtp-out.amazonses.com');
    expect(events.slice(1, 3).map((d) => [d.delivery!.recipients, d.delivery!.smtpResponse])).toEqual([
      [['success@simulator.amazonses.com'], '250 Ok'],
      [['friend@example.com'], '250 2.0.0 OK'],
    ]);
  });

  it('never lists a simulator address on the suppression list, never counts it toward the daily quota', async () => {
    const { engine } = makeEngine({ account: { autoVerify: true, sandbox: false, max24HourSend: 200, maxSendRate: 1_000_000 } });
    await engine.sending.send(simpleRequest({ destination: { to: ['bounce@simulator.amazonses.com', 'complaint@simulator.amazonses.com'] } }));
    expect(engine.suppression.get('bounce@simulator.amazonses.com')).toBeUndefined();
    expect(engine.suppression.get('complaint@simulator.amazonses.com')).toBeUndefined();
    expect(engine.account.quota().sentLast24Hours).toBe(0);
  });

  it('is reachable from the sandbox without verifying the recipient', async () => {
    const { engine } = makeEngine({ account: {} });
    await engine.identities.verifyEmail('sender@example.com');
    engine.identities.setVerificationStatus('sender@example.com', 'SUCCESS');
    const { messageId } = await engine.sending.send(simpleRequest({ destination: { to: ['bounce@simulator.amazonses.com'] } }));
    expect((await engine.messages.get(messageId))!.status).toBe('bounced');
  });

  it('emits message.accepted then event.recorded for each event, after the commit', async () => {
    const t = makeEngine();
    const seen = collect(t.engine);
    const { messageId } = await t.engine.sending.send(simpleRequest({ destination: { to: ['complaint@simulator.amazonses.com'] } }));
    const own = seen.filter((s) => s.name !== 'message.accepted' || (s.payload as MessageSummary).id === messageId);
    expect(own.map((s) => s.name)).toEqual(['message.accepted', 'event.recorded', 'event.recorded', 'event.recorded']);
    expect((own[0].payload as MessageSummary).status).toBe('complained');
  });
});

describe('mail the simulator sends back', () => {
  async function systemMail(engine: ReturnType<typeof makeEngine>['engine'], kind: string) {
    const page = engine.messages.list({ limit: 50 });
    const row = page.items.find((m) => m.door === 'system' && m.operation === kind);
    if (!row) return undefined;
    return { detail: (await engine.messages.get(row.id))!, raw: (await engine.messages.raw(row.id))!.toString('utf8') };
  }

  it('bounce@ mails an RFC 3464 DSN from MAILER-DAEMON@amazonses.com to the return path, linked to the message', async () => {
    const { engine, messageId } = await send(['bounce@simulator.amazonses.com'], { returnPath: 'bounces@example.com' });
    const dsn = await systemMail(engine, 'BounceNotification');
    expect(dsn).toBeDefined();
    expect(dsn!.detail.relatedId).toBe(messageId);
    expect(dsn!.detail.envelope).toEqual({ mailFrom: 'MAILER-DAEMON@amazonses.com', rcptTo: ['bounces@example.com'] });
    expect(dsn!.detail.subject).toBe('Delivery Status Notification (Failure)');
    expect(dsn!.raw).toMatch(/^Content-Type: multipart\/report; report-type=delivery-status; boundary="/m);
    expect(dsn!.raw).toContain('Content-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; a8-86.smtp-out.amazonses.com\r\n');
    expect(dsn!.raw).toContain('Final-Recipient: rfc822; bounce@simulator.amazonses.com\r\nAction: failed\r\nStatus: 5.1.1\r\n');
    expect(dsn!.raw).toContain('Diagnostic-Code: smtp; 550 5.1.1 As requested: user unknown <bounce@simulator.amazonses.com>');
    expect(dsn!.raw).toMatch(/Content-Type: text\/rfc822-headers\r\n\r\nReturn-Path: <[^>]+>\r\nFrom: sender@example.com\r\n/);
    expect(dsn!.raw).toContain(`Message-ID: <${messageId}@email.amazonses.com>`);
    expect(dsn!.detail.text).toContain('An error occurred while trying to deliver the mail to the following recipients:');
  });

  it('without a return path the DSN goes to the sender (bare address); no DSN for suppressionlist@', async () => {
    const { engine } = await send(['suppressionlist@simulator.amazonses.com', 'bounce@simulator.amazonses.com'], { from: 'Shop <shop@example.com>' });
    const dsn = await systemMail(engine, 'BounceNotification');
    expect(dsn!.detail.envelope.rcptTo).toEqual(['shop@example.com']);
    expect(dsn!.raw).toContain('Final-Recipient: rfc822; bounce@simulator.amazonses.com');
    expect(dsn!.raw).not.toContain('Final-Recipient: rfc822; suppressionlist@');
    const only = await send(['suppressionlist@simulator.amazonses.com']);
    expect(await systemMail(only.engine, 'BounceNotification')).toBeUndefined();
  });

  it('ooto@ mails an RFC 3834 auto-reply to the return path, in reply to the original', async () => {
    const { engine, messageId } = await send(['ooto@simulator.amazonses.com'], { returnPath: 'feedback@example.com' });
    const reply = await systemMail(engine, 'AutoReply');
    expect(reply!.detail.relatedId).toBe(messageId);
    expect(reply!.detail.envelope.rcptTo).toEqual(['feedback@example.com']);
    expect(reply!.detail.from).toEqual({ name: '', address: 'ooto@simulator.amazonses.com' });
    expect(reply!.detail.subject).toBe('Out of the Office: Hello');
    expect(reply!.raw).toContain('\r\nAuto-Submitted: auto-replied\r\n');
    expect(reply!.raw).toContain(`\r\nIn-Reply-To: <${messageId}@email.amazonses.com>\r\n`);
    expect(await systemMail(engine, 'BounceNotification')).toBeUndefined();
  });

  it('keeps a raw message’s own Message-ID in the reply and encodes a non-ASCII subject', async () => {
    const { engine } = makeEngine();
    await engine.sending.send(
      rawRequest(crlf('From: a@example.com', 'To: ooto@simulator.amazonses.com', 'Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?=', 'Message-ID: <own@example.com>', '', 'hi')),
    );
    const reply = await systemMail(engine, 'AutoReply');
    expect(reply!.detail.subject).toBe('Out of the Office: Grüße');
    expect(reply!.raw).toContain('In-Reply-To: <own@example.com>');
  });

  it('no DSN when the sender identity has feedback forwarding turned off', async () => {
    const { engine } = makeEngine();
    await engine.identities.verifyEmail('sender@example.com');
    engine.identities.setVerificationStatus('sender@example.com', 'SUCCESS');
    engine.identities.setFeedbackForwarding('sender@example.com', false);
    await engine.sending.send(simpleRequest({ destination: { to: ['bounce@simulator.amazonses.com'] } }));
    expect(engine.messages.list({ limit: 10 }).items.filter((m) => m.door === 'system' && m.operation === 'BounceNotification')).toEqual([]);
  });
});
