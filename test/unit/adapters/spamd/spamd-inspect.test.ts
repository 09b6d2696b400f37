// engine.inspect.spam with an injected SpamChecker (core/inspect/spam.ts): results cached per message,
// `refresh` asks again, "not available" is not cached, no checker = off, unknown message = undefined.
import { describe, expect, it } from 'vitest';
import type { SpamChecker, SpamVerdict } from '../../../../src-main/core/inspect/spam';
import { unavailable } from '../../../../src-main/core/inspect/spam';
import { makeEngine, simpleRequest } from '../../core/helpers';

function counting(answers: SpamVerdict[]): SpamChecker & { seen: Buffer[] } {
  const seen: Buffer[] = [];
  return {
    seen,
    check: async (raw) => {
      seen.push(raw);
      return answers[Math.min(seen.length - 1, answers.length - 1)];
    },
  };
}

const SPAM: SpamVerdict = { available: true, isSpam: true, score: 1000, threshold: 5, rules: [{ name: 'GTUBE', score: 1000, description: 'BODY: Generic Test' }], server: 'fake:783' };

async function sendOne(t: ReturnType<typeof makeEngine>): Promise<string> {
  const out = await t.engine.sending.send(simpleRequest());
  return out.messageId;
}

describe('engine.inspect.spam', () => {
  it('checks the stored raw bytes once and answers from the cache; refresh asks again', async () => {
    const checker = counting([SPAM]);
    const t = makeEngine({ spamChecker: checker });
    const id = await sendOne(t);
    const a = await t.engine.inspect.spam(id);
    expect(a).toMatchObject({ ...SPAM, checkedAt: expect.stringMatching(/^2026-01-01T/) });
    expect(checker.seen[0].equals((await t.engine.messages.raw(id))!)).toBe(true);
    expect(await t.engine.inspect.spam(id)).toEqual(a);
    expect(checker.seen).toHaveLength(1);
    await t.engine.inspect.spam(id, { refresh: true });
    expect(checker.seen).toHaveLength(2);
  });
  it('"not available" is asked again next time (spamd may have started since)', async () => {
    const checker = counting([unavailable('Cannot reach spamd'), SPAM]);
    const t = makeEngine({ spamChecker: checker });
    const id = await sendOne(t);
    expect(await t.engine.inspect.spam(id)).toMatchObject({ available: false, reason: 'Cannot reach spamd', hint: expect.stringMatching(/--spamd/) });
    expect(await t.engine.inspect.spam(id)).toMatchObject({ available: true, isSpam: true });
    expect(checker.seen).toHaveLength(2);
  });
  it('no checker: off; a throwing checker: not available; unknown message: undefined', async () => {
    const off = makeEngine();
    expect(await off.engine.inspect.spam(await sendOne(off))).toMatchObject({ available: false, reason: expect.stringMatching(/off/) });
    const boom = makeEngine({ spamChecker: { check: () => Promise.reject(new Error('boom')) } });
    expect(await boom.engine.inspect.spam(await sendOne(boom))).toMatchObject({ available: false, reason: 'boom' });
    expect(await boom.engine.inspect.spam('nope')).toBeUndefined();
  });
});
