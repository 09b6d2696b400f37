// Domains: Easy DKIM (three tokens, RSA key pairs kept), BYODKIM (the caller's key), the records SES asks
// for (DKIM, _amazonses, MAIL FROM), and Sesame's local zone — publishing verifies the domain, and a resolver
// following the DKIM CNAME finds a key that verifies signatures made with the kept private key.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeEngine, NEW_ACCOUNT_RULES, T0 } from './helpers';

const newAccount = () => makeEngine({ account: NEW_ACCOUNT_RULES });

describe('domain identities and the local zone', () => {
  it('v2 create sets up Easy DKIM: three 32-character tokens, RSA 2048 keys, PENDING', async () => {
    const { engine } = newAccount();
    const d = await engine.identities.create({ identity: 'Example.com' });
    expect(d.identity).toBe('example.com');
    expect(d.dkim).toMatchObject({ signingEnabled: true, status: 'PENDING', origin: 'AWS_SES', currentKeyLength: 'RSA_2048_BIT', nextKeyLength: 'RSA_2048_BIT', lastKeyGenerationAt: T0 });
    expect(d.dkim.tokens).toHaveLength(3);
    for (const t of d.dkim.tokens) expect(t).toMatch(/^[a-z0-9]{32}$/);
    expect(new Set(d.dkim.tokens).size).toBe(3);
    const keys = engine.identities.signingKeys('example.com');
    expect(keys.map((k) => k.selector)).toEqual(d.dkim.tokens);
    for (const k of keys) {
      const pk = createPrivateKey(k.privateKeyPem);
      expect(pk.asymmetricKeyDetails?.modulusLength).toBe(2048);
      expect(createPublicKey(pk).export({ type: 'spki', format: 'der' }).toString('base64')).toBe(k.publicKey);
    }
    const short = await engine.identities.create({ identity: 'short.example', dkim: { origin: 'AWS_SES', nextKeyLength: 'RSA_1024_BIT' } });
    expect(short.dkim.currentKeyLength).toBe('RSA_1024_BIT');
    expect(createPrivateKey(engine.identities.signingKeys('short.example')[0].privateKeyPem).asymmetricKeyDetails?.modulusLength).toBe(1024);
  });

  it('lists the records to publish: DKIM CNAMEs, the _amazonses TXT, and MAIL FROM MX + SPF', async () => {
    const { engine } = newAccount();
    const d = await engine.identities.create({ identity: 'example.com' });
    engine.identities.setMailFrom('example.com', 'Bounce.Example.com', 'USE_DEFAULT_VALUE');
    expect(engine.identities.dnsRecords('example.com')).toEqual([
      ...d.dkim.tokens.map((t) => ({ name: `${t}._domainkey.example.com`, type: 'CNAME', value: `${t}.dkim.amazonses.com` })),
      { name: '_amazonses.example.com', type: 'TXT', value: d.verificationToken },
      { name: 'bounce.example.com', type: 'MX', value: '10 feedback-smtp.us-east-1.amazonses.com' },
      { name: 'bounce.example.com', type: 'TXT', value: 'v=spf1 include:amazonses.com ~all' },
    ]);
    expect(engine.identities.zone.records()).toEqual([]); // nothing is published until asked
  });

  it('publishing writes the records and the key TXT behind each CNAME, and verifies domain, DKIM and MAIL FROM', async () => {
    const { engine, clock } = newAccount();
    await engine.identities.create({ identity: 'example.com' });
    engine.identities.setMailFrom('example.com', 'mail.example.com', 'REJECT_MESSAGE');
    clock.advance(5000);
    const v = engine.identities.publishToZone('example.com');
    expect(v).toMatchObject({ verificationStatus: 'SUCCESS', dkim: { status: 'SUCCESS' }, mailFrom: { status: 'SUCCESS' }, lastSuccessAt: T0 + 5000 });
    expect(engine.identities.verifiedFor('anyone@example.com')).toBe('example.com');

    const zone = engine.identities.zone;
    const [key] = engine.identities.signingKeys('example.com');
    const cname = `${key.selector}._domainkey.example.com`;
    expect(zone.resolve(cname, 'CNAME')).toEqual([`${key.selector}.dkim.amazonses.com`]);
    // A resolver asking for the TXT follows the CNAME to the key SES serves.
    expect(zone.resolve(cname.toUpperCase(), 'TXT')).toEqual([`v=DKIM1; k=rsa; p=${key.publicKey}`]);
    expect(zone.resolve('mail.example.com', 'MX')).toEqual(['10 feedback-smtp.us-east-1.amazonses.com']);
    expect(zone.resolve('mail.example.com.', 'TXT')).toEqual(['v=spf1 include:amazonses.com ~all']);
    expect(zone.resolve('nothing.example.com', 'TXT')).toEqual([]);
    expect(zone.records().every((r) => r.identity === 'example.com')).toBe(true);
    expect(zone.records()).toHaveLength(3 + 3 + 1 + 2);

    // The kept private key signs; the published public key verifies.
    const published = zone.resolve(cname, 'TXT')[0].replace(/^.*p=/, '');
    const data = Buffer.from('dkim body hash');
    const signature = sign('sha256', data, createPrivateKey(key.privateKeyPem));
    expect(verify('sha256', data, createPublicKey({ key: Buffer.from(published, 'base64'), format: 'der', type: 'spki' }), signature)).toBe(true);

    // Deleting the identity takes its records out of the zone.
    engine.identities.delete('example.com');
    expect(zone.records()).toEqual([]);
  });

  it('BYODKIM: the caller\'s selector and key (base64 DER, PKCS#1 or PKCS#8), public half published as a TXT', async () => {
    const { engine } = newAccount();
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pkcs1 = privateKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
    const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const d = await engine.identities.create({ identity: 'byo.example', dkim: { origin: 'EXTERNAL', selector: 'sel1', privateKey: pkcs1 } });
    expect(d.dkim).toMatchObject({ origin: 'EXTERNAL', tokens: ['sel1'], status: 'PENDING', currentKeyLength: 'RSA_1024_BIT', nextKeyLength: null });
    expect(engine.identities.dnsRecords('byo.example')[0]).toEqual({ name: 'sel1._domainkey.byo.example', type: 'TXT', value: `p=${spki}` });
    expect(engine.identities.signingKeys('byo.example')[0].publicKey).toBe(spki);

    // Switching an Easy DKIM domain to BYODKIM (PKCS#8 this time) and back to Easy DKIM makes new tokens.
    await engine.identities.create({ identity: 'switch.example' });
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const ext = await engine.identities.setDkimSigning('switch.example', { origin: 'EXTERNAL', selector: 's2', privateKey: pkcs8 });
    expect(ext.dkim.tokens).toEqual(['s2']);
    const easy = await engine.identities.setDkimSigning('switch.example', { origin: 'AWS_SES', nextKeyLength: 'RSA_1024_BIT' });
    expect(easy.dkim).toMatchObject({ origin: 'AWS_SES', status: 'PENDING', currentKeyLength: 'RSA_1024_BIT' });
    expect(easy.dkim.tokens).toHaveLength(3);
    // Already Easy DKIM: only the next key length changes.
    const again = await engine.identities.setDkimSigning('switch.example', { origin: 'AWS_SES', nextKeyLength: 'RSA_2048_BIT' });
    expect(again.dkim).toMatchObject({ tokens: easy.dkim.tokens, currentKeyLength: 'RSA_1024_BIT', nextKeyLength: 'RSA_2048_BIT' });
  });

  it('BYODKIM refuses keys that are not RSA 1024/2048 and selectors that are not labels', async () => {
    const { engine } = newAccount();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const keyText = 'DomainSigningPrivateKey must be a base64-encoded RSA private key of 1024 or 2048 bits.';
    for (const privateKey of ['bm90IGEga2V5', ec]) {
      await expect(engine.identities.create({ identity: 'bad.example', dkim: { origin: 'EXTERNAL', selector: 's', privateKey } })).rejects.toMatchObject({ kind: 'InvalidParameterValue', message: keyText });
    }
    await expect(engine.identities.create({ identity: 'bad.example', dkim: { origin: 'EXTERNAL', selector: 'a b', privateKey: ec } })).rejects.toMatchObject({
      message: 'Invalid DomainSigningSelector <a b>.',
    });
    expect(engine.identities.get('bad.example')).toBeUndefined();
    await engine.identities.verifyEmail('mail@bad.example');
    await expect(engine.identities.setDkimSigning('mail@bad.example', { origin: 'AWS_SES' })).rejects.toMatchObject({ kind: 'InvalidParameterValue' });
  });

  it('v1: VerifyDomainIdentity has no DKIM; VerifyDomainDkim adds tokens once and keeps them', async () => {
    const { engine } = newAccount();
    const d = engine.identities.verifyDomain('legacy.example');
    expect(d).toMatchObject({ verificationStatus: 'PENDING', dkim: { status: 'NOT_STARTED', tokens: [], signingEnabled: false } });
    expect(engine.identities.dnsRecords('legacy.example')).toEqual([{ name: '_amazonses.legacy.example', type: 'TXT', value: d.verificationToken }]);
    const first = await engine.identities.verifyDomainDkim('legacy.example');
    expect(first.dkim).toMatchObject({ status: 'PENDING', signingEnabled: true });
    expect(first.dkim.tokens).toHaveLength(3);
    expect((await engine.identities.verifyDomainDkim('LEGACY.example')).dkim.tokens).toEqual(first.dkim.tokens);
    expect(first.verificationToken).toBe(d.verificationToken);
    // VerifyDomainDkim on a domain that is not an identity yet creates it.
    expect((await engine.identities.verifyDomainDkim('fresh.example')).type).toBe('DOMAIN');
  });

  it('MAIL FROM must be a subdomain of the identity\'s domain; it is found verified when the zone already has its MX', async () => {
    const { engine } = newAccount();
    await engine.identities.create({ identity: 'example.com' });
    await engine.identities.verifyEmail('someone@example.com');
    const msg = (d: string) => `Invalid MAIL FROM domain <${d}>: it must be a subdomain of example.com.`;
    for (const bad of ['example.com', 'other.org', 'bad domain.example.com']) {
      expect(() => engine.identities.setMailFrom('example.com', bad)).toThrow(expect.objectContaining({ kind: 'InvalidParameterValue', message: msg(bad) }));
    }
    expect(engine.identities.setMailFrom('example.com', 'mf.example.com').mailFrom).toEqual({ domain: 'mf.example.com', status: 'PENDING', behaviorOnMxFailure: 'USE_DEFAULT_VALUE' });
    engine.identities.publishToZone('example.com');
    // An email identity under the domain may use the same MAIL FROM; its MX is already published.
    expect(engine.identities.setMailFrom('someone@example.com', 'mf.example.com', 'REJECT_MESSAGE').mailFrom).toEqual({
      domain: 'mf.example.com',
      status: 'SUCCESS',
      behaviorOnMxFailure: 'REJECT_MESSAGE',
    });
    expect(engine.identities.setMailFrom('example.com', null).mailFrom).toBeNull();
    expect(() => engine.identities.publishToZone('someone@example.com')).toThrow(expect.objectContaining({ kind: 'InvalidParameterValue' }));
  });

  it('setVerificationStatus carries a domain\'s DKIM and MAIL FROM along', async () => {
    const { engine } = newAccount();
    await engine.identities.create({ identity: 'qa.example' });
    engine.identities.setMailFrom('qa.example', 'm.qa.example');
    const v = engine.identities.setVerificationStatus('qa.example', 'FAILED');
    expect(v).toMatchObject({ verificationStatus: 'FAILED', dkim: { status: 'FAILED' }, mailFrom: { status: 'FAILED' } });
    expect(engine.identities.setVerificationStatus('qa.example', 'SUCCESS')).toMatchObject({ dkim: { status: 'SUCCESS' }, mailFrom: { status: 'SUCCESS' } });
  });

  it('auto-verify publishes domains to the zone as they are made and changed', async () => {
    const { engine } = makeEngine();
    const d = await engine.identities.create({ identity: 'auto.example' });
    expect(d).toMatchObject({ verificationStatus: 'SUCCESS', dkim: { status: 'SUCCESS' } });
    expect(engine.identities.zone.resolve('_amazonses.auto.example', 'TXT')).toEqual([d.verificationToken]);
    expect(engine.identities.setMailFrom('auto.example', 'm.auto.example').mailFrom?.status).toBe('SUCCESS');
    expect(engine.identities.zone.resolve('m.auto.example', 'MX')).toEqual(['10 feedback-smtp.us-east-1.amazonses.com']);
  });
});
