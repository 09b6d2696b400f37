// The SES account through the real AWS SDKs (ses-facts §A.8, §A.3): @aws-sdk/client-sesv2 GetAccount,
// PutAccountDetails (simulated review), PutAccountSendingAttributes, 429 TooManyRequestsException,
// LimitExceededException, SendingPausedException; @aws-sdk/client-ses GetSendQuota, Throttling,
// AccountSendingPausedException, Update/GetAccountSendingEnabled. One server, reset before each test
// through the automation API; clients never retry (a throttled call must be seen, not retried).
import {
  GetAccountSendingEnabledCommand,
  GetSendQuotaCommand,
  SendEmailCommand as SendEmailV1,
  SESClient,
  UpdateAccountSendingEnabledCommand,
} from '@aws-sdk/client-ses';
import { GetAccountCommand, PutAccountDetailsCommand, PutAccountSendingAttributesCommand, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { beforeEach, describe, expect, it } from 'vitest';
import { PRODUCTION_MAX_24_HOUR_SEND, PRODUCTION_MAX_SEND_RATE, PRODUCTION_REVIEW_DELAY_MS } from '../../src-main/core/limits';
import { rejection } from '../helpers/rejection';
import { callJson, useSdkSesame } from '../helpers/sdk-sesame';
import type { TestSesame } from '../helpers/start-headless';

let sesame: TestSesame;
let v2: SESv2Client;
let v1: SESClient;
useSdkSesame((t) => ({ sesame, v2, v1 } = t), { account: 'new' });

async function automation(method: string, path: string, body?: unknown) {
  const res = await callJson(sesame, method, path, body);
  expect(res.status, `${method} ${path}`).toBe(200);
  return res.json;
}
const setAccount = (patch: Record<string, unknown>) => automation('PATCH', '/_sesame/account', patch);

beforeEach(async () => {
  await automation('POST', '/_sesame/reset');
});

const sendV2 = (to: string[] = ['to@example.com']) =>
  v2.send(
    new SendEmailCommand({
      FromEmailAddress: 'sender@example.com',
      Destination: { ToAddresses: to },
      Content: { Simple: { Subject: { Data: 'account test' }, Body: { Text: { Data: 'hi' } } } },
    }),
  );
const sendV1 = (to: string[] = ['to@example.com']) =>
  v1.send(
    new SendEmailV1({
      Source: 'sender@example.com',
      Destination: { ToAddresses: to },
      Message: { Subject: { Data: 'account test' }, Body: { Text: { Data: 'hi' } } },
    }),
  );

describe('SES v2 account over @aws-sdk/client-sesv2', () => {
  it('GetAccount describes a new sandboxed account, without Details', async () => {
    const a = await v2.send(new GetAccountCommand({}));
    expect(a).toMatchObject({
      ProductionAccessEnabled: false,
      SendingEnabled: true,
      EnforcementStatus: 'HEALTHY',
      DedicatedIpAutoWarmupEnabled: false,
      SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 },
      SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    expect(a.Details).toBeUndefined();
  });

  it('PutAccountDetails opens a visible review: PENDING with a CaseId, 409 ConflictException, GRANTED after time travel', async () => {
    await v2.send(
      new PutAccountDetailsCommand({
        MailType: 'TRANSACTIONAL',
        WebsiteURL: 'https://shop.example.com',
        ContactLanguage: 'EN',
        UseCaseDescription: 'Order receipts.',
        AdditionalContactEmailAddresses: ['ops@example.com'],
        ProductionAccessEnabled: true,
      }),
    );
    const pending = await v2.send(new GetAccountCommand({}));
    expect(pending.ProductionAccessEnabled).toBe(false);
    expect(pending.Details).toMatchObject({
      MailType: 'TRANSACTIONAL',
      WebsiteURL: 'https://shop.example.com',
      ContactLanguage: 'EN',
      UseCaseDescription: 'Order receipts.',
      AdditionalContactEmailAddresses: ['ops@example.com'],
      ReviewDetails: { Status: 'PENDING' },
    });
    const caseId = pending.Details!.ReviewDetails!.CaseId!;
    expect(caseId).toMatch(/^\d{10}$/);

    const conflict = await rejection(v2.send(new PutAccountDetailsCommand({ MailType: 'MARKETING', WebsiteURL: 'https://x.example.com', ProductionAccessEnabled: true })));
    expect(conflict.name).toBe('ConflictException');
    expect(conflict.$metadata.httpStatusCode).toBe(409);
    expect(conflict.message).toContain(caseId);

    await automation('POST', '/_sesame/time/advance', { ms: PRODUCTION_REVIEW_DELAY_MS });
    const granted = await v2.send(new GetAccountCommand({}));
    expect(granted.ProductionAccessEnabled).toBe(true);
    expect(granted.Details?.ReviewDetails).toEqual({ Status: 'GRANTED', CaseId: caseId });
    expect(granted.SendQuota).toMatchObject({ Max24HourSend: PRODUCTION_MAX_24_HOUR_SEND, MaxSendRate: PRODUCTION_MAX_SEND_RATE });
    const quota = await v1.send(new GetSendQuotaCommand({}));
    expect([quota.Max24HourSend, quota.MaxSendRate]).toEqual([50_000, 14]);
  });

  it('PutAccountDetails checks members: BadRequestException in Coral wording', async () => {
    const err = await rejection(v2.send(new PutAccountDetailsCommand({ MailType: 'BULK' as never, WebsiteURL: 'https://x.example.com' })));
    expect(err.name).toBe('BadRequestException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe(
      "1 validation error detected: Value 'BULK' at 'mailType' failed to satisfy constraint: Member must satisfy enum value set: [MARKETING, TRANSACTIONAL]",
    );
    expect((await v2.send(new GetAccountCommand({}))).Details).toBeUndefined();
  });

  it('PutAccountSendingAttributes pauses sending: SendingPausedException (400), then resumes', async () => {
    await setAccount({ autoVerify: true });
    await v2.send(new PutAccountSendingAttributesCommand({ SendingEnabled: false }));
    expect((await v2.send(new GetAccountCommand({}))).SendingEnabled).toBe(false);
    const err = await rejection(sendV2());
    expect(err.name).toBe('SendingPausedException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    await v2.send(new PutAccountSendingAttributesCommand({ SendingEnabled: true }));
    expect((await sendV2()).MessageId).toBeDefined();
  });

  it('an enforcement pause (SHUTDOWN) is SendingPausedException with SES text', async () => {
    await setAccount({ autoVerify: true, enforcementStatus: 'SHUTDOWN' });
    const err = await rejection(sendV2());
    expect(err.name).toBe('SendingPausedException');
    expect(err.message).toMatch(/^Sending paused for this account\./);
    expect((await v2.send(new GetAccountCommand({}))).EnforcementStatus).toBe('SHUTDOWN');
  });

  it('over the send rate: 429 TooManyRequestsException "Maximum sending rate exceeded."', async () => {
    await setAccount({ autoVerify: true }); // a new account: 1 per second
    await sendV2();
    const err = await rejection(sendV2());
    expect(err.name).toBe('TooManyRequestsException');
    expect(err.$metadata.httpStatusCode).toBe(429);
    expect(err.message).toBe('Maximum sending rate exceeded.');
    await automation('POST', '/_sesame/time/advance', { seconds: 1 });
    expect((await sendV2()).MessageId).toBeDefined();
  });

  it('a 5-recipient send at 1/s is accepted and throttles the next 5 seconds', async () => {
    await setAccount({ autoVerify: true });
    await sendV2(['a@example.com', 'b@example.com', 'c@example.com', 'd@example.com', 'e@example.com']);
    await automation('POST', '/_sesame/time/advance', { duration: '4s' });
    expect((await rejection(sendV2())).name).toBe('TooManyRequestsException');
    await automation('POST', '/_sesame/time/advance', { duration: '1s' });
    expect((await sendV2()).MessageId).toBeDefined();
  });

  it('over the daily quota: LimitExceededException "Daily message quota exceeded."', async () => {
    await setAccount({ autoVerify: true, max24HourSend: 2, maxSendRate: 1000 });
    await sendV2(['a@example.com', 'b@example.com']);
    const err = await rejection(sendV2());
    expect(err.name).toBe('LimitExceededException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe('Daily message quota exceeded.');
    expect((await v2.send(new GetAccountCommand({}))).SendQuota?.SentLast24Hours).toBe(2);
  });
});

describe('SES v1 account over @aws-sdk/client-ses', () => {
  it('GetSendQuota reports the sandbox quota and counts recipients', async () => {
    expect(await v1.send(new GetSendQuotaCommand({}))).toMatchObject({ Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 0 });
    await setAccount({ autoVerify: true });
    await sendV1(['a@example.com', 'b@example.com', 'success@simulator.amazonses.com']);
    expect((await v1.send(new GetSendQuotaCommand({}))).SentLast24Hours).toBe(2);
  });

  it('over the send rate: Throttling "Maximum sending rate exceeded." (400)', async () => {
    await setAccount({ autoVerify: true });
    await sendV1();
    const err = await rejection(sendV1());
    expect(err.name).toBe('Throttling');
    expect(err.message).toBe('Maximum sending rate exceeded.');
    expect(err.$metadata.httpStatusCode).toBe(400);
  });

  it('over the daily quota: Throttling "Daily message quota exceeded."', async () => {
    await setAccount({ autoVerify: true, max24HourSend: 1, maxSendRate: 1000 });
    await sendV1();
    const err = await rejection(sendV1());
    expect(err.name).toBe('Throttling');
    expect(err.message).toBe('Daily message quota exceeded.');
  });

  it('UpdateAccountSendingEnabled / GetAccountSendingEnabled, and AccountSendingPausedException while disabled', async () => {
    await setAccount({ autoVerify: true });
    expect((await v1.send(new GetAccountSendingEnabledCommand({}))).Enabled).toBe(true);
    await v1.send(new UpdateAccountSendingEnabledCommand({ Enabled: false }));
    expect((await v1.send(new GetAccountSendingEnabledCommand({}))).Enabled).toBe(false);
    const err = await rejection(sendV1());
    expect(err.name).toBe('AccountSendingPausedException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    // v1 and v2 share one switch.
    expect((await v2.send(new GetAccountCommand({}))).SendingEnabled).toBe(false);
    await v1.send(new UpdateAccountSendingEnabledCommand({ Enabled: true }));
    expect((await sendV1()).MessageId).toBeDefined();
  });

  it('an enforcement pause is MessageRejected "Sending paused for this account. …"', async () => {
    await setAccount({ autoVerify: true, enforcementStatus: 'SHUTDOWN' });
    const err = await rejection(sendV1());
    expect(err.name).toBe('MessageRejected');
    expect(err.message).toBe(
      'Sending paused for this account. For more information, please check the inbox of the email address associated with your AWS account.',
    );
  });
});
