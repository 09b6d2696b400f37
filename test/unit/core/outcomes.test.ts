// Outcomes that are not the simulator's: the account suppression list (ses-facts §A.12: accepted, not
// delivered, bounced or complained with OnAccountSuppressionList, counted toward the quota), SES's global
// list (Permanent/Suppressed), and content filtering (EICAR in the body or an attachment: one Reject event).
import { describe, expect, it } from 'vitest';
import { EICAR_TEST_STRING, carriesEicar } from '../../../src-main/core/outcomes/content-filter';
import { outcomeOrigin } from '../../../src-main/core/outcomes/origin';
import { crlf, makeEngine, rawRequest, simpleRequest } from './helpers';

const T = '2026-01-01T00:00:00.000Z';
const QUOTA_200 = { autoVerify: true, sandbox: false, max24HourSend: 200, maxSendRate: 1_000_000 };

interface Outcome {
  eventType: string;
  bounce?: Record<string, unknown>;
  complaint?: Record<string, unknown>;
  reject?: Record<string, unknown>;
  delivery?: { recipients: string[] };
}

async function outcomes(engine: ReturnType<typeof makeEngine>['engine'], id: string): Promise<Outcome[]> {
  return (await engine.messages.get(id))!.events.map((e) => {
    const { mail: _mail, ...rest } = e.payload as Outcome & { mail: unknown };
    return rest;
  });
}

describe('account-level suppression list', () => {
  it('an address listed for BOUNCE: accepted, no delivery, Bounce Permanent/OnAccountSuppressionList as AWS sends it, quota counted', async () => {
    const { engine } = makeEngine({ account: QUOTA_200 });
    engine.suppression.put('listed@example.com', 'BOUNCE');
    const { messageId } = await engine.sending.send(simpleRequest({ destination: { to: ['listed@example.com', 'ok@example.com'] } }));
    const events = await outcomes(engine, messageId);
    expect(events.map((e) => e.eventType)).toEqual(['Send', 'Delivery', 'Bounce']);
    expect(events[1].delivery!.recipients).toEqual(['ok@example.com']);
    expect(events[2].bounce).toEqual({
      bounceType: 'Permanent',
      bounceSubType: 'OnAccountSuppressionList',
      bouncedRecipients: [
        {
          emailAddress: 'listed@example.com',
          action: 'failed',
          status: '5.1.1',
          diagnosticCode:
            'Amazon SES did not send the message to this address because it is on the suppression list for your account. For more information about removing addresses from the suppression list, see the Amazon SES Developer Guide at https://docs.aws.amazon.com/ses/latest/DeveloperGuide/sending-email-suppression-list.html',
        },
      ],
      timestamp: T,
      feedbackId: expect.stringMatching(/^0100019b76daa800-[0-9a-f-]{36}-000000$/),
      reportingMTA: 'dns; amazonses.com',
    });
    expect(engine.account.quota().sentLast24Hours).toBe(2);
    // No DSN for a suppressed address: SES never tried to deliver it.
    expect(engine.messages.list({ limit: 10 }).items.some((m) => m.door === 'system')).toBe(false);
  });

  it('an address listed for COMPLAINT: Complaint with complaintSubType OnAccountSuppressionList and no feedback report', async () => {
    const { engine } = makeEngine();
    engine.suppression.put('grumpy@example.com', 'COMPLAINT');
    const { messageId } = await engine.sending.send(simpleRequest({ destination: { to: ['grumpy@example.com'] } }));
    const events = await outcomes(engine, messageId);
    expect(events.map((e) => e.eventType)).toEqual(['Send', 'Complaint']);
    expect(JSON.stringify(events[1].complaint)).toBe(
      JSON.stringify({
        complainedRecipients: [{ emailAddress: 'grumpy@example.com' }],
        timestamp: T,
        feedbackId: (events[1].complaint as { feedbackId: string }).feedbackId,
        complaintSubType: 'OnAccountSuppressionList',
      }),
    );
    expect((await engine.messages.get(messageId))!.status).toBe('complained');
  });

  it('is not applied when the listed reason is not in effect (account reasons BOUNCE only)', async () => {
    const { engine } = makeEngine();
    engine.account.update({ suppressedReasons: ['BOUNCE'] });
    engine.suppression.put('grumpy@example.com', 'COMPLAINT');
    const { messageId } = await engine.sending.send(simpleRequest({ destination: { to: ['grumpy@example.com'] } }));
    expect((await outcomes(engine, messageId)).map((e) => e.eventType)).toEqual(['Send', 'Delivery']);
  });

  it("follows the configuration set's reasons over the account's (an empty list disables suppression for the set)", async () => {
    const { engine } = makeEngine();
    engine.configurationSets.create('no-suppression', { suppressedReasons: [] });
    engine.suppression.put('listed@example.com', 'BOUNCE');
    const { messageId } = await engine.sending.send(
      simpleRequest({ destination: { to: ['listed@example.com'] }, configurationSetName: 'no-suppression' }),
    );
    expect((await outcomes(engine, messageId)).map((e) => e.eventType)).toEqual(['Send', 'Delivery']);
  });
});

describe("SES's global suppression list", () => {
  it('bounces Permanent/Suppressed with SES’s text where no account-level suppression applies', async () => {
    const { engine } = makeEngine();
    engine.account.update({ suppressedReasons: [] });
    engine.suppression.globalList.add('gone@example.com');
    const { messageId } = await engine.sending.send(simpleRequest({ destination: { to: ['gone@example.com'] } }));
    const [, bounce] = await outcomes(engine, messageId);
    expect(bounce.bounce).toMatchObject({
      bounceType: 'Permanent',
      bounceSubType: 'Suppressed',
      bouncedRecipients: [
        {
          emailAddress: 'gone@example.com',
          action: 'failed',
          status: '5.1.1',
          diagnosticCode: expect.stringMatching(/^Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address\./),
        },
      ],
      reportingMTA: 'dns; amazonses.com',
    });
  });
});

describe('content filtering (EICAR)', () => {
  const reject = [{ eventType: 'Send', send: {} }, { eventType: 'Reject', reject: { reason: 'Bad content' } }];

  it('a message with the EICAR string in its body is accepted, counted toward quota, and only gets a Reject', async () => {
    const { engine } = makeEngine({ account: QUOTA_200 });
    const { messageId } = await engine.sending.send(
      simpleRequest({
        destination: { to: ['a@example.com', 'bounce@simulator.amazonses.com'] },
        content: { kind: 'simple', subject: { data: 'virus' }, text: { data: `see ${EICAR_TEST_STRING} here` } },
      }),
    );
    expect(await outcomes(engine, messageId)).toMatchObject(reject);
    expect((await outcomes(engine, messageId)).length).toBe(2);
    expect((await engine.messages.get(messageId))!.status).toBe('rejected');
    expect(engine.account.quota().sentLast24Hours).toBe(1);
    expect(engine.messages.list({ limit: 10 }).items.some((m) => m.door === 'system')).toBe(false);
  });

  it('finds it in a base64 attachment (v2 Simple attachments and raw MIME), not in clean ones', async () => {
    const { engine } = makeEngine();
    const withFile = await engine.sending.send(
      simpleRequest({
        content: {
          kind: 'simple',
          subject: { data: 's' },
          text: { data: 'see attachment' },
          attachments: [{ fileName: 'eicar.bin', content: Buffer.from(EICAR_TEST_STRING), contentType: 'application/octet-stream' }],
        },
      }),
    );
    expect(await outcomes(engine, withFile.messageId)).toEqual(reject);
    // The attachment travels base64-encoded: a raw byte scan alone would have missed it.
    expect((await engine.messages.raw(withFile.messageId))!.includes(EICAR_TEST_STRING)).toBe(false);

    const b64 = Buffer.from(`prefix ${EICAR_TEST_STRING}`).toString('base64').replace(/(.{20})/g, '$1\r\n');
    const raw = (body: string) =>
      crlf(
        'From: a@example.com',
        'To: b@example.com',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'hello',
        '--b1',
        'Content-Type: application/octet-stream; name="file.bin"',
        'Content-Disposition: attachment; filename="file.bin"',
        'Content-Transfer-Encoding: BASE64'.toLowerCase(),
        '',
        body,
        '--b1--',
        '',
      );
    const infected = await engine.sending.send(rawRequest(raw(b64)));
    expect(await outcomes(engine, infected.messageId)).toEqual(reject);
    const clean = await engine.sending.send(rawRequest(raw(Buffer.from('just a file').toString('base64'))));
    expect((await outcomes(engine, clean.messageId)).map((e) => e.eventType)).toEqual(['Send', 'Delivery']);
  });

  it('finds it behind quoted-printable soft line breaks and inside an attached message', () => {
    const qp = EICAR_TEST_STRING.slice(0, 30) + '=\r\n' + EICAR_TEST_STRING.slice(30);
    const mime = (type: string, enc: string, body: string) =>
      Buffer.from(crlf('From: a@example.com', `Content-Type: ${type}`, `Content-Transfer-Encoding: ${enc}`, '', body));
    expect(carriesEicar(mime('text/plain', 'quoted-printable', qp))).toBe(true);
    expect(carriesEicar(mime('text/plain', '7bit', 'nothing to see'))).toBe(false);
    const inner = crlf('From: x@example.com', 'Content-Type: application/zip', 'Content-Transfer-Encoding: base64', '', Buffer.from(EICAR_TEST_STRING).toString('base64'));
    expect(carriesEicar(mime('message/rfc822', 'base64', Buffer.from(inner).toString('base64')))).toBe(true);
    expect(carriesEicar(mime('message/rfc822', '7bit', inner))).toBe(true);
  });
});

describe('outcome origins (for reputation)', () => {
  it('tell simulator and suppression-list outcomes from mail that was sent', async () => {
    const { engine } = makeEngine();
    engine.suppression.put('listed@example.com', 'BOUNCE');
    engine.scenarios.create({ match: { kind: 'address', pattern: 'hard@example.com' }, action: { kind: 'hard-bounce' } });
    const to = ['bounce@simulator.amazonses.com', 'success@simulator.amazonses.com', 'listed@example.com', 'hard@example.com', 'ok@example.com'];
    const { messageId } = await engine.sending.send(simpleRequest({ destination: { to } }));
    const events = (await engine.messages.get(messageId))!.events;
    expect(events.map((e) => [e.eventType, outcomeOrigin(e.payload)])).toEqual([
      ['Send', 'mail'],
      ['Delivery', 'simulator'],
      ['Delivery', 'mail'],
      ['Bounce', 'simulator'],
      ['Bounce', 'account-list'],
      ['Bounce', 'mail'],
    ]);
  });
});
