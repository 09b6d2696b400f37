// No bad input crashes the engine or leaves half-written state: a few hundred seeded malformed raw messages
// and hostile Simple requests go through engine.sending.send. Each one is either accepted (stored once,
// readable back, charged) or refused with an SES client error (nothing stored, emitted or charged) — never
// an internal failure, never a logged crash.
import { describe, expect, it } from 'vitest';
import { SesError } from '../../../src-main/core/errors';
import type { Engine, SendRequest } from '../../../src-main/core/engine-api';
import { UnreadableMessageError } from '../../../src-main/core/messages/mail-reader';
import { MAX_MESSAGE_BYTES_V2 } from '../../../src-main/core/limits';
import { hostile, malformedMessages, seeded } from '../../helpers/malformed-mail';
import { collect, makeEngine, rawRequest, simpleRequest, smtpCaller } from './helpers';

interface Tally {
  accepted: number;
  /** Refusals by the start of their text. */
  refused: Map<string, number>;
}

/** Sends one request and checks the invariants of either outcome. */
async function sendChecked(engine: Engine, seen: unknown[], req: SendRequest, label: string, tally: Tally): Promise<void> {
  const before = { total: engine.messages.counts().total, sent: engine.account.quota().sentLast24Hours, events: seen.length };
  const outcome = await engine.sending.send(req).then(
    (r) => r,
    (e: unknown) => e,
  );
  if (outcome instanceof Error) {
    expect(outcome, `${label}: ${outcome.stack}`).toBeInstanceOf(SesError);
    expect((outcome as SesError).fault, label).toBe('client');
    expect(engine.messages.counts().total, label).toBe(before.total);
    expect(engine.account.quota().sentLast24Hours, label).toBe(before.sent);
    expect(seen.length, label).toBe(before.events);
    const text = outcome.message.slice(0, 24);
    tally.refused.set(text, (tally.refused.get(text) ?? 0) + 1);
    return;
  }
  const { messageId } = outcome as { messageId: string };
  tally.accepted++;
  expect(engine.messages.counts().total, label).toBe(before.total + 1);
  expect(engine.account.quota().sentLast24Hours, label).toBeGreaterThan(before.sent);
  expect((await engine.messages.raw(messageId))?.length, label).toBeGreaterThan(0);
  // The detail view may refuse mail mailparser cannot read, but only in its documented way.
  await engine.messages.get(messageId).catch((e: unknown) => expect(e, label).toBeInstanceOf(UnreadableMessageError));
}

describe('malformed input through the engine', () => {
  it('300 malformed raw messages through the v1, v2 and SMTP raw paths: accepted whole or refused cleanly', async () => {
    const { engine, logs } = makeEngine({ maxMessages: 10_000 });
    const seen = collect(engine);
    const tally: Tally = { accepted: 0, refused: new Map() };
    const doors: Partial<SendRequest>[] = [{}, { caller: { ...smtpCaller }, maxBytes: MAX_MESSAGE_BYTES_V2 }, { maxBytes: MAX_MESSAGE_BYTES_V2 }];
    const messages = malformedMessages(300);
    for (const [i, { label, data }] of messages.entries()) {
      await sendChecked(engine, seen, rawRequest(data, doors[i % doors.length]), label, tally);
    }
    expect(logs).toEqual([]);
    expect(engine.messages.counts().total).toBe(tally.accepted);
    // The corpus exercises both outcomes and several distinct refusals (a generator that only made one
    // kind of input would prove little).
    expect(tally.accepted).toBeGreaterThan(20);
    expect(tally.refused.size).toBeGreaterThan(4);
  });

  it('100 hostile Simple requests (strings, headers, tags, attachment names, addresses)', async () => {
    const { engine, logs } = makeEngine();
    const seen = collect(engine);
    const tally: Tally = { accepted: 0, refused: new Map() };
    const r = seeded(7);
    for (let i = 0; i < 100; i++) {
      const maybe = <T>(v: T) => (r.next() < 0.5 ? v : undefined);
      const req = simpleRequest({
        from: r.pick(['sender@example.com', `${hostile(r)}@example.com`, hostile(r)]),
        destination: { to: [r.pick(['to@example.com', hostile(r), `"${hostile(r)}" <x@example.com>`])], cc: maybe([hostile(r)]) },
        replyTo: maybe([hostile(r)]),
        tags: maybe([{ name: hostile(r), value: hostile(r) }]),
        content: {
          kind: 'simple',
          subject: { data: hostile(r), charset: maybe(r.pick(['UTF-8', 'iso-8859-1', 'bogus'])) },
          text: maybe({ data: hostile(r) }),
          html: maybe({ data: hostile(r) }),
          headers: maybe([{ name: r.pick(['X-A', hostile(r)]), value: hostile(r) }]),
          attachments: maybe([{ fileName: hostile(r), content: Buffer.from(hostile(r)), contentType: maybe(hostile(r)) }]),
        },
      });
      await sendChecked(engine, seen, req, `simple #${i}`, tally);
    }
    expect(logs).toEqual([]);
    expect(tally.accepted).toBeGreaterThan(5);
    expect(tally.refused.size).toBeGreaterThan(4);
  });
});
