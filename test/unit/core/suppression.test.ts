// The account-level suppression list and Sesame's global list (ses-facts §A.12): entries, case rules,
// newest-first paging with filters, effective reasons, feedback listing, the global-list override rule,
// CSV round trips, reset and persistence.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SesError } from '../../../src-main/core/errors';
import type { Engine } from '../../../src-main/core/engine-api';
import { makeEngine, T0 } from './helpers';

const FEEDBACK = { messageId: 'm-1', feedbackId: 'f-1' };

function caught(fn: () => unknown): SesError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SesError);
    return e as SesError;
  }
  throw new Error('expected a SesError');
}

/** Lists `n` addresses one second apart: a0 oldest … a{n-1} newest. */
function listSpaced(engine: Engine, advance: (ms: number) => void, n: number, reason: (i: number) => 'BOUNCE' | 'COMPLAINT' = () => 'BOUNCE') {
  for (let i = 0; i < n; i++) {
    engine.suppression.put(`a${i}@example.com`, reason(i));
    advance(1000);
  }
}

describe('account-level suppression list', () => {
  it('puts, gets and deletes; lookups ignore case and keep the address as last listed', () => {
    const { engine, clock } = makeEngine();
    const put = engine.suppression.put('Bob@Example.com', 'BOUNCE');
    expect(put).toEqual({ emailAddress: 'Bob@Example.com', reason: 'BOUNCE', lastUpdateTime: T0, messageId: null, feedbackId: null });
    expect(engine.suppression.get('bob@example.COM')).toEqual(put);

    clock.advance(5000);
    engine.suppression.put('bob@example.com', 'COMPLAINT');
    expect(engine.suppression.get('BOB@EXAMPLE.COM')).toEqual({
      emailAddress: 'bob@example.com',
      reason: 'COMPLAINT',
      lastUpdateTime: T0 + 5000,
      messageId: null,
      feedbackId: null,
    });
    expect(engine.suppression.list().items).toHaveLength(1);

    expect(engine.suppression.delete('BOB@example.com')).toBe(true);
    expect(engine.suppression.get('bob@example.com')).toBeUndefined();
    expect(engine.suppression.delete('bob@example.com')).toBe(false);
  });

  it('refuses addresses that are not local@domain', () => {
    const { engine } = makeEngine();
    for (const bad of ['', 'bob', '@example.com', 'bob@', 'bo b@example.com', 'Bob <bob@example.com>']) {
      const err = caught(() => engine.suppression.put(bad, 'BOUNCE'));
      expect(err.kind).toBe('InvalidParameterValue');
      expect(err.message).toBe(`Invalid email address ${bad}.`);
    }
    expect(engine.suppression.list().items).toEqual([]);
  });

  it('lists newest first and pages with tokens until the end', () => {
    const { engine, clock } = makeEngine();
    listSpaced(engine, (ms) => clock.advance(ms), 5);
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = engine.suppression.list({ pageSize: 2, nextToken: token });
      seen.push(...page.items.map((d) => d.emailAddress));
      token = page.nextToken ?? undefined;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(['a4@example.com', 'a3@example.com', 'a2@example.com', 'a1@example.com', 'a0@example.com']);
  });

  it('orders entries of the same instant by address and pages through them without loss', () => {
    const { engine } = makeEngine();
    for (const a of ['c@x.com', 'a@x.com', 'b@x.com']) engine.suppression.put(a, 'BOUNCE');
    const first = engine.suppression.list({ pageSize: 2 });
    expect(first.items.map((d) => d.emailAddress)).toEqual(['a@x.com', 'b@x.com']);
    const second = engine.suppression.list({ pageSize: 2, nextToken: first.nextToken! });
    expect(second.items.map((d) => d.emailAddress)).toEqual(['c@x.com']);
    expect(second.nextToken).toBeNull();
  });

  it('filters by reason and by an inclusive date range', () => {
    const { engine, clock } = makeEngine();
    listSpaced(engine, (ms) => clock.advance(ms), 6, (i) => (i % 2 ? 'COMPLAINT' : 'BOUNCE'));
    const names = (q: Parameters<Engine['suppression']['list']>[0]) => engine.suppression.list(q).items.map((d) => d.emailAddress);
    expect(names({ reasons: ['COMPLAINT'] })).toEqual(['a5@example.com', 'a3@example.com', 'a1@example.com']);
    expect(names({ reasons: ['BOUNCE', 'COMPLAINT'] })).toHaveLength(6);
    expect(names({ startDate: T0 + 2000, endDate: T0 + 4000 })).toEqual(['a4@example.com', 'a3@example.com', 'a2@example.com']);
    expect(names({ reasons: ['BOUNCE'], startDate: T0 + 1000 })).toEqual(['a4@example.com', 'a2@example.com']);
  });

  it('refuses a token from another query, or one it never issued (InvalidNextToken)', () => {
    const { engine, clock } = makeEngine();
    listSpaced(engine, (ms) => clock.advance(ms), 3);
    const { nextToken } = engine.suppression.list({ pageSize: 1, reasons: ['BOUNCE'] });
    expect(engine.suppression.list({ pageSize: 1, reasons: ['BOUNCE'], nextToken: nextToken! }).items).toHaveLength(1);
    for (const q of [{ reasons: ['COMPLAINT' as const] }, { reasons: ['BOUNCE' as const], startDate: T0 }]) {
      const err = caught(() => engine.suppression.list({ ...q, pageSize: 1, nextToken: nextToken! }));
      expect(err.kind).toBe('InvalidNextToken');
      expect(err.wire.v2).toBe('InvalidNextTokenException');
    }
    expect(caught(() => engine.suppression.list({ nextToken: 'garbage' })).kind).toBe('InvalidNextToken');
  });

  it('check suppresses only when the listed reason is among the effective reasons', () => {
    const { engine } = makeEngine();
    engine.suppression.put('b@example.com', 'BOUNCE');
    expect(engine.suppression.check('B@example.com', ['BOUNCE'])).toMatchObject({ emailAddress: 'b@example.com' });
    expect(engine.suppression.check('b@example.com', ['BOUNCE', 'COMPLAINT'])).toBeDefined();
    expect(engine.suppression.check('b@example.com', ['COMPLAINT'])).toBeUndefined();
    expect(engine.suppression.check('b@example.com', [])).toBeUndefined();
    expect(engine.suppression.check('other@example.com', ['BOUNCE'])).toBeUndefined();
  });

  it('recordFeedback lists with the message and feedback ids, only for effective reasons, never a simulator address', () => {
    const { engine, clock } = makeEngine();
    clock.advance(42);
    expect(engine.suppression.recordFeedback('hard@example.com', 'BOUNCE', FEEDBACK, ['BOUNCE', 'COMPLAINT'])).toBe(true);
    expect(engine.suppression.get('hard@example.com')).toEqual({
      emailAddress: 'hard@example.com',
      reason: 'BOUNCE',
      lastUpdateTime: T0 + 42,
      messageId: 'm-1',
      feedbackId: 'f-1',
    });
    expect(engine.suppression.recordFeedback('spam@example.com', 'COMPLAINT', FEEDBACK, ['BOUNCE'])).toBe(false);
    expect(engine.suppression.recordFeedback('spam@example.com', 'COMPLAINT', FEEDBACK, [])).toBe(false);
    expect(engine.suppression.get('spam@example.com')).toBeUndefined();
    for (const sim of ['bounce@simulator.amazonses.com', 'complaint+label@simulator.amazonses.com', 'Bounce@SIMULATOR.amazonses.com']) {
      expect(engine.suppression.recordFeedback(sim, 'BOUNCE', FEEDBACK, ['BOUNCE', 'COMPLAINT'])).toBe(false);
    }
    expect(engine.suppression.list().items.map((d) => d.emailAddress)).toEqual(['hard@example.com']);
    // Listed by hand, a simulator address is honoured like any other.
    engine.suppression.put('success@simulator.amazonses.com', 'BOUNCE');
    expect(engine.suppression.check('success@simulator.amazonses.com', ['BOUNCE'])).toBeDefined();
  });
});

describe('global suppression list', () => {
  it('adds, removes and lists addresses, ignoring case', () => {
    const { engine } = makeEngine();
    const g = engine.suppression.globalList;
    expect(g.add('Zed@Example.com')).toBe(true);
    expect(g.add('zed@example.com')).toBe(false);
    expect(g.add('amy@example.com')).toBe(true);
    expect(g.has('ZED@example.com')).toBe(true);
    expect(g.list()).toEqual(['amy@example.com', 'zed@example.com']);
    expect(g.remove('AMY@example.com')).toBe(true);
    expect(g.remove('amy@example.com')).toBe(false);
    expect(g.list()).toEqual(['zed@example.com']);
    expect(caught(() => g.add('not an address')).kind).toBe('InvalidParameterValue');
  });

  it('is overridden by the account-level list: a global hit counts only where no account-level suppression applies', () => {
    const { engine } = makeEngine();
    engine.suppression.globalList.add('global@example.com');
    engine.suppression.globalList.add('both@example.com');
    engine.suppression.put('both@example.com', 'COMPLAINT');
    const lookup = engine.suppression.lookup;
    expect(lookup('global@example.com', ['BOUNCE', 'COMPLAINT'])).toBeUndefined();
    expect(lookup('global@example.com', [])).toEqual({ list: 'global', address: 'global@example.com' });
    expect(lookup('both@example.com', ['COMPLAINT'])).toMatchObject({ list: 'account', entry: { reason: 'COMPLAINT' } });
    expect(lookup('both@example.com', ['BOUNCE'])).toBeUndefined();
    expect(lookup('both@example.com', [])).toEqual({ list: 'global', address: 'both@example.com' });
    expect(lookup('nobody@example.com', [])).toBeUndefined();
  });
});

describe('CSV import and export', () => {
  it('exports EmailAddress,Reason newest first, quoting where needed', () => {
    const { engine, clock } = makeEngine();
    engine.suppression.put('old@example.com', 'BOUNCE');
    clock.advance(1000);
    engine.suppression.put('"a,b"@example.com', 'COMPLAINT');
    expect(engine.suppression.exportCsv()).toBe('EmailAddress,Reason\r\n"""a,b""@example.com",COMPLAINT\r\nold@example.com,BOUNCE\r\n');
  });

  it('imports rows as SES bulk files write them, reporting bad rows by line and landing the rest', () => {
    const { engine } = makeEngine();
    engine.suppression.put('known@example.com', 'BOUNCE');
    const text = [
      'EmailAddress,Reason',
      'recipient1@example.com,BOUNCE',
      'recipient2@example.com, COMPLAINT',
      '',
      'known@example.com,complaint',
      'broken,BOUNCE',
      'x@example.com,SPAM',
      'y@example.com,BOUNCE,extra',
    ].join('\n');
    expect(engine.suppression.importCsv(text)).toEqual({
      added: 2,
      updated: 1,
      errors: [
        { line: 6, message: 'Invalid email address broken.' },
        { line: 7, message: "Invalid reason 'SPAM': use BOUNCE or COMPLAINT." },
        { line: 8, message: 'Expected two columns (EmailAddress,Reason), found 3.' },
      ],
    });
    expect(engine.suppression.get('recipient2@example.com')!.reason).toBe('COMPLAINT');
    expect(engine.suppression.get('known@example.com')!.reason).toBe('COMPLAINT');
    expect(engine.suppression.get('x@example.com')).toBeUndefined();
  });

  it('round-trips: export, reset, import gives the same list', () => {
    const { engine, clock } = makeEngine();
    listSpaced(engine, (ms) => clock.advance(ms), 4, (i) => (i === 2 ? 'COMPLAINT' : 'BOUNCE'));
    engine.suppression.put('"quoted,name"@example.com', 'BOUNCE');
    const csv = engine.suppression.exportCsv();
    const before = engine.suppression.list().items.map((d) => [d.emailAddress, d.reason]);
    engine.suppression.reset();
    expect(engine.suppression.list().items).toEqual([]);
    expect(engine.suppression.importCsv(csv)).toEqual({ added: 5, updated: 0, errors: [] });
    const after = engine.suppression.list().items.map((d) => [d.emailAddress, d.reason]);
    expect(after.sort()).toEqual(before.sort());
  });
});

describe('suppression state', () => {
  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('survives a restart, and engine.reset() empties both lists', () => {
    dir = mkdtempSync(join(tmpdir(), 'sesame-suppression-'));
    const dbPath = join(dir, 'sesame.db');
    const first = makeEngine({ dbPath }).engine;
    first.suppression.recordFeedback('kept@example.com', 'BOUNCE', FEEDBACK, ['BOUNCE']);
    first.suppression.globalList.add('global@example.com');
    first.close();

    const second = makeEngine({ dbPath }).engine;
    expect(second.suppression.get('kept@example.com')).toMatchObject({ messageId: 'm-1', feedbackId: 'f-1' });
    expect(second.suppression.globalList.list()).toEqual(['global@example.com']);
    second.reset();
    expect(second.suppression.list().items).toEqual([]);
    expect(second.suppression.globalList.list()).toEqual([]);
    second.close();

    const third = makeEngine({ dbPath }).engine;
    expect(third.suppression.globalList.has('global@example.com')).toBe(false);
    third.close();
  });
});
