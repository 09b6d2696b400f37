// The rolling daily quota at its edges and the paused account (ses-facts §A.8, §A.3): allowed while
// SentLast24Hours < Max24HourSend ("if you have any remaining, your call goes through"), −1 unlimited,
// simulator recipients not counted, refusals not charged; SHUTDOWN and sending-disabled refuse every send.
import { describe, expect, it } from 'vitest';
import { makeEngine, refusal, simpleRequest } from './helpers';

const DAY = 24 * 60 * 60 * 1000;
/** Verified by default, production, a small quota and no practical rate limit. */
const quotaOf = (max24HourSend: number) =>
  makeEngine({ account: { autoVerify: true, sandbox: false, max24HourSend, maxSendRate: 1_000_000 } });
const recipients = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);

describe('daily quota', () => {
  it('lets a send through while any quota remains, even when it has more recipients than remain', async () => {
    const { engine } = quotaOf(5);
    await engine.sending.send(simpleRequest({ destination: { to: recipients(4) } }));
    await engine.sending.send(simpleRequest({ destination: { to: recipients(3, 's') } })); // 1 left: goes through
    expect(engine.account.quota().sentLast24Hours).toBe(7);
    const err = await refusal(engine.sending.send(simpleRequest()));
    expect(err.kind).toBe('DailyQuotaExceeded');
    expect(err.message).toBe('Daily message quota exceeded.');
    expect(err.wire).toMatchObject({ v2: 'LimitExceededException', v1: 'Throttling', smtp: { code: 454 } });
    expect(engine.messages.counts().total).toBe(2);
    expect(engine.account.quota().sentLast24Hours).toBe(7);
  });

  it('refuses at exactly Max24HourSend and frees up as the window rolls', async () => {
    const { engine, clock } = quotaOf(2);
    await engine.sending.send(simpleRequest());
    clock.advance(60_000);
    await engine.sending.send(simpleRequest());
    expect((await refusal(engine.sending.send(simpleRequest()))).kind).toBe('DailyQuotaExceeded');
    clock.advance(DAY - 60_000 - 1); // the first send is 1 ms short of leaving the window
    expect((await refusal(engine.sending.send(simpleRequest()))).kind).toBe('DailyQuotaExceeded');
    clock.advance(1);
    await engine.sending.send(simpleRequest());
    expect(engine.account.quota().sentLast24Hours).toBe(2);
  });

  it('a quota of 0 refuses everything but the mailbox simulator; −1 is unlimited', async () => {
    const { engine } = quotaOf(0);
    expect((await refusal(engine.sending.send(simpleRequest()))).kind).toBe('DailyQuotaExceeded');
    await engine.sending.send(simpleRequest({ destination: { to: ['success@simulator.amazonses.com'] } }));
    engine.account.update({ max24HourSend: -1 });
    for (let i = 0; i < 3; i++) await engine.sending.send(simpleRequest({ destination: { to: recipients(50) } }));
    expect(engine.account.quota()).toEqual({ max24HourSend: -1, maxSendRate: 1_000_000, sentLast24Hours: 150 });
  });

  it('simulator recipients are not counted; a mixed send counts only the others', async () => {
    const { engine } = quotaOf(1);
    await engine.sending.send(simpleRequest({ destination: { to: ['success@simulator.amazonses.com', 'bounce+x@simulator.amazonses.com'] } }));
    expect(engine.account.quota().sentLast24Hours).toBe(0);
    await engine.sending.send(simpleRequest({ destination: { to: ['a@example.com', 'complaint@simulator.amazonses.com'] } }));
    expect(engine.account.quota().sentLast24Hours).toBe(1);
    // Quota gone: a real recipient is refused, the simulator alone still goes (the rate still applies).
    expect((await refusal(engine.sending.send(simpleRequest()))).kind).toBe('DailyQuotaExceeded');
    await engine.sending.send(simpleRequest({ destination: { to: ['ooto@simulator.amazonses.com'] } }));
  });

  it('a new account has 200 per day: time travel of 24 h frees it', async () => {
    const { engine } = makeEngine({ account: { autoVerify: true, maxSendRate: 1_000_000 } });
    for (let i = 0; i < 4; i++) await engine.sending.send(simpleRequest({ destination: { to: recipients(50, `b${i}-`) } }));
    expect(engine.account.quota()).toEqual({ max24HourSend: 200, maxSendRate: 1_000_000, sentLast24Hours: 200 });
    expect((await refusal(engine.sending.send(simpleRequest()))).kind).toBe('DailyQuotaExceeded');
    engine.time.advance(DAY);
    await engine.sending.send(simpleRequest());
    expect(engine.account.quota().sentLast24Hours).toBe(1);
  });

  it('parallel sends cannot all squeeze through the last remaining unit', async () => {
    const { engine } = quotaOf(5);
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => engine.sending.send(simpleRequest({ destination: { to: [`p${i}@example.com`] } }))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(engine.account.quota().sentLast24Hours).toBe(5);
  });

  it('a reservation whose send never commits lapses', async () => {
    const { engine, clock } = quotaOf(1);
    engine.account.admit(clock.now(), { rateRecipients: 1, quotaRecipients: 1 }); // admitted, never recorded
    expect((await refusal(engine.sending.send(simpleRequest()))).kind).toBe('DailyQuotaExceeded');
    clock.advance(60_000);
    await engine.sending.send(simpleRequest());
  });

  it('a quota refusal does not charge the send rate', async () => {
    const { engine, clock } = makeEngine({ account: { autoVerify: true, sandbox: false, max24HourSend: 1, maxSendRate: 1 } });
    await engine.sending.send(simpleRequest());
    clock.advance(1000);
    expect((await refusal(engine.sending.send(simpleRequest()))).kind).toBe('DailyQuotaExceeded');
    // Had the refused call been charged, this simulator send would be throttled.
    await engine.sending.send(simpleRequest({ destination: { to: ['success@simulator.amazonses.com'] } }));
  });
});

describe('paused account', () => {
  it('sending disabled refuses with AccountSendingPaused; enabling again lets mail through', async () => {
    const { engine } = quotaOf(-1);
    engine.account.update({ sendingEnabled: false });
    const err = await refusal(engine.sending.send(simpleRequest()));
    expect(err.kind).toBe('AccountSendingPaused');
    expect(err.wire).toMatchObject({ v2: 'SendingPausedException', v1: 'AccountSendingPausedException', smtp: { code: 554 } });
    expect(engine.messages.counts().total).toBe(0);
    engine.account.update({ sendingEnabled: true });
    await engine.sending.send(simpleRequest());
  });

  it('SHUTDOWN refuses with SES enforcement text, before the disabled switch; PROBATION still sends', async () => {
    const { engine } = quotaOf(-1);
    engine.account.update({ enforcementStatus: 'SHUTDOWN', sendingEnabled: false });
    const err = await refusal(engine.sending.send(simpleRequest()));
    expect(err.kind).toBe('AccountShutdown');
    expect(err.message).toBe(
      'Sending paused for this account. For more information, please check the inbox of the email address associated with your AWS account.',
    );
    expect(err.wire).toMatchObject({ v2: 'SendingPausedException', v1: 'MessageRejected' });
    engine.account.update({ enforcementStatus: 'PROBATION', sendingEnabled: true });
    await engine.sending.send(simpleRequest());
    expect(engine.account.get().enforcementStatus).toBe('PROBATION');
  });

  it('a paused account is refused before the quota and the rate, and is not charged', async () => {
    const { engine } = makeEngine({ account: { autoVerify: true, sandbox: false, max24HourSend: 0, maxSendRate: 1 } });
    engine.account.update({ sendingEnabled: false });
    expect((await refusal(engine.sending.send(simpleRequest()))).kind).toBe('AccountSendingPaused');
    engine.account.update({ sendingEnabled: true });
    await engine.sending.send(simpleRequest({ destination: { to: ['success@simulator.amazonses.com'] } }));
  });
});
