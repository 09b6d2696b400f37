// SES v2 through the real @aws-sdk/client-sesv2 against a headless Sesame on port 0: only the endpoint is overridden.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  GetAccountCommand,
  ListDeliverabilityTestReportsCommand,
  SESv2Client,
  SendEmailCommand,
} from '@aws-sdk/client-sesv2';
import { simpleParser } from 'mailparser';
import { rejection } from '../helpers/rejection';
import { SES_MESSAGE_ID } from '../helpers/ses-format';
import { sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';


let sesame: TestSesame;
let client: SESv2Client;

beforeAll(async () => {
  sesame = await startTestSesame({ account: { autoVerify: true, sandbox: null, max24HourSend: null, maxSendRate: null } });
  client = sesv2Client(sesame);
});
afterAll(async () => {
  client?.destroy();
  await sesame?.cleanup();
});
// A new account sends 1 recipient per second: Sesame's clock moves a minute before each test, so the
// sandbox rate never throttles these sends (account-sdk.test.ts covers throttling itself).
beforeEach(() => {
  sesame.engine.time.advance(60_000);
});

describe('SES v2 over the real SDK', () => {
  it('SendEmail (Simple) returns an SES-shaped MessageId and stores the composed message', async () => {
    const out = await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'Sender <sender@example.com>',
        Destination: { ToAddresses: ['to@example.com'], CcAddresses: ['cc@example.com'], BccAddresses: ['hidden@example.com'] },
        Content: {
          Simple: {
            Subject: { Data: 'Hello from v2 ✓', Charset: 'UTF-8' },
            Body: { Text: { Data: 'plain body' }, Html: { Data: '<p>html <b>body</b></p>' } },
          },
        },
        EmailTags: [{ Name: 'campaign', Value: 'welcome' }],
      }),
    );
    expect(out.MessageId).toMatch(SES_MESSAGE_ID);
    expect(out.$metadata.httpStatusCode).toBe(200);

    const detail = await sesame.engine.messages.get(out.MessageId!);
    expect(detail).toBeDefined();
    expect(detail!.subject).toBe('Hello from v2 ✓');
    expect(detail!.door).toBe('sesv2');
    expect(detail!.bcc).toEqual(['hidden@example.com']);
    expect(detail!.events.map((e) => e.eventType)).toEqual(['Send', 'Delivery']);
    const parsed = await simpleParser((await sesame.engine.messages.raw(out.MessageId!))!);
    expect(parsed.text?.trim()).toBe('plain body');
    expect(parsed.html).toContain('<b>body</b>');
    expect(parsed.headers.get('bcc')).toBeUndefined();
  });

  it('SendEmail (Raw) takes the MIME as is', async () => {
    const raw = [
      'From: raw@example.com',
      'To: dest@example.com',
      'Subject: raw v2',
      'Message-ID: <caller-id@example.com>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'raw body line',
      '',
    ].join('\r\n');
    const out = await client.send(new SendEmailCommand({ Content: { Raw: { Data: Buffer.from(raw) } } }));
    expect(out.MessageId).toMatch(SES_MESSAGE_ID);
    const parsed = await simpleParser((await sesame.engine.messages.raw(out.MessageId!))!);
    expect(parsed.subject).toBe('raw v2');
    expect(parsed.text?.trim()).toBe('raw body line');
  });

  it('GetAccount describes a new sandboxed account', async () => {
    const acct = await client.send(new GetAccountCommand({}));
    expect(acct.ProductionAccessEnabled).toBe(false);
    expect(acct.SendingEnabled).toBe(true);
    expect(acct.EnforcementStatus).toBe('HEALTHY');
    expect(acct.SendQuota?.Max24HourSend).toBe(200);
    expect(acct.SendQuota?.MaxSendRate).toBe(1);
    expect(acct.SendQuota?.SentLast24Hours).toBeGreaterThanOrEqual(4);
  });

  it('a missing required member is a modelled BadRequestException', async () => {
    const err = await rejection(client.send(new SendEmailCommand({ FromEmailAddress: 'a@example.com' } as never)));
    expect(err).toMatchObject({ name: 'BadRequestException', $metadata: { httpStatusCode: 400 } });
    expect(err.message).toMatch(/content/i);
  });

  it('an unimplemented operation answers 501 naming it', async () => {
    const err = await rejection(client.send(new ListDeliverabilityTestReportsCommand({})));
    expect(err.$metadata.httpStatusCode).toBe(501);
    expect(err.message).toContain('ListDeliverabilityTestReports');
  });
});
