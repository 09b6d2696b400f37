// Sesame's automation API over plain fetch, as a CI script uses it: account settings, reset, identity
// verification without DNS, and time travel (exhaust a new account's 200/day, advance 24 h, send again),
// with the sends made through the real @aws-sdk/client-sesv2 / client-ses.
import { SESClient, VerifyEmailIdentityCommand } from '@aws-sdk/client-ses';
import { PutAccountDetailsCommand, SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../helpers/rejection';
import { callJson, useSdkSesame } from '../helpers/sdk-sesame';
import type { TestSesame } from '../helpers/start-headless';

let sesame: TestSesame;
let v2: SESv2Client;
let v1: SESClient;
useSdkSesame((t) => ({ sesame, v2, v1 } = t), { account: 'new' });

const call = (method: string, path: string, body?: unknown) => callJson(sesame, method, path, body);

beforeEach(async () => {
  expect((await call('POST', '/_sesame/reset?messages=1')).status).toBe(200);
});

const send = (to: string[], from = 'sender@example.com') =>
  v2.send(
    new SendEmailCommand({
      FromEmailAddress: from,
      Destination: { ToAddresses: to },
      Content: { Simple: { Subject: { Data: 'automation' }, Body: { Text: { Data: 'x' } } } },
    }),
  );

describe('/_sesame/account', () => {
  it('GET reports a new account as JSON', async () => {
    const res = await call('GET', '/_sesame/account');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.json).toEqual({
      region: 'us-east-1',
      accountId: sesame.config.accountId,
      sandbox: true,
      productionAccessEnabled: false,
      sendingEnabled: true,
      enforcementStatus: 'HEALTHY',
      autoVerify: false,
      suppressedReasons: ['BOUNCE', 'COMPLAINT'],
      sendQuota: { max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 0 },
      rateWaitMs: 0,
      details: null,
    });
  });

  it('PATCH changes what SES reports and enforces; bad input is a 400 {code, message} and changes nothing', async () => {
    const res = await call('PATCH', '/_sesame/account', { sandbox: false, max24HourSend: -1, maxSendRate: 14, autoVerify: true, sendingEnabled: false });
    expect(res.json).toMatchObject({ sandbox: false, sendingEnabled: false, autoVerify: true, sendQuota: { max24HourSend: -1, maxSendRate: 14 } });
    expect((await rejection(send(['a@example.com']))).name).toBe('SendingPausedException');

    const bad = await call('PATCH', '/_sesame/account', { sendingEnabled: 'yes' });
    expect(bad).toMatchObject({ status: 400, json: { code: 'BadRequest', message: 'sendingEnabled must be true or false.' } });
    expect((await call('PATCH', '/_sesame/account', 'not json')).status).toBe(400);
    expect((await call('GET', '/_sesame/account')).json.sendingEnabled).toBe(false);
    expect(await call('PUT', '/_sesame/account', {})).toMatchObject({ status: 405, json: { code: 'MethodNotAllowed' } });
  });

  it('shows the production-access review with its timing, decided by time travel', async () => {
    await v2.send(new PutAccountDetailsCommand({ MailType: 'MARKETING', WebsiteURL: 'https://news.example.com', ProductionAccessEnabled: true }));
    const pending = (await call('GET', '/_sesame/account')).json as { details: { review: Record<string, unknown> } };
    expect(pending.details.review).toMatchObject({ status: 'PENDING', decidedAt: null });
    const decidesAt = Date.parse(pending.details.review.decidesAt as string);
    expect(decidesAt - Date.parse(pending.details.review.openedAt as string)).toBe(60_000);
    await call('POST', '/_sesame/time/advance', { duration: '1m' });
    expect((await call('GET', '/_sesame/account')).json).toMatchObject({ sandbox: false, details: { review: { status: 'GRANTED' } }, sendQuota: { max24HourSend: 50_000, maxSendRate: 14 } });
  });
});

describe('/_sesame/time', () => {
  it('GET and POST advance move Sesame clock forward only', async () => {
    const t0 = await call('GET', '/_sesame/time');
    expect(t0.json.offsetMs).toBe(0);
    const moved = await call('POST', '/_sesame/time/advance', { duration: '90m' });
    expect(moved.json).toMatchObject({ offsetMs: 5_400_000, ran: 0 });
    expect(Date.parse(moved.json.now as string) - Date.parse(t0.json.now as string)).toBeGreaterThanOrEqual(5_400_000);
    expect((await call('POST', '/_sesame/time/advance', { seconds: 30 })).json.offsetMs).toBe(5_430_000);
    expect((await call('POST', '/_sesame/time/advance', { ms: -5 })).status).toBe(400);
    expect((await call('POST', '/_sesame/time/advance', { duration: 'tomorrow' })).json.code).toBe('BadRequest');
  });

  it('time travel: exhaust the 200/day quota at 1/s, advance 24 h, send again', async () => {
    await call('PATCH', '/_sesame/account', { autoVerify: true });
    const batch = (n: number) => Array.from({ length: 50 }, (_, i) => `b${n}-${i}@example.com`);
    for (let n = 0; n < 4; n++) {
      await send(batch(n));
      // 50 recipients at 1/s: 50 s of debt before the next send.
      const wait = (await call('GET', '/_sesame/account')).json.rateWaitMs as number;
      expect(wait).toBeGreaterThan(45_000); // real milliseconds pass between the calls
      expect(wait).toBeLessThanOrEqual(50_000);
      await call('POST', '/_sesame/time/advance', { seconds: 50 });
    }
    expect(((await call('GET', '/_sesame/account')).json.sendQuota as Record<string, number>).sentLast24Hours).toBe(200);
    const err = await rejection(send(['one-more@example.com']));
    expect(err.name).toBe('LimitExceededException');
    expect(err.message).toBe('Daily message quota exceeded.');
    await call('POST', '/_sesame/time/advance', { duration: '24h' });
    expect((await send(['next-day@example.com'])).MessageId).toBeDefined();
    expect(((await call('GET', '/_sesame/account')).json.sendQuota as Record<string, number>).sentLast24Hours).toBe(1);
  });
});

describe('/_sesame/identities', () => {
  it('verify and fail settle an identity without DNS or a click; unknown identities are 404', async () => {
    await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'qa@example.com' }));
    expect((await rejection(send(['success@simulator.amazonses.com'], 'qa@example.com'))).message).toMatch(/^Email address is not verified\./);

    const verified = await call('POST', `/_sesame/identities/${encodeURIComponent('qa@example.com')}/verify`);
    expect(verified).toMatchObject({ status: 200, json: { identity: 'qa@example.com', verificationStatus: 'SUCCESS' } });
    expect((await send(['success@simulator.amazonses.com'], 'qa@example.com')).MessageId).toBeDefined();

    const failed = await call('POST', '/_sesame/identities/qa@example.com/fail', { status: 'TEMPORARY_FAILURE' });
    expect(failed.json).toEqual({ identity: 'qa@example.com', verificationStatus: 'TEMPORARY_FAILURE' });
    expect(sesame.engine.identities.get('qa@example.com')?.verificationStatus).toBe('TEMPORARY_FAILURE');
    expect((await call('POST', '/_sesame/identities/qa@example.com/fail')).json.verificationStatus).toBe('FAILED');
    expect((await call('POST', '/_sesame/identities/qa@example.com/fail', { status: 'SUCCESS' })).status).toBe(400);

    expect(await call('POST', '/_sesame/identities/ghost@example.com/verify')).toMatchObject({ status: 404, json: { code: 'NotFound' } });
    expect(sesame.engine.identities.get('ghost@example.com')).toBeUndefined();
  });
});

describe('/_sesame/reset', () => {
  it('returns SES state to a new account, keeps mail unless asked, and leaves the other internal routes alone', async () => {
    await call('PATCH', '/_sesame/account', { autoVerify: true, maxSendRate: 100 });
    await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'kept@example.com' }));
    await send(['a@example.com']);
    await call('POST', '/_sesame/time/advance', { duration: '1h' });

    expect((await call('POST', '/_sesame/reset')).json).toEqual({ reset: true, messagesDeleted: 0 });
    expect((await call('GET', '/_sesame/account')).json).toMatchObject({ autoVerify: false, sandbox: true, sendQuota: { maxSendRate: 1, sentLast24Hours: 0 } });
    expect((await call('GET', '/_sesame/time')).json.offsetMs).toBe(0);
    expect(sesame.engine.identities.get('kept@example.com')).toBeUndefined();
    expect(sesame.engine.messages.counts().total).toBe(1);

    expect((await call('POST', '/_sesame/reset?messages=1')).json).toEqual({ reset: true, messagesDeleted: 1 });
    expect(sesame.engine.messages.counts().total).toBe(0);

    expect(await call('GET', '/_sesame/health')).toMatchObject({ status: 200, json: { status: 'ok' } });
    expect((await call('GET', '/_aws/ses')).json).toEqual({ messages: [] });
    expect((await call('GET', '/_sesame/nothing-here')).status).toBe(404);
  });

  it('a body over 1 MiB is 413 PayloadTooLarge', async () => {
    const res = await call('PATCH', '/_sesame/account', JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }));
    expect(res).toMatchObject({ status: 413, json: { code: 'PayloadTooLarge' } });
  });
});
