// UI API account and time routes against a real engine: the new account's view, direct settings with
// refused bad members, production access (PENDING → GRANTED by time travel; a second request while pending
// answers SES's ConflictException), reset, Sesame's clock, and the token.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRODUCTION_REVIEW_DELAY_MS, SANDBOX_MAX_24_HOUR_SEND, SANDBOX_MAX_SEND_RATE } from '../../../../src-main/core/limits';
import { T0 } from '../../core/helpers';
import { startSesHarness, type SesHarness } from './ses-setup';

let h: SesHarness;
beforeEach(async () => {
  h = await startSesHarness({ account: {} });
});
afterEach(() => h.stop());

describe('GET/PATCH /api/account', () => {
  it('shows a new account: sandbox, its quota, no production-access request', async () => {
    const res = await h.call('GET', '/api/account');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      region: 'us-east-1',
      accountId: '123456789012',
      sandbox: true,
      sendingEnabled: true,
      enforcementStatus: 'HEALTHY',
      autoVerify: false,
      suppressedReasons: ['BOUNCE', 'COMPLAINT'],
      sendQuota: { max24HourSend: SANDBOX_MAX_24_HOUR_SEND, maxSendRate: SANDBOX_MAX_SEND_RATE, sentLast24Hours: 0 },
      details: null,
    });
  });

  it('applies settings directly and the engine keeps them', async () => {
    const res = await h.call('PATCH', '/api/account', {
      sandbox: false,
      max24HourSend: -1,
      maxSendRate: 14,
      autoVerify: true,
      enforcementStatus: 'PROBATION',
      sendingEnabled: false,
      suppressedReasons: ['COMPLAINT'],
    });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ sandbox: false, autoVerify: true, enforcementStatus: 'PROBATION', sendingEnabled: false, suppressedReasons: ['COMPLAINT'] });
    expect(res.json().sendQuota).toMatchObject({ max24HourSend: -1, maxSendRate: 14 });
    expect(h.engine.account.inSandbox()).toBe(false);
    expect(h.engine.account.autoVerify()).toBe(true);
    expect((await h.call('PATCH', '/api/account', { sandbox: true })).json().sandbox).toBe(true);
  });

  it('refuses unknown members and bad values with 400 and changes nothing', async () => {
    const cases: [unknown, RegExp][] = [
      [{ sandBox: false }, /Unknown member "sandBox"/],
      [{ sandbox: 'no' }, /sandbox must be true or false/],
      [{ max24HourSend: -2 }, /max24HourSend must be an integer from -1/],
      [{ max24HourSend: 1.5 }, /max24HourSend must be an integer/],
      [{ maxSendRate: 0 }, /maxSendRate must be a number/],
      [{ enforcementStatus: 'PAUSED' }, /enforcementStatus must be one of HEALTHY, PROBATION, SHUTDOWN/],
      [{ suppressedReasons: ['SPAM'] }, /must be one of BOUNCE, COMPLAINT/],
      [[1, 2], /JSON object/],
    ];
    for (const [body, text] of cases) {
      const res = await h.call('PATCH', '/api/account', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('BadRequest');
      expect(res.json().message).toMatch(text);
    }
    expect((await h.call('PATCH', '/api/account', '{not json', { contentType: 'application/json' })).json().message).toBe('The body must be JSON.');
    expect(h.engine.account.get()).toMatchObject({ productionAccessEnabled: false, enforcementStatus: 'HEALTHY' });
  });

  it('answers 405 for other methods and 401 without the token', async () => {
    const put = await h.call('PUT', '/api/account', {});
    expect(put.status).toBe(405);
    expect(put.json()).toEqual({ code: 'MethodNotAllowed', message: 'PUT is not supported here; use GET, PATCH.' });
    expect((await h.call('GET', '/api/account', undefined, { auth: false })).status).toBe(401);
    expect((await h.call('GET', '/api/time', undefined, { auth: false })).status).toBe(401);
    expect((await h.call('GET', '/api/account/nope')).status).toBe(404);
  });
});

describe('POST /api/account/production-access', () => {
  it('opens a review that Sesame grants after its delay in Sesame time', async () => {
    const res = await h.call('POST', '/api/account/production-access', { mailType: 'TRANSACTIONAL', websiteUrl: 'https://shop.example', useCaseDescription: 'Receipts.' });
    expect(res.status).toBe(200);
    const { details, sandbox } = res.json();
    expect(sandbox).toBe(true);
    expect(details).toMatchObject({ mailType: 'TRANSACTIONAL', websiteUrl: 'https://shop.example', useCaseDescription: 'Receipts.' });
    expect(details.review).toMatchObject({ status: 'PENDING', openedAt: new Date(T0).toISOString(), decidesAt: new Date(T0 + PRODUCTION_REVIEW_DELAY_MS).toISOString() });
    expect(details.review.caseId).toEqual(expect.any(String));

    // A second request while the case is open is SES's ConflictException, shown with SES's code.
    const again = await h.call('POST', '/api/account/production-access', { mailType: 'MARKETING', websiteUrl: 'https://shop.example' });
    expect(again.status).toBe(409);
    expect(again.json().code).toBe('ConflictException');

    const moved = await h.call('POST', '/api/time/advance', { ms: PRODUCTION_REVIEW_DELAY_MS });
    expect(moved.json().offsetMs).toBe(PRODUCTION_REVIEW_DELAY_MS);
    const after = (await h.call('GET', '/api/account')).json();
    expect(after.details.review.status).toBe('GRANTED');
    expect(after.sandbox).toBe(false);
  });

  it('requires a mail type and a website', async () => {
    for (const body of [{ websiteUrl: 'https://x.example' }, { mailType: 'BULK', websiteUrl: 'https://x.example' }, { mailType: 'MARKETING' }]) {
      const res = await h.call('POST', '/api/account/production-access', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(/mailType|websiteUrl/);
    }
    expect(h.engine.account.get().details).toBeNull();
  });
});

describe('POST /api/account/reset and the clock', () => {
  it('resets the account to a new one (settings, identities, clock) and keeps mail', async () => {
    await h.call('PATCH', '/api/account', { sandbox: false, autoVerify: true });
    await h.call('POST', '/api/identities', { identity: 'a@example.com' });
    await h.call('POST', '/api/time/advance', { ms: 5_000 });
    const mail = h.engine.messages.counts().total;
    const res = await h.call('POST', '/api/account/reset');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ sandbox: true, autoVerify: false, details: null });
    expect(h.engine.identities.list()).toEqual([]);
    expect((await h.call('GET', '/api/time')).json()).toEqual({ now: new Date(T0).toISOString(), offsetMs: 0 });
    expect(h.engine.messages.counts().total).toBe(mail);
  });

  it('reads and moves Sesame clock forward; refuses a missing, zero or fractional ms', async () => {
    expect((await h.call('GET', '/api/time')).json()).toEqual({ now: new Date(T0).toISOString(), offsetMs: 0 });
    h.clock.advance(1_000);
    const res = await h.call('POST', '/api/time/advance', { ms: 90 * 60_000 });
    expect(res.json()).toEqual({ now: new Date(T0 + 1_000 + 90 * 60_000).toISOString(), offsetMs: 90 * 60_000, ran: 0 });
    for (const body of [{}, { ms: 0 }, { ms: 1.5 }, { ms: '60000' }, { seconds: 5 }]) {
      const bad = await h.call('POST', '/api/time/advance', body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    expect(h.engine.time.offset()).toBe(90 * 60_000);
    expect((await h.call('GET', '/api/time/advance')).status).toBe(405);
  });
});
