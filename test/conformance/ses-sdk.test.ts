// SES v1 (Query/XML) through the real @aws-sdk/client-ses against a headless Sesame on port 0.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateReceiptRuleSetCommand,
  GetSendQuotaCommand,
  ListIdentitiesCommand,
  SendEmailCommand,
  SendRawEmailCommand,
  SESClient,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import { rejection } from '../helpers/rejection';
import { SES_MESSAGE_ID } from '../helpers/ses-format';
import { sesClient } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';


let sesame: TestSesame;
let client: SESClient;

beforeAll(async () => {
  sesame = await startTestSesame({ account: { autoVerify: true, sandbox: null, max24HourSend: null, maxSendRate: null } });
  client = sesClient(sesame);
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

describe('SES v1 over the real SDK', () => {
  it('SendEmail returns a MessageId and records Send then Delivery', async () => {
    const out = await client.send(
      new SendEmailCommand({
        Source: 'sender@example.com',
        Destination: { ToAddresses: ['a@example.com', 'b@example.com'] },
        Message: { Subject: { Data: 'v1 subject' }, Body: { Text: { Data: 'v1 text' }, Html: { Data: '<i>v1</i>' } } },
        Tags: [{ Name: 'kind', Value: 'test' }],
      }),
    );
    expect(out.MessageId).toMatch(SES_MESSAGE_ID);
    const detail = (await sesame.engine.messages.get(out.MessageId!))!;
    expect(detail.door).toBe('ses');
    expect(detail.to.map((a) => a.address)).toEqual(['a@example.com', 'b@example.com']);
    expect(detail.events.map((e) => e.eventType)).toEqual(['Send', 'Delivery']);
    const send = detail.events[0].payload as { mail: { tags: Record<string, string[]>; source: string } };
    expect(send.mail.source).toBe('sender@example.com');
    expect(send.mail.tags.kind).toEqual(['test']);
    expect(send.mail.tags['ses:operation']).toEqual(['SendEmail']);
  });

  it('SendRawEmail accepts base64 MIME and Destinations as the envelope', async () => {
    const raw = 'From: raw@example.com\r\nTo: x@example.com\r\nSubject: raw v1\r\n\r\nbody\r\n';
    const out = await client.send(
      new SendRawEmailCommand({ RawMessage: { Data: Buffer.from(raw) }, Destinations: ['x@example.com', 'secret@example.com'] }),
    );
    expect(out.MessageId).toMatch(SES_MESSAGE_ID);
    const detail = (await sesame.engine.messages.get(out.MessageId!))!;
    expect(detail.subject).toBe('raw v1');
    expect(detail.bcc).toEqual(['secret@example.com']);
  });

  it('GetSendQuota reports the sandbox quota and what was sent', async () => {
    const q = await client.send(new GetSendQuotaCommand({}));
    expect(q.Max24HourSend).toBe(200);
    expect(q.MaxSendRate).toBe(1);
    expect(q.SentLast24Hours).toBe(4);
  });

  it('VerifyEmailIdentity then ListIdentities', async () => {
    await client.send(new VerifyEmailIdentityCommand({ EmailAddress: 'me@example.com' }));
    const list = await client.send(new ListIdentitiesCommand({}));
    expect(list.Identities).toContain('me@example.com');
    const emails = await client.send(new ListIdentitiesCommand({ IdentityType: 'EmailAddress' }));
    expect(emails.Identities).toEqual(['me@example.com']);
  });

  it('more than 50 recipients is InvalidParameterValue with SES\'s text', async () => {
    const to = Array.from({ length: 51 }, (_, i) => `r${i}@example.com`);
    const err = await rejection(client.send(new SendEmailCommand({ Source: 's@example.com', Destination: { ToAddresses: to }, Message: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } })));
    expect(err.name).toBe('InvalidParameterValue');
    expect(err.message).toBe('Recipient count exceeds 50.');
  });

  it('an unimplemented action answers 501 naming it', async () => {
    const err = await rejection(client.send(new CreateReceiptRuleSetCommand({ RuleSetName: 'rules' })));
    expect(err.$metadata.httpStatusCode).toBe(501);
    expect(err.message).toContain('CreateReceiptRuleSet');
  });
});
