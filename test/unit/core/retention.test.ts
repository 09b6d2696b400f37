// The retention cap: at most maxMessages are kept; the oldest go, with their content and events, in the
// same transaction as the insert that pushed them out.
import { describe, expect, it } from 'vitest';
import { collect, makeEngine, simpleRequest } from './helpers';

describe('retention cap', () => {
  it('prunes the oldest messages with their events and index entries', async () => {
    const { engine } = makeEngine({ maxMessages: 3 });
    const seen = collect(engine);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await engine.sending.send(simpleRequest({ content: { kind: 'simple', subject: { data: `keep ${i}` }, text: { data: 'x' } } }))).messageId);
    }
    expect(engine.messages.list({}).items.map((m) => m.id)).toEqual([ids[4], ids[3], ids[2]]);
    expect(engine.messages.list({})).toMatchObject({ total: 3, unread: 3 });
    for (const gone of ids.slice(0, 2)) {
      expect(await engine.messages.get(gone)).toBeUndefined();
      expect(await engine.messages.raw(gone)).toBeUndefined();
    }
    expect(engine.messages.list({ q: 'keep' }).total).toBe(3);
    expect((await engine.messages.retrospection({})).map((m) => m.Id)).toEqual(ids.slice(2));
    const deleted = seen.filter((e) => e.name === 'messages.deleted').map((e) => e.payload);
    expect(deleted).toEqual([{ ids: [ids[0]] }, { ids: [ids[1]] }]);
    // Quota still counts what was sent, pruned or not.
    expect(engine.account.quota().sentLast24Hours).toBe(5);
  });

  it('keeps the unread count right when read messages are pruned', async () => {
    const { engine } = makeEngine({ maxMessages: 2 });
    const a = await engine.sending.send(simpleRequest());
    engine.messages.markRead(a.messageId, true);
    await engine.sending.send(simpleRequest());
    await engine.sending.send(simpleRequest());
    expect(engine.messages.list({})).toMatchObject({ total: 2, unread: 2 });
  });
});
