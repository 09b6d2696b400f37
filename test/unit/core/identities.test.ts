// Identities: names normalised as SES compares them, v1 and v2 creation sharing one state, attributes,
// errors, and everything (keys, links) kept across restarts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/core/engine';
import { sequentialIds } from '../../../src-main/core/ids';
import { CATCHER_OVERRIDES, makeEngine, NEW_ACCOUNT_RULES, T0 } from './helpers';

const fails = (fn: () => unknown, kind: string, message: string) =>
  expect(fn).toThrow(expect.objectContaining({ kind, message }));

async function rejects(p: Promise<unknown>, kind: string, message: string) {
  await expect(p).rejects.toMatchObject({ kind, message });
}

describe('identities', () => {
  it('verifies email addresses and domains (auto-verify: SUCCESS), lists them by type and gets them', async () => {
    const { engine, clock } = makeEngine();
    const email = await engine.identities.verifyEmail('Me@Example.COM');
    clock.advance(1);
    const domain = engine.identities.verifyDomain('Example.ORG');
    expect(email).toMatchObject({ identity: 'Me@example.com', type: 'EMAIL_ADDRESS', verificationStatus: 'SUCCESS', verificationToken: null, createdAt: T0 });
    expect(domain).toMatchObject({ identity: 'example.org', type: 'DOMAIN', verificationStatus: 'SUCCESS', createdAt: T0 + 1 });
    expect(domain.verificationToken).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(email).toMatchObject({ feedbackForwarding: true, configurationSet: null, tags: [], mailFrom: null });
    expect(email.dkim).toEqual({ signingEnabled: false, status: 'NOT_STARTED', origin: 'AWS_SES', tokens: [], currentKeyLength: null, nextKeyLength: null, lastKeyGenerationAt: null });
    expect(engine.identities.list().map((i) => i.identity)).toEqual(['Me@example.com', 'example.org']);
    expect(engine.identities.list('DOMAIN').map((i) => i.identity)).toEqual(['example.org']);
    expect(engine.identities.list('EMAIL_ADDRESS').map((i) => i.identity)).toEqual(['Me@example.com']);
    expect(engine.identities.get('me@example.com')).toBeUndefined(); // the local part is case-sensitive
    expect(engine.identities.get('Me@EXAMPLE.com')).toEqual(email);
    expect(engine.identities.get('EXAMPLE.org')).toEqual(domain);
  });

  it('verifying again returns the same identity and token', async () => {
    const { engine } = makeEngine();
    const a = engine.identities.verifyDomain('example.org');
    expect(engine.identities.verifyDomain('example.org')).toEqual(a);
    expect(await engine.identities.verifyEmail('a@example.org')).toEqual(await engine.identities.verifyEmail('a@example.org'));
    expect(engine.identities.list()).toHaveLength(2);
  });

  it('refuses names that are neither an address nor a domain', async () => {
    const { engine } = makeEngine();
    await rejects(engine.identities.create({ identity: 'not a domain' }), 'InvalidParameterValue', 'Invalid domain name <not a domain>.');
    await rejects(engine.identities.create({ identity: '@example.com' }), 'InvalidParameterValue', 'Invalid email address <@example.com>.');
    await rejects(engine.identities.create({ identity: 'a@b@' }), 'InvalidParameterValue', 'Invalid email address <a@b@>.');
    await rejects(engine.identities.verifyEmail('example.com'), 'InvalidParameterValue', 'Invalid email address <example.com>.');
    fails(() => engine.identities.verifyDomain('a@example.com'), 'InvalidParameterValue', 'Invalid domain name <a@example.com>.');
    expect(engine.identities.list()).toEqual([]);
  });

  it('v2 create: duplicates are AlreadyExists; an unknown configuration set is NotFound and creates nothing', async () => {
    const { engine } = makeEngine();
    engine.configurationSets.create('defaults');
    const made = await engine.identities.create({ identity: 'app@example.com', tags: [{ key: 'team', value: 'mail' }], configurationSet: 'defaults' });
    expect(made).toMatchObject({ tags: [{ key: 'team', value: 'mail' }], configurationSet: 'defaults' });
    await rejects(engine.identities.create({ identity: 'app@EXAMPLE.com' }), 'AlreadyExists', 'Email identity app@example.com already exists.');
    await rejects(engine.identities.create({ identity: 'other@example.com', configurationSet: 'nope' }), 'ConfigurationSetDoesNotExist', 'Configuration set nope does not exist.');
    expect(engine.identities.get('other@example.com')).toBeUndefined();
    await rejects(
      engine.identities.create({ identity: 'x@example.com', dkim: { origin: 'AWS_SES' } }),
      'InvalidParameterValue',
      'DKIM signing attributes can only be set for a domain identity, not x@example.com.',
    );
    // v1 and v2 share one state: a v1-verified domain exists for v2.
    engine.identities.verifyDomain('shared.example');
    await rejects(engine.identities.create({ identity: 'shared.example' }), 'AlreadyExists', 'Email identity shared.example already exists.');
  });

  it('attributes: feedback forwarding, default configuration set, DKIM signing switch; NotFound for unknown identities', async () => {
    const { engine } = makeEngine();
    await engine.identities.create({ identity: 'ops@example.com' });
    engine.configurationSets.create('ops');
    expect(engine.identities.setFeedbackForwarding('ops@example.com', false).feedbackForwarding).toBe(false);
    expect(engine.identities.setConfigurationSet('ops@example.com', 'ops').configurationSet).toBe('ops');
    expect(engine.identities.defaultConfigurationSet('ops@example.com')).toBe('ops');
    fails(() => engine.identities.setConfigurationSet('ops@example.com', 'missing'), 'ConfigurationSetDoesNotExist', 'Configuration set missing does not exist.');
    expect(engine.identities.setConfigurationSet('ops@example.com', null).configurationSet).toBeNull();
    expect(engine.identities.setDkimSigningEnabled('ops@example.com', true).dkim.signingEnabled).toBe(true);
    for (const call of [
      () => engine.identities.require('ghost@example.com'),
      () => engine.identities.setFeedbackForwarding('ghost@example.com', true),
      () => engine.identities.setMailFrom('ghost@example.com', null),
      () => engine.identities.dnsRecords('ghost@example.com'),
      () => engine.identities.publishToZone('ghost@example.com'),
    ]) {
      fails(call, 'NotFound', 'Email identity ghost@example.com does not exist.');
    }
    expect(engine.identities.delete('ghost@example.com')).toBe(false);
    expect(engine.identities.delete('OPS@example.com')).toBe(false);
    expect(engine.identities.delete('ops@EXAMPLE.com')).toBe(true);
    expect(engine.identities.list()).toEqual([]);
  });

  it('a new account starts email identities PENDING and v2 domains PENDING with Easy DKIM', async () => {
    const { engine } = makeEngine({ account: NEW_ACCOUNT_RULES });
    const email = await engine.identities.create({ identity: 'new@example.com' });
    const domain = await engine.identities.create({ identity: 'new.example' });
    expect(email.verificationStatus).toBe('PENDING');
    expect(domain).toMatchObject({ verificationStatus: 'PENDING', dkim: { status: 'PENDING', signingEnabled: true, origin: 'AWS_SES' } });
    expect(engine.identities.verifiedFor('new@example.com')).toBeNull();
    expect(engine.identities.attributedTo('new@example.com')).toBe('new@example.com');
    expect(engine.identities.attributedTo('x@sub.new.example')).toBe('new.example');
    expect(engine.identities.attributedTo('x@elsewhere.example')).toBe('x@elsewhere.example');
  });

  it('are kept across restarts, keys and verification links included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-identities-'));
    try {
      const open = (account = CATCHER_OVERRIDES) =>
        createEngine({ account, region: 'us-east-1', accountId: '123456789012', dbPath: join(dir, 'db.sqlite'), maxMessages: 10, ids: sequentialIds() });
      const first = open(NEW_ACCOUNT_RULES);
      const d = await first.identities.create({ identity: 'example.net', tags: [{ key: 'k', value: 'v' }] });
      first.identities.setMailFrom('example.net', 'mail.example.net', 'REJECT_MESSAGE');
      await first.identities.verifyEmail('kept@example.net');
      const keys = first.identities.signingKeys('example.net');
      const link = (await first.messages.get(first.messages.list({}).items[0].id))!.text!.match(/token=([\w-]+)/)![1];
      first.close();
      const second = open(NEW_ACCOUNT_RULES);
      expect(second.identities.get('example.net')).toEqual({ ...d, mailFrom: { domain: 'mail.example.net', status: 'PENDING', behaviorOnMxFailure: 'REJECT_MESSAGE' } });
      expect(second.identities.signingKeys('example.net')).toEqual(keys);
      expect(second.identities.confirmEmail(link)).toEqual({ outcome: 'verified', identity: 'kept@example.net' });
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reset forgets every identity and empties the local zone', async () => {
    const { engine } = makeEngine();
    await engine.identities.create({ identity: 'gone.example' });
    expect(engine.identities.zone.records().length).toBeGreaterThan(0);
    engine.reset();
    expect(engine.identities.list()).toEqual([]);
    expect(engine.identities.zone.records()).toEqual([]);
    expect(engine.identities.zone.resolve('_amazonses.gone.example', 'TXT')).toEqual([]);
  });
});
