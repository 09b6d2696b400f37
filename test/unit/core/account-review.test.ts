// PutAccountDetails and the simulated production-access review (ses-facts §A.8): details validated as
// the model constrains them, PENDING with a CaseId, ConflictException while pending, GRANTED after
// PRODUCTION_REVIEW_DELAY_MS of Sesame time (time travel or the clock), then out of the sandbox with
// production quotas; persisted across restarts; reset forgets it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detailsProblems } from '../../../src-main/core/account/details';
import { FakeClock } from '../../../src-main/core/clock';
import { createEngine } from '../../../src-main/core/engine';
import { SesError } from '../../../src-main/core/errors';
import { sequentialIds } from '../../../src-main/core/ids';
import { PRODUCTION_MAX_24_HOUR_SEND, PRODUCTION_MAX_SEND_RATE, PRODUCTION_REVIEW_DELAY_MS } from '../../../src-main/core/limits';
import { makeEngine, T0 } from './helpers';

const FORM = { mailType: 'TRANSACTIONAL', websiteUrl: 'https://example.com', useCaseDescription: 'Receipts.' };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function thrown(fn: () => unknown): SesError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SesError);
    return e as SesError;
  }
  throw new Error('expected a SesError');
}

describe('account details', () => {
  it('are absent until PutAccountDetails, then stored without opening a review', () => {
    const { engine } = makeEngine({ account: {} });
    expect(engine.account.get().details).toBeNull();
    engine.account.putDetails({ ...FORM, contactLanguage: 'JA', additionalContactEmailAddresses: ['ops@example.com'] });
    expect(engine.account.get().details).toEqual({
      mailType: 'TRANSACTIONAL',
      websiteUrl: 'https://example.com',
      contactLanguage: 'JA',
      useCaseDescription: 'Receipts.',
      additionalContactEmailAddresses: ['ops@example.com'],
      review: null,
    });
    expect(engine.account.get().productionAccessEnabled).toBe(false);
  });

  it('are checked as the model constrains them, every problem at once', () => {
    const { engine } = makeEngine({ account: {} });
    const err = thrown(() =>
      engine.account.putDetails({ mailType: 'SPAM', websiteUrl: 'example.com', contactLanguage: 'FR', additionalContactEmailAddresses: ['a@b.co', 'x'] }),
    );
    expect(err.kind).toBe('ValidationError');
    expect(err.message).toBe(
      '4 validation errors detected: ' +
        "Value 'SPAM' at 'mailType' failed to satisfy constraint: Member must satisfy enum value set: [MARKETING, TRANSACTIONAL]; " +
        "Value at 'websiteURL' failed to satisfy constraint: Member must satisfy regular expression pattern: ^https?://.+; " +
        "Value 'FR' at 'contactLanguage' failed to satisfy constraint: Member must satisfy enum value set: [EN, JA]; " +
        "Value at 'additionalContactEmailAddresses.2.member' failed to satisfy constraint: Member must have length between 6 and 254, inclusive",
    );
    expect(engine.account.get().details).toBeNull();
    expect(detailsProblems({ mailType: 'MARKETING', websiteUrl: '' })).toEqual([
      "Value at 'websiteURL' failed to satisfy constraint: Member must have length between 1 and 1000, inclusive",
    ]);
    expect(detailsProblems({ mailType: 'MARKETING', websiteUrl: 'http://x', additionalContactEmailAddresses: Array(5).fill('a@example.com') })).toHaveLength(1);
  });
});

describe('production-access review', () => {
  it('opens PENDING with a CaseId, refuses a second request with Conflict, and is GRANTED after the delay', () => {
    const { engine, clock } = makeEngine({ account: {} });
    engine.account.putDetails({ ...FORM, productionAccessEnabled: true });
    const pending = engine.account.get();
    expect(pending.productionAccessEnabled).toBe(false);
    expect(pending.details?.review).toMatchObject({ status: 'PENDING', openedAt: T0, decidesAt: T0 + PRODUCTION_REVIEW_DELAY_MS, decidedAt: null });
    const caseId = pending.details!.review!.caseId;
    expect(caseId).toMatch(/^\d{10}$/);

    const err = thrown(() => engine.account.putDetails({ ...FORM, mailType: 'MARKETING', productionAccessEnabled: true }));
    expect(err.kind).toBe('Conflict');
    expect(err.wire.v2).toBe('ConflictException');
    expect(err.message).toContain(caseId);
    expect(engine.account.get().details?.mailType).toBe('TRANSACTIONAL');

    clock.advance(PRODUCTION_REVIEW_DELAY_MS - 1);
    expect(engine.account.get().details?.review?.status).toBe('PENDING');
    expect(engine.account.inSandbox()).toBe(true);
    clock.advance(1);
    const granted = engine.account.get();
    expect(granted.details?.review).toEqual({ status: 'GRANTED', caseId, openedAt: T0, decidesAt: null, decidedAt: T0 + PRODUCTION_REVIEW_DELAY_MS });
    expect(granted.productionAccessEnabled).toBe(true);
    expect(granted.sendQuota).toMatchObject({ max24HourSend: PRODUCTION_MAX_24_HOUR_SEND, maxSendRate: PRODUCTION_MAX_SEND_RATE });
    expect(engine.account.quota()).toMatchObject({ max24HourSend: 50_000, maxSendRate: 14 });

    // Decided: new details are accepted again, and the granted case stays on record.
    engine.account.putDetails({ ...FORM, mailType: 'MARKETING', productionAccessEnabled: true });
    expect(engine.account.get().details).toMatchObject({ mailType: 'MARKETING', review: { status: 'GRANTED', caseId } });
  });

  it('time travel grants it', () => {
    const { engine } = makeEngine({ account: {} });
    engine.account.putDetails({ ...FORM, productionAccessEnabled: true });
    engine.time.advance(PRODUCTION_REVIEW_DELAY_MS);
    expect(engine.account.get()).toMatchObject({ productionAccessEnabled: true, details: { review: { status: 'GRANTED' } } });
  });

  it('opens no review for an account already in production, or without ProductionAccessEnabled', () => {
    const { engine } = makeEngine({ account: {} });
    engine.account.putDetails({ ...FORM, productionAccessEnabled: false });
    expect(engine.account.get().details?.review).toBeNull();
    engine.account.update({ sandbox: false });
    engine.account.putDetails({ ...FORM, productionAccessEnabled: true });
    expect(engine.account.get().details?.review).toBeNull();
  });

  it('a grant keeps quotas Sesame already set higher (or unlimited)', () => {
    const { engine, clock } = makeEngine({ account: { max24HourSend: -1, maxSendRate: 100 } });
    engine.account.putDetails({ ...FORM, productionAccessEnabled: true });
    clock.advance(PRODUCTION_REVIEW_DELAY_MS);
    expect(engine.account.quota()).toMatchObject({ max24HourSend: -1, maxSendRate: 100 });
  });

  it('survives a restart (decided lazily afterwards) and is forgotten by reset', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-review-'));
    dirs.push(dir);
    const clock = new FakeClock(T0);
    const open = () =>
      createEngine({ region: 'us-east-1', accountId: '123456789012', dbPath: join(dir, 'db.sqlite'), maxMessages: 10, clock, ids: sequentialIds() });
    const first = open();
    first.account.putDetails({ ...FORM, productionAccessEnabled: true });
    const caseId = first.account.get().details!.review!.caseId;
    first.close();
    clock.advance(PRODUCTION_REVIEW_DELAY_MS);
    const second = open();
    expect(second.account.get()).toMatchObject({ productionAccessEnabled: true, details: { review: { status: 'GRANTED', caseId } } });
    second.reset();
    expect(second.account.get()).toMatchObject({ productionAccessEnabled: false, details: null, sendQuota: { max24HourSend: 200, maxSendRate: 1 } });
    second.close();
  });
});

describe('reset', () => {
  it('applies the start-up overrides again', () => {
    const { engine } = makeEngine(); // catcher overrides: auto-verify, production, no practical limits
    engine.account.update({ sendingEnabled: false, autoVerify: false, maxSendRate: 1 });
    engine.reset();
    expect(engine.account.get()).toMatchObject({
      autoVerify: true,
      productionAccessEnabled: true,
      sendingEnabled: true,
      sendQuota: { max24HourSend: -1, maxSendRate: 1_000_000 },
    });
  });
});
