// Reputation with real peers: hard bounces from a scenario rule, sent through @aws-sdk/client-sesv2, move
// the account HEALTHY → PROBATION → SHUTDOWN (GetAccount EnforcementStatus / SendingEnabled, v1
// GetAccountSendingEnabled); paused sends fail with SES's errors through v2 (SendingPausedException), v1
// (MessageRejected "Sending paused for this account. …") and SMTP (nodemailer: 554); a fresh start over the
// automation API reinstates. A configuration set with ReputationMetricsEnabled is paused on its own and a
// fresh start shows in GetConfigurationSet / DescribeConfigurationSet. The automation and UI routes.
import { DescribeConfigurationSetCommand, GetAccountSendingEnabledCommand, SendEmailCommand as SendEmailV1 } from '@aws-sdk/client-ses';
import { CreateConfigurationSetCommand, GetAccountCommand, GetConfigurationSetCommand, SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { SESClient } from '@aws-sdk/client-ses';
import nodemailer from 'nodemailer';
import { beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../src-main/contract/ui-api';
import { rejection } from '../helpers/rejection';
import { callJson, useSdkSesame } from '../helpers/sdk-sesame';
import { TEST_UI_TOKEN, type TestSesame } from '../helpers/start-headless';

let sesame: TestSesame;
let v2: SESv2Client;
let v1: SESClient;
useSdkSesame((t) => ({ sesame, v2, v1 } = t));

const PAUSED = 'Sending paused for this account. For more information, please check the inbox of the email address associated with your AWS account.';

async function automation(method: string, path: string, body?: unknown) {
  const res = await callJson(sesame, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.json)}`).toBe(method === 'POST' && path.endsWith('scenario-rules') ? 201 : 200);
  return res.json;
}

async function ui(method: string, path: string, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${sesame.ports.ui}${path}`, {
    method,
    headers: { [TOKEN_HEADER]: TEST_UI_TOKEN, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

let next = 0;
/** One v2 SendEmail per ≤ 50 recipients; fresh addresses each time (bounced ones land on the suppression list). */
async function sendMix(good: number, bad: number, ConfigurationSetName?: string) {
  const all = [...Array.from({ length: good }, (_, i) => `r${next + i}@ok.example.com`), ...Array.from({ length: bad }, (_, i) => `r${next + i}@bounce.example.com`)];
  next += good + bad;
  for (let i = 0; i < all.length; i += 50) {
    await v2.send(
      new SendEmailCommand({
        FromEmailAddress: 'sender@example.com',
        Destination: { ToAddresses: all.slice(i, i + 50) },
        Content: { Simple: { Subject: { Data: 'reputation' }, Body: { Text: { Data: 'hi' } } } },
        ConfigurationSetName,
      }),
    );
  }
}

const sendV1 = (ConfigurationSetName?: string) =>
  v1.send(
    new SendEmailV1({
      Source: 'sender@example.com',
      Destination: { ToAddresses: ['one@ok.example.com'] },
      Message: { Subject: { Data: 'reputation' }, Body: { Text: { Data: 'hi' } } },
      ConfigurationSetName,
    }),
  );

beforeEach(async () => {
  await automation('POST', '/_sesame/reset');
  await automation('POST', '/_sesame/scenario-rules', { match: { kind: 'domain', pattern: 'bounce.example.com' }, action: { kind: 'hard-bounce' } });
});

describe('account reputation', () => {
  it('HEALTHY → PROBATION → SHUTDOWN; paused through v2, v1 and SMTP; a fresh start reinstates', async () => {
    await sendMix(100, 0);
    expect((await v2.send(new GetAccountCommand({}))).EnforcementStatus).toBe('HEALTHY');
    await sendMix(38, 12); // 12 of 150 = 8 %
    const review = await automation('GET', '/_sesame/reputation');
    expect(review.account).toMatchObject({ status: 'PROBATION', sent: 150, hardBounces: 12, bounceRate: 0.08, lastFreshStart: null });
    expect((review.account as { explanation: string }).explanation).toMatch(/^Under review: bounce rate 8 % \(12 of 150 recent sends\) is at or above the 5 % review threshold; at 10 % SES pauses sending\./);
    expect(await v2.send(new GetAccountCommand({}))).toMatchObject({ EnforcementStatus: 'PROBATION', SendingEnabled: true });

    await sendMix(0, 10); // 22 of 160 ≈ 13.8 %
    expect(await v2.send(new GetAccountCommand({}))).toMatchObject({ EnforcementStatus: 'SHUTDOWN', SendingEnabled: false });
    expect((await v1.send(new GetAccountSendingEnabledCommand({}))).Enabled).toBe(false);
    const e2 = await rejection(sendMix(1, 0));
    expect(e2).toMatchObject({ name: 'SendingPausedException', message: PAUSED });
    const e1 = await rejection(sendV1());
    expect(e1).toMatchObject({ name: 'MessageRejected', message: PAUSED });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sesame.ports.smtp, secure: false, ignoreTLS: true, auth: { user: 'AKIASMTP', pass: 'x' } });
    const smtp = await rejection(transport.sendMail({ from: 'sender@example.com', to: 'one@ok.example.com', subject: 's', text: 't' }));
    transport.close();
    expect(smtp).toMatchObject({ responseCode: 554 });
    expect(String((smtp as { response?: string }).response)).toContain(`Message rejected: ${PAUSED}`);

    const fresh = await automation('POST', '/_sesame/reputation/fresh-start', {});
    expect(fresh.account).toMatchObject({ status: 'HEALTHY', sent: 0 });
    expect(typeof (fresh.account as { lastFreshStart: unknown }).lastFreshStart).toBe('string');
    expect(await v2.send(new GetAccountCommand({}))).toMatchObject({ EnforcementStatus: 'HEALTHY', SendingEnabled: true });
    expect((await sendV1()).MessageId).toBeDefined();
  });

  it('a rule marked countsTowardReputation=false does not move it', async () => {
    expect((await callJson(sesame, 'DELETE', '/_sesame/scenario-rules')).status).toBe(204);
    await automation('POST', '/_sesame/scenario-rules', {
      match: { kind: 'domain', pattern: 'bounce.example.com' },
      action: { kind: 'hard-bounce' },
      countsTowardReputation: false,
    });
    await sendMix(100, 100);
    expect((await automation('GET', '/_sesame/reputation')).account).toMatchObject({ status: 'HEALTHY', sent: 100, hardBounces: 0 });
    expect((await v2.send(new GetAccountCommand({}))).EnforcementStatus).toBe('HEALTHY');
  });
});

describe('configuration-set reputation', () => {
  it('a set with reputation metrics is paused on its own; a fresh start re-enables it and shows LastFreshStart', async () => {
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'marketing', ReputationOptions: { ReputationMetricsEnabled: true } }));
    await automation('PATCH', '/_sesame/reputation/settings', { minimumVolume: 20 });
    await sendMix(200, 0);
    await sendMix(10, 10, 'marketing');
    const state = await automation('GET', '/_sesame/reputation');
    expect(state.account).toMatchObject({ status: 'HEALTHY', sent: 220, hardBounces: 10 });
    expect(state.configurationSets).toMatchObject([{ configurationSet: 'marketing', status: 'SHUTDOWN', sent: 20, hardBounces: 10 }]);
    expect((await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'marketing' }))).SendingOptions).toEqual({ SendingEnabled: false });
    expect(await rejection(sendMix(1, 0, 'marketing'))).toMatchObject({ name: 'SendingPausedException' });
    expect(await rejection(sendV1('marketing'))).toMatchObject({ name: 'ConfigurationSetSendingPausedException' });
    await sendMix(1, 0);

    const before = Date.now();
    const fresh = await automation('POST', '/_sesame/reputation/fresh-start', { configurationSet: 'marketing' });
    expect(fresh.configurationSets).toMatchObject([{ configurationSet: 'marketing', status: 'HEALTHY', sent: 0 }]);
    const set = await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'marketing' }));
    expect(set.SendingOptions).toEqual({ SendingEnabled: true });
    expect(set.ReputationOptions?.ReputationMetricsEnabled).toBe(true);
    expect(set.ReputationOptions?.LastFreshStart?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    const v1Set = await v1.send(new DescribeConfigurationSetCommand({ ConfigurationSetName: 'marketing', ConfigurationSetAttributeNames: ['reputationOptions'] }));
    expect(v1Set.ReputationOptions?.LastFreshStart?.getTime()).toBe(set.ReputationOptions?.LastFreshStart?.getTime());
    await sendMix(5, 0, 'marketing');
  });
});

describe('reputation routes', () => {
  it('automation: settings validated; unknown sets are 404', async () => {
    const bad = await callJson(sesame, 'PATCH', '/_sesame/reputation/settings', { bouncePause: 2, volume: -1 });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      code: 'BadRequestException',
      message: 'Invalid reputation settings: bouncePause must be a fraction greater than 0 and at most 1; volume must be a positive integer.',
    });
    expect((await callJson(sesame, 'POST', '/_sesame/reputation/fresh-start', { configurationSet: 'nope' })).status).toBe(404);
    expect((await automation('GET', '/_sesame/reputation')).settings).toMatchObject({ bounceReview: 0.05, bouncePause: 0.1, complaintReview: 0.001, complaintPause: 0.005 });
  });

  it('UI API: GET, PATCH settings, POST fresh-start', async () => {
    const got = await ui('GET', '/api/reputation');
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ account: { configurationSet: null, status: 'HEALTHY', lastFreshStart: null }, configurationSets: [], settings: { volume: 500 } });
    const patched = await ui('PATCH', '/api/reputation/settings', { volume: 300, minimumVolume: 30 });
    expect(patched).toMatchObject({ status: 200, json: { settings: { volume: 300, minimumVolume: 30 } } });
    expect(await ui('PATCH', '/api/reputation/settings', { complaintReview: 0.01 })).toMatchObject({
      status: 400,
      json: { code: 'BadRequestException', message: 'Invalid reputation settings: complaintReview must not exceed complaintPause.' },
    });
    const fresh = await ui('POST', '/api/reputation/fresh-start', {});
    expect(fresh.status).toBe(200);
    expect(typeof (fresh.json.account as { lastFreshStart: unknown }).lastFreshStart).toBe('number');
    expect(await ui('POST', '/api/reputation/fresh-start', { configurationSet: 'nope' })).toMatchObject({ status: 404, json: { code: 'NotFoundException' } });
  });
});
