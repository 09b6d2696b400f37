// QA scenario rules as a service: create with defaults, update, delete, reorder, reset, persistence, clear
// errors for bad input, and how rules match recipients (address, domain, glob, regex; first enabled wins;
// after the simulator and the suppression list).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SesError } from '../../../src-main/core/errors';
import { makeEngine, simpleRequest } from './helpers';

const bounceAll = { match: { kind: 'domain', pattern: 'qa.example.com' }, action: { kind: 'hard-bounce' } };

function refused(fn: () => unknown): SesError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(SesError);
    return err as SesError;
  }
  throw new Error('expected a refusal');
}

describe('scenario rules service', () => {
  it('creates rules with every default filled in, lists them in order, inserts at a position', () => {
    const { engine } = makeEngine();
    const a = engine.scenarios.create(bounceAll);
    expect(a).toEqual({
      id: expect.any(String),
      name: 'qa.example.com',
      enabled: true,
      match: { kind: 'domain', pattern: 'qa.example.com' },
      action: {
        kind: 'hard-bounce',
        bounceSubType: 'General',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 <{address}>: Recipient address rejected: User unknown',
      },
      countsTowardReputation: true,
    });
    const b = engine.scenarios.create({ name: 'slow', match: { kind: 'glob', pattern: 'slow-*@example.com' }, action: { kind: 'soft-bounce' } });
    expect(b.action).toEqual({
      kind: 'soft-bounce',
      bounceSubType: 'General',
      delayType: 'TransientCommunicationFailure',
      retries: 3,
      retryIntervalSeconds: 600,
      finalOutcome: 'bounced',
      status: '4.4.1',
      diagnosticCode: 'smtp; 421 4.4.1 Unable to connect to remote host',
    });
    const first = engine.scenarios.create({ match: { kind: 'address', pattern: 'x@example.com' }, action: { kind: 'reject' } }, 0);
    expect(engine.scenarios.list().map((r) => r.id)).toEqual([first.id, a.id, b.id]);
    expect(engine.scenarios.get(b.id)).toEqual(b);
  });

  it('updates only the members given, deletes, reorders, resets', () => {
    const { engine } = makeEngine();
    const a = engine.scenarios.create(bounceAll);
    const b = engine.scenarios.create({ match: { kind: 'regex', pattern: '^late' }, action: { kind: 'delay', delaySeconds: 30 } });
    const off = engine.scenarios.update(a.id, { enabled: false });
    expect(off).toEqual({ ...a, enabled: false });
    const changed = engine.scenarios.update(a.id, { action: { kind: 'complain', delaySeconds: 60 } });
    expect(changed.action).toEqual({ kind: 'complain', delaySeconds: 60, feedbackType: 'abuse' });
    expect(changed.enabled).toBe(false);
    expect(engine.scenarios.reorder([b.id, a.id]).map((r) => r.id)).toEqual([b.id, a.id]);
    expect(engine.scenarios.delete(b.id)).toBe(true);
    expect(engine.scenarios.delete(b.id)).toBe(false);
    expect(engine.scenarios.list().map((r) => r.id)).toEqual([a.id]);
    engine.reset();
    expect(engine.scenarios.list()).toEqual([]);
  });

  it('refuses bad input with a message naming the member', () => {
    const { engine } = makeEngine();
    const cases: [unknown, string][] = [
      [{ action: { kind: 'reject' } }, 'Invalid scenario rule: match must be an object {kind, pattern}.'],
      [{ match: { kind: 'wildcard', pattern: 'x' }, action: { kind: 'reject' } }, 'Invalid scenario rule: match.kind must be one of address, domain, glob, regex.'],
      [{ match: { kind: 'address', pattern: 'no-at-sign' }, action: { kind: 'reject' } }, 'Invalid scenario rule: match.pattern must be an email address for kind address.'],
      [{ match: { kind: 'regex', pattern: '(' }, action: { kind: 'reject' } }, 'Invalid scenario rule: match.pattern is not a valid regular expression'],
      [{ match: { kind: 'domain', pattern: 'x.com' } }, 'Invalid scenario rule: action must be an object {kind, …parameters}.'],
      [{ match: { kind: 'domain', pattern: 'x.com' }, action: { kind: 'explode' } }, 'Invalid scenario rule: action.kind must be one of hard-bounce, soft-bounce, complain, delay, reject.'],
      [{ match: { kind: 'domain', pattern: 'x.com' }, action: { kind: 'hard-bounce', bounceSubType: 'MailboxFull' } }, 'Invalid scenario rule: action.bounceSubType must be one of General, NoEmail, Suppressed, OnAccountSuppressionList.'],
      [{ match: { kind: 'domain', pattern: 'x.com' }, action: { kind: 'hard-bounce', status: '4.0.0' } }, 'Invalid scenario rule: action.status must be an enhanced status code 5.x.x.'],
      [{ match: { kind: 'domain', pattern: 'x.com' }, action: { kind: 'soft-bounce', retries: 0 } }, 'Invalid scenario rule: action.retries must be a whole number from 1 to 50.'],
      [{ match: { kind: 'domain', pattern: 'x.com' }, action: { kind: 'delay' } }, 'Invalid scenario rule: action.delaySeconds is required.'],
      [{ match: { kind: 'domain', pattern: 'x.com' }, action: { kind: 'delay', delay_seconds: 5 } }, 'Invalid scenario rule: action.delay_seconds is not a parameter of delay (it takes delaySeconds, delayType).'],
      [{ match: { kind: 'domain', pattern: 'x.com' }, action: { kind: 'reject' }, enabled: 'yes' }, 'Invalid scenario rule: enabled must be true or false.'],
    ];
    for (const [input, message] of cases) {
      const err = refused(() => engine.scenarios.create(input as never));
      expect(err.kind).toBe('InvalidParameterValue');
      expect(err.message.startsWith(message)).toBe(true);
    }
    expect(engine.scenarios.list()).toEqual([]);
    expect(refused(() => engine.scenarios.update('nope', { enabled: true })).kind).toBe('NotFound');
    const a = engine.scenarios.create(bounceAll);
    expect(refused(() => engine.scenarios.reorder([a.id, a.id])).message).toBe('Invalid scenario rule order: an id is listed twice.');
    expect(refused(() => engine.scenarios.reorder([])).message).toBe('Invalid scenario rule order: every rule must be listed (1 rules, 0 ids).');
    expect(refused(() => engine.scenarios.reorder(['ghost'])).message).toBe('Scenario rule ghost does not exist.');
  });

  it('matches by address, domain (and subdomains), glob and regex, case-insensitively; the first enabled rule wins', () => {
    const { engine } = makeEngine();
    const exact = engine.scenarios.create({ match: { kind: 'address', pattern: 'Vip@Example.com' }, action: { kind: 'reject' } });
    const disabled = engine.scenarios.create({ enabled: false, match: { kind: 'glob', pattern: '*' }, action: { kind: 'reject' } });
    const glob = engine.scenarios.create({ match: { kind: 'glob', pattern: 'bounce-?*@qa.example.com' }, action: { kind: 'hard-bounce' } });
    const domain = engine.scenarios.create({ match: { kind: 'domain', pattern: '@qa.example.com' }, action: { kind: 'complain' } });
    const regex = engine.scenarios.create({ match: { kind: 'regex', pattern: '^slow\\d+@' }, action: { kind: 'delay', delaySeconds: 5 } });
    const id = (a: string) => engine.scenarios.match(a)?.id;
    expect(id('vip@example.com')).toBe(exact.id);
    expect(id('bounce-7@QA.example.com')).toBe(glob.id);
    expect(id('bounce-@qa.example.com')).toBe(domain.id); // `?` needs one character
    expect(id('anyone@eu.qa.example.com')).toBe(domain.id);
    expect(id('anyone@notqa.example.com')).toBeUndefined();
    expect(id('SLOW42@example.com')).toBe(regex.id);
    expect(id('other@example.com')).toBeUndefined();
    expect(disabled.enabled).toBe(false);
  });

  it('keeps rules across a restart (scenario_rules)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-rules-'));
    try {
      const dbPath = join(dir, 'sesame.db');
      const first = makeEngine({ dbPath });
      const a = first.engine.scenarios.create(bounceAll);
      const b = first.engine.scenarios.create({ match: { kind: 'glob', pattern: '*@slow.test' }, action: { kind: 'delay', delaySeconds: 9 } }, 0);
      first.engine.close();
      const again = makeEngine({ dbPath });
      expect(again.engine.scenarios.list()).toEqual([b, a]);
      expect(again.engine.scenarios.match('x@slow.test')?.id).toBe(b.id);
      again.engine.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('come after the simulator and the suppression list', async () => {
    const { engine } = makeEngine();
    engine.scenarios.create({ match: { kind: 'glob', pattern: '*' }, action: { kind: 'complain' } });
    engine.suppression.put('listed@example.com', 'BOUNCE');
    const { messageId } = await engine.sending.send(
      simpleRequest({ destination: { to: ['success@simulator.amazonses.com', 'listed@example.com'] } }),
    );
    const types = (await engine.messages.get(messageId))!.events.map((e) => e.eventType);
    expect(types).toEqual(['Send', 'Delivery', 'Bounce']);
  });
});
