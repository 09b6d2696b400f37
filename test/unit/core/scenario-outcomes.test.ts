// What scenario rules do to mail, in Sesame's time (FakeClock + time travel): hard bounces that list the
// address, soft bounces with SES-style retries, complaints after a delay, delayed deliveries, rejections;
// the scheduler's persistence across a restart, its domain events, and deleted messages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessageSummary, SesEventRecord } from '../../../src-main/contract/messages';
import { collect, makeEngine, simpleRequest, T0 } from './helpers';

type Engine = ReturnType<typeof makeEngine>['engine'];
const iso = (ms: number) => new Date(ms).toISOString();
const SEC = 1000;

interface Outcome {
  eventType: string;
  [k: string]: unknown;
}

async function events(engine: Engine, id: string): Promise<Outcome[]> {
  return (await engine.messages.get(id))!.events.map((e) => {
    const { mail: _mail, ...rest } = e.payload as Outcome;
    return rest;
  });
}
const types = async (engine: Engine, id: string) => (await events(engine, id)).map((e) => e.eventType);
const status = async (engine: Engine, id: string) => (await engine.messages.get(id))!.status;
/** Lets asynchronous mail capture (DSNs of scheduled steps) finish; no Sesame time passes. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

async function sendTo(engine: Engine, to: string) {
  return (await engine.sending.send(simpleRequest({ destination: { to: [to] } }))).messageId;
}

describe('hard-bounce rules', () => {
  it('bounce at once with the chosen subtype and code, list the address for BOUNCE, and mail a DSN', async () => {
    const { engine } = makeEngine();
    engine.scenarios.create({
      match: { kind: 'glob', pattern: 'gone-*@qa.example.com' },
      action: { kind: 'hard-bounce', bounceSubType: 'NoEmail', diagnosticCode: 'smtp; 550 5.1.1 <{address}> no such user' },
    });
    const id = await sendTo(engine, 'gone-1@qa.example.com');
    const [, bounce] = await events(engine, id);
    expect(bounce).toEqual({
      eventType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'NoEmail',
        bouncedRecipients: [
          { emailAddress: 'gone-1@qa.example.com', action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 <gone-1@qa.example.com> no such user' },
        ],
        timestamp: iso(T0),
        feedbackId: expect.stringMatching(/-000000$/),
        remoteMtaIp: '127.0.0.1',
        reportingMTA: 'dns; a8-77.smtp-out.amazonses.com',
      },
    });
    const feedbackId = (bounce.bounce as { feedbackId: string }).feedbackId;
    expect(engine.suppression.get('gone-1@qa.example.com')).toMatchObject({ reason: 'BOUNCE', messageId: id, feedbackId });
    const dsn = engine.messages.list({ limit: 10 }).items.find((m) => m.operation === 'BounceNotification');
    expect((await engine.messages.get(dsn!.id))!.relatedId).toBe(id);

    // Listed now: the next send is suppressed by the account list, before the rule.
    const next = await sendTo(engine, 'gone-1@qa.example.com');
    expect((await events(engine, next))[1]).toMatchObject({ bounce: { bounceSubType: 'OnAccountSuppressionList' } });
  });

  it('do not list the address when BOUNCE is not among the effective reasons, nor for an OnAccountSuppressionList subtype', async () => {
    const { engine } = makeEngine();
    engine.account.update({ suppressedReasons: ['COMPLAINT'] });
    engine.scenarios.create({ match: { kind: 'address', pattern: 'a@qa.example.com' }, action: { kind: 'hard-bounce' } });
    engine.scenarios.create({ match: { kind: 'address', pattern: 'b@qa.example.com' }, action: { kind: 'hard-bounce', bounceSubType: 'OnAccountSuppressionList' } });
    await sendTo(engine, 'a@qa.example.com');
    engine.account.update({ suppressedReasons: ['BOUNCE', 'COMPLAINT'] });
    const id = await sendTo(engine, 'b@qa.example.com');
    expect(engine.suppression.get('a@qa.example.com')).toBeUndefined();
    expect(engine.suppression.get('b@qa.example.com')).toBeUndefined();
    const [, b] = await events(engine, id);
    expect(b.bounce).toMatchObject({ bounceSubType: 'OnAccountSuppressionList', reportingMTA: 'dns; amazonses.com' });
    expect(b.bounce).not.toHaveProperty('remoteMtaIp');
  });
});

describe('soft-bounce rules: SES-style retries in Sesame time', () => {
  it('a DeliveryDelay per failed attempt, then a Transient bounce and a DSN when retries run out', async () => {
    const { engine } = makeEngine();
    engine.scenarios.create({ match: { kind: 'domain', pattern: 'full.test' }, action: { kind: 'soft-bounce', bounceSubType: 'MailboxFull', retries: 2, retryIntervalSeconds: 300 } });
    const id = await sendTo(engine, 'box@full.test');
    expect(await types(engine, id)).toEqual(['Send', 'DeliveryDelay']);
    expect(await status(engine, id)).toBe('delayed');
    const [, delay] = await events(engine, id);
    expect(JSON.stringify(delay)).toBe(
      JSON.stringify({
        eventType: 'DeliveryDelay',
        deliveryDelay: {
          timestamp: iso(T0),
          delayType: 'MailboxFull',
          expirationTime: iso(T0 + 14 * 3600 * SEC),
          delayedRecipients: [{ emailAddress: 'box@full.test', status: '4.2.2', diagnosticCode: 'smtp; 452 4.2.2 The email account that you tried to reach is over quota' }],
          reportingMTA: 'dns; a8-77.smtp-out.amazonses.com',
        },
      }),
    );
    expect(engine.time.nextDueAt()).toBe(T0 + 300 * SEC);

    expect(engine.time.advance(299 * SEC).ran).toBe(0);
    expect(engine.time.advance(1 * SEC).ran).toBe(1);
    expect(await types(engine, id)).toEqual(['Send', 'DeliveryDelay', 'DeliveryDelay']);
    expect(engine.time.advance(300 * SEC).ran).toBe(1);
    await flush();
    const all = await events(engine, id);
    expect(all.map((e) => e.eventType)).toEqual(['Send', 'DeliveryDelay', 'DeliveryDelay', 'Bounce']);
    expect(all[3].bounce).toEqual({
      bounceType: 'Transient',
      bounceSubType: 'MailboxFull',
      bouncedRecipients: [{ emailAddress: 'box@full.test', action: 'failed', status: '4.2.2', diagnosticCode: 'smtp; 452 4.2.2 The email account that you tried to reach is over quota' }],
      timestamp: iso(T0 + 600 * SEC),
      feedbackId: expect.stringMatching(new RegExp(`^0100${(T0 + 600 * SEC).toString(16).padStart(12, '0')}-`)), // made when it bounced
      remoteMtaIp: '127.0.0.1',
      reportingMTA: 'dns; a8-77.smtp-out.amazonses.com',
    });
    expect(await status(engine, id)).toBe('bounced');
    expect(engine.time.nextDueAt()).toBeNull();
    expect(engine.suppression.get('box@full.test')).toBeUndefined(); // soft bounces never list
    const dsn = engine.messages.list({ limit: 10 }).items.find((m) => m.operation === 'BounceNotification');
    expect(dsn).toBeDefined();
    expect((await engine.messages.raw(dsn!.id))!.toString()).toContain('Status: 4.2.2');
  });

  it('ends in a Delivery when the last attempt succeeds; the injected clock and runDue work as time travel does', async () => {
    const { engine, clock } = makeEngine();
    engine.scenarios.create({ match: { kind: 'domain', pattern: 'flaky.test' }, action: { kind: 'soft-bounce', retries: 3, retryIntervalSeconds: 60, finalOutcome: 'delivered' } });
    const id = await sendTo(engine, 'a@flaky.test');
    clock.advance(60 * SEC);
    expect(engine.time.runDue()).toBe(1);
    clock.advance(10 * 60 * SEC); // one jump past everything: the remaining steps run in order
    expect(engine.time.runDue()).toBe(2);
    const all = await events(engine, id);
    expect(all.map((e) => e.eventType)).toEqual(['Send', 'DeliveryDelay', 'DeliveryDelay', 'DeliveryDelay', 'Delivery']);
    expect(all.slice(1, 4).map((e) => (e.deliveryDelay as { timestamp: string }).timestamp)).toEqual([iso(T0), iso(T0 + 60 * SEC), iso(T0 + 120 * SEC)]);
    expect(all[4].delivery).toMatchObject({ timestamp: iso(T0 + 180 * SEC), processingTimeMillis: 180 * SEC, recipients: ['a@flaky.test'] });
    expect((await engine.messages.get(id))!.events[4].payload).toMatchObject({ mail: { tags: { 'ses:outgoing-ip': ['54.240.9.183'] } } });
    expect(await status(engine, id)).toBe('delivered');
  });
});

describe('complain, delay and reject rules', () => {
  it('complain: Delivery now, Complaint later (arrivalDate = delivery), the address listed for COMPLAINT', async () => {
    const { engine } = makeEngine();
    engine.scenarios.create({ match: { kind: 'address', pattern: 'angry@example.com' }, action: { kind: 'complain', delaySeconds: 3600, feedbackType: 'not-spam' } });
    const id = await sendTo(engine, 'angry@example.com');
    expect(await types(engine, id)).toEqual(['Send', 'Delivery']);
    engine.time.advance(3600 * SEC);
    const all = await events(engine, id);
    expect(JSON.stringify(all[2])).toBe(
      JSON.stringify({
        eventType: 'Complaint',
        complaint: {
          complainedRecipients: [{ emailAddress: 'angry@example.com' }],
          timestamp: iso(T0 + 3600 * SEC),
          feedbackId: (all[2].complaint as { feedbackId: string }).feedbackId,
          complaintSubType: null,
          userAgent: 'Sesame Scenario Rules',
          complaintFeedbackType: 'not-spam',
          arrivalDate: iso(T0),
        },
      }),
    );
    expect(await status(engine, id)).toBe('complained');
    expect(engine.suppression.get('angry@example.com')).toMatchObject({ reason: 'COMPLAINT', messageId: id });
  });

  it('delay: a short hold delivers later with no DeliveryDelay; a long one records a DeliveryDelay first', async () => {
    const { engine } = makeEngine();
    engine.scenarios.create({ match: { kind: 'address', pattern: 'short@example.com' }, action: { kind: 'delay', delaySeconds: 90 } });
    engine.scenarios.create({ match: { kind: 'address', pattern: 'long@example.com' }, action: { kind: 'delay', delaySeconds: 1800, delayType: 'RecipientServerError' } });
    const short = await sendTo(engine, 'short@example.com');
    const long = await sendTo(engine, 'long@example.com');
    expect(await types(engine, short)).toEqual(['Send']);
    expect(await status(engine, short)).toBe('accepted');
    expect(await types(engine, long)).toEqual(['Send', 'DeliveryDelay']);
    expect((await events(engine, long))[1].deliveryDelay).toMatchObject({ delayType: 'RecipientServerError' });
    engine.time.advance(90 * SEC);
    expect((await events(engine, short))[1].delivery).toMatchObject({ processingTimeMillis: 90 * SEC });
    engine.time.advance(1800 * SEC);
    expect(await types(engine, long)).toEqual(['Send', 'DeliveryDelay', 'Delivery']);
    expect(await status(engine, long)).toBe('delivered');
  });

  it('reject: the whole message gets one Reject, no delivery for anyone', async () => {
    const { engine } = makeEngine();
    engine.scenarios.create({ match: { kind: 'domain', pattern: 'blocked.test' }, action: { kind: 'reject' } });
    const { messageId } = await engine.sending.send(simpleRequest({ destination: { to: ['fine@example.com', 'x@blocked.test'] } }));
    expect(await events(engine, messageId)).toEqual([
      { eventType: 'Send', send: {} },
      { eventType: 'Reject', reject: { reason: 'Bad content' } },
    ]);
    expect(await status(engine, messageId)).toBe('rejected');
  });

  it('groups recipients of one rule outcome at the same moment into one event', async () => {
    const { engine } = makeEngine();
    engine.scenarios.create({ match: { kind: 'domain', pattern: 'later.test' }, action: { kind: 'complain', delaySeconds: 10 } });
    const { messageId } = await engine.sending.send(simpleRequest({ destination: { to: ['a@later.test', 'b@later.test', 'c@example.com'] } }));
    engine.time.advance(10 * SEC);
    const all = await events(engine, messageId);
    expect(all.map((e) => e.eventType)).toEqual(['Send', 'Delivery', 'Complaint']);
    expect((all[1].delivery as { recipients: string[] }).recipients).toEqual(['a@later.test', 'b@later.test', 'c@example.com']);
    expect((all[2].complaint as { complainedRecipients: unknown[] }).complainedRecipients).toEqual([{ emailAddress: 'a@later.test' }, { emailAddress: 'b@later.test' }]);
  });
});

describe('the scheduler', () => {
  it('emits event.recorded and message.updated (new status) for each step it runs', async () => {
    const { engine } = makeEngine();
    engine.scenarios.create({ match: { kind: 'address', pattern: 'a@example.com' }, action: { kind: 'complain', delaySeconds: 5 } });
    const id = await sendTo(engine, 'a@example.com');
    const seen = collect(engine);
    engine.time.advance(5 * SEC);
    expect(seen.map((s) => s.name)).toEqual(['event.recorded', 'message.updated']);
    expect((seen[0].payload as SesEventRecord).eventType).toBe('Complaint');
    expect(seen[1].payload as MessageSummary).toMatchObject({ id, status: 'complained' });
  });

  it('keeps scheduled outcomes across a restart and runs them when their time comes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-schedule-'));
    try {
      const dbPath = join(dir, 'sesame.db');
      const first = makeEngine({ dbPath });
      first.engine.scenarios.create({ match: { kind: 'domain', pattern: 'retry.test' }, action: { kind: 'soft-bounce', retries: 2, retryIntervalSeconds: 600 } });
      const id = await sendTo(first.engine, 'x@retry.test');
      first.engine.time.advance(600 * SEC);
      first.engine.close();

      const again = makeEngine({ dbPath });
      expect(again.engine.time.nextDueAt()).toBe(T0 + 1200 * SEC);
      expect(again.engine.time.advance(600 * SEC).ran).toBe(1);
      expect(await types(again.engine, id)).toEqual(['Send', 'DeliveryDelay', 'DeliveryDelay', 'Bounce']);
      expect(again.engine.time.nextDueAt()).toBeNull();
      await flush();
      again.engine.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('drops the outcomes of a deleted message; a reset clears the schedule', async () => {
    const { engine } = makeEngine();
    engine.scenarios.create({ match: { kind: 'glob', pattern: '*@wait.test' }, action: { kind: 'delay', delaySeconds: 60 } });
    const gone = await sendTo(engine, 'a@wait.test');
    await sendTo(engine, 'b@wait.test');
    engine.messages.delete([gone]);
    expect(engine.time.advance(60 * SEC).ran).toBe(1);
    await sendTo(engine, 'c@wait.test');
    expect(engine.time.nextDueAt()).not.toBeNull();
    engine.reset();
    expect(engine.time.nextDueAt()).toBeNull();
  });
});
