// Identities: created auto-verified in this issue, kept in SQLite, names normalised as SES compares them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/core/engine';
import { sequentialIds } from '../../../src-main/core/ids';
import { makeEngine, T0 } from './helpers';

describe('identities', () => {
  it('verifies email addresses and domains (SUCCESS), lists them by type and gets them', () => {
    const { engine, clock } = makeEngine();
    const email = engine.identities.verifyEmail('Me@Example.COM');
    clock.advance(1);
    const domain = engine.identities.verifyDomain('Example.ORG');
    expect(email).toEqual({ identity: 'Me@example.com', type: 'EMAIL_ADDRESS', verificationStatus: 'SUCCESS', verificationToken: null, createdAt: T0 });
    expect(domain).toMatchObject({ identity: 'example.org', type: 'DOMAIN', verificationStatus: 'SUCCESS', createdAt: T0 + 1 });
    expect(domain.verificationToken).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(engine.identities.list().map((i) => i.identity)).toEqual(['Me@example.com', 'example.org']);
    expect(engine.identities.list('DOMAIN').map((i) => i.identity)).toEqual(['example.org']);
    expect(engine.identities.list('EMAIL_ADDRESS').map((i) => i.identity)).toEqual(['Me@example.com']);
    expect(engine.identities.get('me@example.com')).toBeUndefined(); // the local part is case-sensitive
    expect(engine.identities.get('Me@EXAMPLE.com')).toEqual(email);
    expect(engine.identities.get('EXAMPLE.org')).toEqual(domain);
  });

  it('verifying again returns the same identity and token', () => {
    const { engine } = makeEngine();
    const a = engine.identities.verifyDomain('example.org');
    expect(engine.identities.verifyDomain('example.org')).toEqual(a);
    expect(engine.identities.verifyEmail('a@example.org')).toEqual(engine.identities.verifyEmail('a@example.org'));
    expect(engine.identities.list()).toHaveLength(2);
  });

  it('are kept across restarts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sesame-identities-'));
    try {
      const open = () => createEngine({ account: { autoVerify: true, sandbox: false, max24HourSend: -1, maxSendRate: 1_000_000 }, region: 'us-east-1', accountId: '123456789012', dbPath: join(dir, 'db.sqlite'), maxMessages: 10, ids: sequentialIds() });
      const first = open();
      const d = first.identities.verifyDomain('example.net');
      first.close();
      const second = open();
      expect(second.identities.get('example.net')).toEqual(d);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
