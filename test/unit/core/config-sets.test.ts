// Configuration sets (ses-facts §A.13) as the sending rules need them: names, defaults, changes, paging,
// the per-set document kept open for later groups, and the gate — unknown and paused sets refuse sends
// whichever way the set is named (API member or X-SES-CONFIGURATION-SET header).
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../../src-main/core/clock';
import { createConfigurationSets } from '../../../src-main/core/config-sets/config-sets';
import { SesError } from '../../../src-main/core/errors';
import { CONFIGURATION_SET_NAME_MAX_CHARS } from '../../../src-main/core/limits';
import { createConfigurationSetStore } from '../../../src-main/core/store/config-set-store';
import { openStore } from '../../../src-main/core/store/index';
import { crlf, makeEngine, rawRequest, refusal, simpleRequest, T0 } from './helpers';

function caught(fn: () => unknown): SesError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SesError);
    return e as SesError;
  }
  throw new Error('expected a SesError');
}

describe('configuration sets', () => {
  it('are created with SES defaults and the groups given', () => {
    const { engine, clock } = makeEngine();
    clock.advance(7);
    expect(engine.configurationSets.create('plain')).toEqual({
      name: 'plain',
      createdAt: T0 + 7,
      sendingEnabled: true,
      suppressedReasons: null,
      tracking: null,
      delivery: { tlsPolicy: 'OPTIONAL', sendingPoolName: null, maxDeliverySeconds: null },
      reputation: { reputationMetricsEnabled: false, lastFreshStart: null },
      tags: [],
      eventDestinations: [],
      stored: {},
    });
    const full = engine.configurationSets.create('Full_set-1', {
      sendingEnabled: false,
      suppressedReasons: [],
      tracking: { customRedirectDomain: 'track.example.com', httpsPolicy: 'REQUIRE' },
      delivery: { tlsPolicy: 'REQUIRE', maxDeliverySeconds: 600 },
      reputation: { reputationMetricsEnabled: true },
      tags: [{ key: 'team', value: 'mail' }],
      stored: { VdmOptions: { DashboardOptions: { EngagementMetrics: 'ENABLED' } } },
    });
    expect(full).toMatchObject({
      sendingEnabled: false,
      suppressedReasons: [],
      delivery: { tlsPolicy: 'REQUIRE', sendingPoolName: null, maxDeliverySeconds: 600 },
      stored: { VdmOptions: { DashboardOptions: { EngagementMetrics: 'ENABLED' } } },
    });
    expect(engine.configurationSets.get('Full_set-1')).toEqual(full);
    expect(engine.configurationSets.get('full_set-1')).toBeUndefined();
  });

  it('refuse names outside [A-Za-z0-9_-]{1,64} and names already taken', () => {
    const { engine } = makeEngine();
    engine.configurationSets.create('x'.repeat(CONFIGURATION_SET_NAME_MAX_CHARS));
    for (const bad of ['', 'x'.repeat(CONFIGURATION_SET_NAME_MAX_CHARS + 1), 'has space', 'dot.ted', 'ünï']) {
      const err = caught(() => engine.configurationSets.create(bad));
      expect(err.kind).toBe('InvalidConfigurationSet');
      expect(err.wire).toMatchObject({ v1: 'InvalidConfigurationSet', v2: 'BadRequestException' });
    }
    engine.configurationSets.create('taken');
    const dup = caught(() => engine.configurationSets.create('taken'));
    expect(dup.message).toBe('Configuration set taken already exists.');
    expect(dup.wire).toMatchObject({ v1: 'ConfigurationSetAlreadyExists', v2: 'AlreadyExistsException' });
    // Created in the same millisecond: by name.
    expect(engine.configurationSets.list().map((s) => s.name)).toEqual(['taken', 'x'.repeat(64)]);
  });

  it('change by patch: sending, suppression (null = the account, [] = off), groups kept as given', () => {
    const { engine } = makeEngine();
    engine.configurationSets.create('s', { stored: { ArchivingOptions: { ArchiveArn: 'arn:a' }, SuppressionScope: 'ACCOUNT' } });
    const cs = engine.configurationSets;
    expect(cs.update('s', { sendingEnabled: false }).sendingEnabled).toBe(false);
    expect(cs.update('s', { suppressedReasons: ['COMPLAINT', 'COMPLAINT'] }).suppressedReasons).toEqual(['COMPLAINT']);
    expect(cs.update('s', { suppressedReasons: [] }).suppressedReasons).toEqual([]);
    expect(cs.update('s', { suppressedReasons: null }).suppressedReasons).toBeNull();
    expect(cs.update('s', { delivery: { sendingPoolName: 'pool' } }).delivery).toEqual({ tlsPolicy: 'OPTIONAL', sendingPoolName: 'pool', maxDeliverySeconds: null });
    expect(cs.update('s', { stored: { SuppressionScope: undefined, VdmOptions: { GuardianOptions: {} } } }).stored).toEqual({
      ArchivingOptions: { ArchiveArn: 'arn:a' },
      VdmOptions: { GuardianOptions: {} },
    });
    expect(cs.get('s')!.sendingEnabled).toBe(false);
  });

  it('keep keys a later capability adds to the stored document (event destinations) across updates', () => {
    const store = openStore({ path: ':memory:', maxMessages: 10 });
    const sets = createConfigurationSets(store.db, new FakeClock(T0));
    sets.create('events');
    const raw = createConfigurationSetStore<Record<string, unknown>>(store.db);
    raw.update('events', { ...raw.get('events')!.doc, eventDestinations: [{ name: 'sns' }] });
    sets.update('events', { sendingEnabled: false });
    expect(raw.get('events')!.doc).toMatchObject({ sendingEnabled: false, eventDestinations: [{ name: 'sns' }] });
    store.close();
  });

  it('unknown names: require, update and delete say `Configuration set <NAME> does not exist.`', () => {
    const { engine } = makeEngine();
    for (const fn of [
      () => engine.configurationSets.require('nope'),
      () => engine.configurationSets.update('nope', { sendingEnabled: true }),
      () => engine.configurationSets.delete('nope'),
    ]) {
      const err = caught(fn);
      expect(err.kind).toBe('ConfigurationSetDoesNotExist');
      expect(err.message).toBe('Configuration set nope does not exist.');
    }
    engine.configurationSets.create('gone');
    engine.configurationSets.delete('gone');
    expect(engine.configurationSets.get('gone')).toBeUndefined();
  });

  it('page in creation order, and a token survives the deletion of the set it points after', () => {
    const { engine, clock } = makeEngine();
    for (const n of ['e', 'd', 'c', 'b', 'a']) {
      engine.configurationSets.create(n);
      clock.advance(1);
    }
    const first = engine.configurationSets.page({ pageSize: 2 });
    expect(first.items.map((s) => s.name)).toEqual(['e', 'd']);
    engine.configurationSets.delete('d');
    const second = engine.configurationSets.page({ pageSize: 2, nextToken: first.nextToken! });
    expect(second.items.map((s) => s.name)).toEqual(['c', 'b']);
    const third = engine.configurationSets.page({ pageSize: 2, nextToken: second.nextToken! });
    expect(third).toEqual({ items: [expect.objectContaining({ name: 'a' })], nextToken: null });
    expect(caught(() => engine.configurationSets.page({ pageSize: 2, nextToken: 'bogus' })).kind).toBe('InvalidParameterValue');
  });

  it('engine.reset() removes every set', () => {
    const { engine } = makeEngine();
    engine.configurationSets.create('a');
    engine.reset();
    expect(engine.configurationSets.list()).toEqual([]);
  });
});

describe('sending through a configuration set', () => {
  const raw = (header: string) => rawRequest(crlf('From: sender@example.com', 'To: to@example.com', header, 'Subject: s', '', 'body'));

  it('refuses an unknown set named on the call or in X-SES-CONFIGURATION-SET, storing nothing', async () => {
    const { engine } = makeEngine();
    for (const req of [simpleRequest({ configurationSetName: 'missing' }), raw('X-SES-CONFIGURATION-SET: missing')]) {
      const err = await refusal(engine.sending.send(req));
      expect(err.kind).toBe('ConfigurationSetDoesNotExist');
      expect(err.message).toBe('Configuration set missing does not exist.');
      expect(err.wire).toMatchObject({ v2: 'NotFoundException', v1: 'ConfigurationSetDoesNotExist', smtp: { code: 554 } });
    }
    expect(engine.messages.counts().total).toBe(0);
    expect(engine.account.quota().sentLast24Hours).toBe(0);
  });

  it('refuses while the set is paused and accepts again once it is enabled', async () => {
    const { engine } = makeEngine();
    engine.configurationSets.create('paused', { sendingEnabled: false });
    for (const req of [simpleRequest({ configurationSetName: 'paused' }), raw('X-SES-CONFIGURATION-SET: paused')]) {
      const err = await refusal(engine.sending.send(req));
      expect(err.kind).toBe('ConfigurationSetSendingPaused');
      expect(err.wire).toMatchObject({ v2: 'SendingPausedException', v1: 'ConfigurationSetSendingPausedException' });
    }
    expect(engine.messages.counts().total).toBe(0);
    engine.configurationSets.update('paused', { sendingEnabled: true });
    const { messageId } = await engine.sending.send(simpleRequest({ configurationSetName: 'paused' }));
    expect((await engine.messages.get(messageId))!.configurationSet).toBe('paused');
  });

  it('checks the set before the sender identity (ses-facts §A.3 order)', async () => {
    const { engine } = makeEngine({ account: {} });
    const err = await refusal(engine.sending.send(simpleRequest({ configurationSetName: 'missing' })));
    expect(err.kind).toBe('ConfigurationSetDoesNotExist');
  });
});
