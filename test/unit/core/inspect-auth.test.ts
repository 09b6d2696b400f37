// engine.inspect.authentication against Sesame's local zone: DKIM pass for what Sesame signed, body and
// header tampering told apart, unsigned → none; SPF for SES's MAIL FROM and a custom MAIL FROM; DMARC
// alignment and a p=reject record; user DNS records; the real-DNS fallback only when enabled.
import { generateKeyPairSync } from 'node:crypto';
import { authenticate } from 'mailauth';
import { describe, expect, it } from 'vitest';
import { createAuthInspector } from '../../../src-main/core/inspect/auth';
import { createZoneResolver, SES_SPF_RECORD } from '../../../src-main/core/inspect/dns';
import { SesError } from '../../../src-main/core/errors';
import { makeEngine, NEW_ACCOUNT_RULES, simpleRequest } from './helpers';

async function signedSetup() {
  const t = makeEngine();
  await t.engine.identities.create({ identity: 'example.com' });
  t.engine.identities.publishToZone('example.com');
  const { messageId } = await t.engine.sending.send(simpleRequest({ from: 'news@example.com', content: { kind: 'simple', subject: { data: 'Hi' }, text: { data: 'Original body' } } }));
  const raw = (await t.engine.messages.raw(messageId))!;
  /** Inspects `mime` as if it were the stored message. */
  const inspect = (mime: Buffer) => {
    const inspector = createAuthInspector({
      region: 'us-east-1',
      clock: t.clock,
      messages: { get: () => ({ id: messageId, source: 'news@example.com', mailFrom: 'news@example.com', rcptTo: ['to@example.com'] }) as never, raw: async () => mime },
      identities: t.engine.identities,
      resolver: createZoneResolver({ zone: t.engine.identities.zone, allowReal: () => false }),
    });
    return inspector.authentication(messageId);
  };
  return { ...t, messageId, raw, inspect };
}

describe('authentication inspection', () => {
  it('DKIM passes for a message Sesame signed, and DMARC passes aligned on DKIM with a p=reject record', async () => {
    const { engine, messageId } = await signedSetup();
    engine.inspect.dns.add({ name: '_dmarc.example.com', type: 'TXT', value: 'v=DMARC1; p=reject' });
    const r = (await engine.inspect.authentication(messageId))!;
    expect(r.dkim[0]).toMatchObject({ domain: 'example.com', result: 'pass', bodyHash: 'pass', aligned: 'example.com' });
    expect(r.spf).toMatchObject({ result: 'pass', domain: 'amazonses.com', record: SES_SPF_RECORD });
    expect(r.dmarc).toMatchObject({ result: 'pass', policy: 'reject', record: 'v=DMARC1; p=reject', alignment: { dkim: 'example.com', spf: null } });
    expect(r.authenticationResults).toMatch(/dkim=pass header\.i=@example\.com/);
    expect(r.authenticationResults).toMatch(/dmarc=pass/);
    expect(r.checklist.find((i) => i.id === 'dmarc-alignment')?.status).toBe('pass');
  });

  it('SPF is evaluated for the IP the message left from: a dedicated IP (X-SES-Outgoing) passes SES\'s SPF too', async () => {
    const t = makeEngine();
    const [leased] = t.engine.dedicatedIps.lease(1);
    const { messageId } = await t.engine.sending.send(simpleRequest({ from: 'news@example.com' }));
    const raw = (await t.engine.messages.raw(messageId))!.toString();
    expect(raw).toContain(`-${leased.ip}`);
    const r = (await t.engine.inspect.authentication(messageId))!;
    expect(r.spf).toMatchObject({ result: 'pass', ip: leased.ip, domain: 'amazonses.com' });
    expect(r.authenticationResults).toContain(`designates ${leased.ip} as permitted sender`);
  });

  it('without a DMARC record, From still shows as aligned with the passing DKIM signature', async () => {
    const { engine, messageId } = await signedSetup();
    const r = (await engine.inspect.authentication(messageId))!;
    expect(r.dmarc).toMatchObject({ record: null, alignment: { dkim: 'example.com', spf: null } });
    expect(r.dmarc.explanation).toMatch(/No DMARC record .* would align with DKIM d=example\.com/);
    expect(r.checklist.find((i) => i.id === 'dmarc-alignment')?.status).toBe('pass');
  });

  it('a body changed after signing fails the body hash; a changed signed header fails the signature', async () => {
    const { raw, inspect } = await signedSetup();
    const body = await inspect(Buffer.from(raw.toString('latin1').replace('Original body', 'Changed body'), 'latin1'));
    expect(body!.dkim[0].bodyHash).toBe('fail');
    expect(['fail', 'neutral']).toContain(body!.dkim[0].result);
    expect(body!.dkim[0].explanation).toMatch(/body was changed after signing/);
    const header = await inspect(Buffer.from(raw.toString('latin1').replace('Subject: Hi', 'Subject: Hijacked'), 'latin1'));
    expect(header!.dkim[0]).toMatchObject({ bodyHash: 'pass', result: 'fail' });
    expect(header!.dkim[0].explanation).toMatch(/signed header/);
    const same = await inspect(raw);
    expect(same!.dkim[0].result).toBe('pass');
  });

  it('ARC: a forwarder\'s seal (key in a user record) is reported with its instance', async () => {
    const { engine, raw, inspect } = await signedSetup();
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    engine.inspect.dns.add({ name: 'arc._domainkey.forwarder.example', type: 'TXT', value: `v=DKIM1; k=rsa; p=${publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}` });
    const resolver = createZoneResolver({ zone: engine.identities.zone, allowReal: () => false });
    const sealed = await authenticate(raw, {
      ip: '54.240.9.183',
      helo: 'a9-183.smtp-out.amazonses.com',
      sender: 'x@amazonses.com',
      mta: 'mx.forwarder.example',
      resolver,
      seal: { signingDomain: 'forwarder.example', selector: 'arc', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
    });
    expect(sealed.headers).toMatch(/ARC-Seal:/);
    const r = (await inspect(Buffer.concat([Buffer.from(sealed.headers.replace(/\r?\n/g, '\r\n')), raw])))!;
    expect(r.arc).toMatchObject({ result: 'pass', instance: 1 });
    expect((await inspect(raw))!.arc).toMatchObject({ result: 'none', instance: null });
  });

  it('unsigned mail: dkim none; without the zone key the signature cannot be verified', async () => {
    const { engine } = makeEngine();
    const { messageId } = await engine.sending.send(simpleRequest({ from: 'a@plain.test' }));
    const r = (await engine.inspect.authentication(messageId))!;
    expect(r.dkim).toEqual([]);
    expect(r.authenticationResults).toMatch(/dkim=none/);
    expect(r.dmarc.result).toBe('none');
    const t = await signedSetup();
    const other = makeEngine({ account: NEW_ACCOUNT_RULES }); // nothing published: no key in its zone
    const inspector = createAuthInspector({
      region: 'us-east-1',
      clock: other.clock,
      messages: { get: () => ({ id: 'x', source: 'news@example.com', mailFrom: 'news@example.com', rcptTo: ['a@b.c'] }) as never, raw: async () => t.raw },
      identities: other.engine.identities,
      resolver: createZoneResolver({ zone: other.engine.identities.zone, allowReal: () => false }),
    });
    const noKey = (await inspector.authentication('x'))!;
    expect(noKey.dkim[0].result).not.toBe('pass');
    expect(noKey.dkim[0].explanation).toMatch(/No usable DKIM key at .*\._domainkey\.example\.com/);
    // Another engine's published keys for the same domain: the key is not the signing key.
    const third = makeEngine();
    await third.engine.identities.create({ identity: 'example.com' });
    const wrongKey = await createAuthInspector({
      region: 'us-east-1',
      clock: third.clock,
      messages: { get: () => ({ id: 'x', source: 'news@example.com', mailFrom: 'news@example.com', rcptTo: ['a@b.c'] }) as never, raw: async () => t.raw },
      identities: third.engine.identities,
      resolver: createZoneResolver({ zone: third.engine.identities.zone, allowReal: () => false }),
    }).authentication('x');
    expect(wrongKey!.dkim[0]).toMatchObject({ result: 'fail', bodyHash: 'pass' });
  });

  it('SPF for a custom MAIL FROM: passes when published (include:amazonses.com), fails with a -all record; DMARC fails with p=reject', async () => {
    const { engine } = makeEngine();
    await engine.identities.create({ identity: 'example.com' });
    engine.identities.setDkimSigningEnabled('example.com', false);
    engine.identities.setMailFrom('example.com', 'bounce.example.com', 'USE_DEFAULT_VALUE');
    engine.identities.publishToZone('example.com');
    const sent = await engine.sending.send(simpleRequest({ from: 'a@example.com' }));
    const pass = (await engine.inspect.authentication(sent.messageId))!;
    expect(pass.spf).toMatchObject({ result: 'pass', domain: 'bounce.example.com' });
    expect(pass.spf.mailFrom).toBe(`${sent.messageId}@bounce.example.com`);

    const { engine: e2 } = makeEngine();
    await e2.identities.create({ identity: 'example.org' });
    e2.identities.setDkimSigningEnabled('example.org', false);
    // Auto-verify published the identity already: a second SPF record at the MAIL FROM domain is a permerror.
    e2.identities.setMailFrom('example.org', 'mf.example.org', 'USE_DEFAULT_VALUE');
    e2.identities.publishToZone('example.org');
    e2.inspect.dns.add({ name: 'mf.example.org', type: 'TXT', value: 'v=spf1 -all' });
    const twice = await e2.sending.send(simpleRequest({ from: 'a@example.org' }));
    expect((await e2.inspect.authentication(twice.messageId))!.spf.explanation).toMatch(/multiple SPF records/);
    // SES's own MAIL FROM, with a user record overriding SES's SPF: fail.
    e2.identities.setMailFrom('example.org', null);
    e2.inspect.dns.add({ name: 'amazonses.com', type: 'TXT', value: 'v=spf1 -all' });
    e2.inspect.dns.add({ name: '_dmarc.example.org', type: 'TXT', value: 'v=DMARC1; p=reject' });
    const s2 = await e2.sending.send(simpleRequest({ from: 'a@example.org' }));
    const fail = (await e2.inspect.authentication(s2.messageId))!;
    expect(fail.spf.result).toBe('fail');
    expect(fail.dmarc).toMatchObject({ result: 'fail', policy: 'reject' });
    expect(fail.dmarc.explanation).toMatch(/reject/);
    expect(fail.checklist.find((i) => i.id === 'spf-or-dkim')?.status).toBe('fail');
  });

  it('user DNS records: add, list, remove, validation; bulk mail needs one-click unsubscribe', async () => {
    const { engine } = makeEngine();
    expect(engine.inspect.dns.add({ name: 'Host.Example.com.', type: 'a', value: '192.0.2.1' })).toEqual({ name: 'host.example.com', type: 'A', value: '192.0.2.1' });
    expect(engine.inspect.dns.list()).toEqual([{ name: 'host.example.com', type: 'A', value: '192.0.2.1' }]);
    expect(() => engine.inspect.dns.add({ name: 'x', type: 'A', value: 'nope' })).toThrow(SesError);
    expect(() => engine.inspect.dns.add({ name: 'bad name', type: 'TXT', value: 'v' })).toThrow(/not a domain name/);
    expect(engine.inspect.dns.remove('host.example.com', 'A')).toBe(1);
    expect(() => engine.inspect.dns.remove('host.example.com', 'A')).toThrow(/No user DNS record/);
    const raw = 'From: a@bulk.test\r\nTo: b@c.test\r\nSubject: s\r\nPrecedence: bulk\r\nMessage-ID: <1@bulk.test>\r\nDate: Thu, 01 Jan 2026 00:00:00 +0000\r\n\r\nhi\nbare\r\n';
    const { messageId } = await engine.sending.send({ ...simpleRequest(), content: { kind: 'raw', data: Buffer.from(raw) } });
    const r = (await engine.inspect.authentication(messageId))!;
    expect(r.bulk).toBe(true);
    const byId = Object.fromEntries(r.checklist.map((i) => [i.id, i.status]));
    expect(byId).toMatchObject({ 'one-click-unsubscribe': 'fail', 'dmarc-record': 'fail', 'gmail-yahoo': 'fail', 'message-id': 'pass', date: 'pass' });
  });

  it('real DNS is asked only when the fallback is enabled', async () => {
    const { engine } = makeEngine();
    const asked: string[] = [];
    const real = async (name: string, rr: string) => {
      asked.push(`${rr} ${name}`);
      return [['v=spf1 -all']];
    };
    let allowed = false;
    const resolve = createZoneResolver({ zone: engine.identities.zone, realDns: real, allowReal: () => allowed });
    await expect(resolve('elsewhere.test', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    allowed = true;
    await expect(resolve('elsewhere.test', 'TXT')).resolves.toEqual([['v=spf1 -all']]);
    expect(asked).toEqual(['TXT elsewhere.test']);
    await expect(resolve('amazonses.com', 'TXT')).resolves.toEqual([[SES_SPF_RECORD]]);
    expect(engine.inspect.dns.realDnsFallback()).toBe(false);
    expect(engine.inspect.dns.realDnsFallback(true)).toBe(true);
  });
});
