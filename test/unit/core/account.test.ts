// A new account's sandbox defaults and the rolling 24-hour count of recipients (ses-facts §A.8).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src-main/core/clock';
import { createSendWindow, WINDOW_MS } from '../../../src-main/core/account/send-window';
import { createEngine } from '../../../src-main/core/engine';
import { sequentialIds } from '../../../src-main/core/ids';
import { makeEngine, simpleRequest, T0 } from './helpers';

const DAY = 24 * 60 * 60 * 1000;
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('account', () => {
  it('starts as a sandbox account', () => {
    const { engine } = makeEngine({ account: {} });
    expect(engine.account.get()).toEqual({
      productionAccessEnabled: false,
      sendingEnabled: true,
      enforcementStatus: 'HEALTHY',
      dedicatedIpAutoWarmupEnabled: false,
      sendQuota: { max24HourSend: 200, maxSendRate: 1, sentLast24Hours: 0 },
      suppressedReasons: ['BOUNCE', 'COMPLAINT'],
      autoVerify: false,
      details: null,
    });
  });

  it('counts recipients, not messages, over a rolling 24 hours', async () => {
    const { engine, clock } = makeEngine();
    await engine.sending.send(simpleRequest({ destination: { to: ['a@example.com', 'b@example.com'], cc: ['c@example.com'] } }));
    clock.advance(6 * 60 * 60 * 1000);
    await engine.sending.send(simpleRequest());
    expect(engine.account.quota().sentLast24Hours).toBe(4);
    clock.set(T0 + DAY - 1);
    expect(engine.account.quota().sentLast24Hours).toBe(4);
    clock.set(T0 + DAY);
    expect(engine.account.quota().sentLast24Hours).toBe(1);
    clock.set(T0 + DAY + 6 * 60 * 60 * 1000);
    expect(engine.account.get().sendQuota.sentLast24Hours).toBe(0);
    // A clock moved back (tests do this) sees the sends again.
    clock.set(T0 + 1);
    expect(engine.account.quota().sentLast24Hours).toBe(3);
  });

  it('adds up sends in the same millisecond and survives a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-account-'));
    dirs.push(dir);
    const clock = new FakeClock(T0);
    const open = () => createEngine({ account: { autoVerify: true, sandbox: false, max24HourSend: -1, maxSendRate: 1_000_000 }, region: 'us-east-1', accountId: '123456789012', dbPath: join(dir, 'db.sqlite'), maxMessages: 10, clock, ids: sequentialIds() });
    const first = open();
    await first.sending.send(simpleRequest());
    await first.sending.send(simpleRequest({ destination: { to: ['x@example.com', 'y@example.com'] } }));
    first.close();
    clock.advance(60_000);
    const second = open();
    expect(second.account.quota().sentLast24Hours).toBe(3);
    clock.advance(DAY);
    expect(second.account.quota().sentLast24Hours).toBe(0);
    second.close();
  });

  it('evicts expired sends when recording, so the window stays bounded even if nobody reads the quota', () => {
    const pruned: number[] = [];
    const window = createSendWindow({ since: () => [], prune: (before) => void pruned.push(before), clear: () => undefined }, T0);
    const MINUTE = 60_000;
    const sends = 20_000; // ~14 days, one send a minute
    for (let i = 0; i < sends; i++) window.record(T0 + i * MINUTE, 1);
    const live = WINDOW_MS / MINUTE;
    // Live entries plus at most the compaction slack (evicted entries are dropped in batches).
    expect(window.held()).toBeLessThanOrEqual(2 * live + 1024);
    expect(window.total(T0 + (sends - 1) * MINUTE)).toBe(live);
  });

  it('still counts correctly when the clock moves back between sends', () => {
    const rows: { at: number; recipients: number }[] = [];
    const log = { since: (after: number) => rows.filter((r) => r.at > after).sort((a, b) => a.at - b.at), prune: () => undefined, clear: () => undefined };
    const window = createSendWindow(log, T0);
    const send = (at: number, n: number) => {
      rows.push({ at, recipients: n }); // the pipeline commits the send-log row before recording
      window.record(at, n);
    };
    send(T0 + DAY, 2);
    send(T0 + 2 * DAY, 3); // evicts the first
    send(T0 + DAY + 10, 4); // earlier than the last: no eviction, placed in order
    expect(window.total(T0 + 2 * DAY)).toBe(7);
    expect(window.total(T0 + DAY + 10)).toBe(6); // reloaded from the log: 2 + 4
  });
});
