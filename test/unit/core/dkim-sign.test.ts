// DKIM signing as SES signs: a published domain identity with DKIM SUCCESS signs From-domain mail (and a
// subdomain's via the parent), relaxed/relaxed rsa-sha256 with d=<domain>, s=<token>; signing off, pending
// DKIM or no identity: unsigned. The signature verifies with mailauth against the local zone.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeEngine, simpleRequest, v2Caller } from './helpers';

const sigOf = (raw: Buffer) => {
  const text = raw.toString('latin1').replace(/^Return-Path:.*\r\n/, '');
  expect(text.startsWith('DKIM-Signature:')).toBe(true);
  const field = /^DKIM-Signature:[^]*?\r\n(?=\S)/.exec(text)![0].replace(/\r\n[ \t]+/g, ' ');
  return Object.fromEntries(field.slice(15).split(';').map((t) => t.trim()).filter(Boolean).map((t) => [t.slice(0, t.indexOf('=')), t.slice(t.indexOf('=') + 1)]));
};

describe('DKIM signing in the send path', () => {
  it('signs mail from a DKIM-verified domain as the first header (d=domain, s=token, relaxed/relaxed)', async () => {
    const { engine } = makeEngine();
    const d = await engine.identities.create({ identity: 'example.com' });
    engine.identities.publishToZone('example.com');
    const t = performance.now();
    const { messageId } = await engine.sending.send(simpleRequest({ from: 'news@example.com' }));
    const elapsed = performance.now() - t;
    const raw = (await engine.messages.raw(messageId))!;
    const tags = sigOf(raw);
    expect(tags).toMatchObject({ v: '1', a: 'rsa-sha256', c: 'relaxed/relaxed', d: 'example.com', s: d.dkim.tokens[0] });
    const signed = tags.h.toLowerCase().split(':').map((h: string) => h.trim());
    expect(signed).toEqual(expect.arrayContaining(['from', 'to', 'subject', 'mime-version', 'content-type', 'date', 'message-id']));
    const report = (await engine.inspect.authentication(messageId))!;
    expect(report.dkim).toHaveLength(1);
    expect(report.dkim[0]).toMatchObject({ domain: 'example.com', selector: d.dkim.tokens[0], result: 'pass', bodyHash: 'pass', explanation: null });
    console.info(`send with DKIM signing: ${elapsed.toFixed(1)} ms`);
  });

  it('signs a subdomain sender with the parent domain identity (a@mail.example.com gets d=example.com)', async () => {
    const { engine } = makeEngine();
    await engine.identities.create({ identity: 'example.com' });
    const { messageId } = await engine.sending.send(simpleRequest({ from: 'a@mail.example.com' }));
    expect(sigOf((await engine.messages.raw(messageId))!).d).toBe('example.com');
  });

  it('leaves mail unsigned without a DKIM-enabled domain identity (email identity, signing disabled)', async () => {
    const { engine } = makeEngine();
    const first = await engine.sending.send(simpleRequest({ from: 'a@nodomain.test' }));
    expect((await engine.messages.raw(first.messageId))!.toString('latin1')).not.toMatch(/^DKIM-Signature:/im);
    await engine.identities.create({ identity: 'example.com' });
    engine.identities.setDkimSigningEnabled('example.com', false);
    const second = await engine.sending.send(simpleRequest({ from: 'a@example.com' }));
    expect((await engine.messages.raw(second.messageId))!.toString('latin1')).not.toMatch(/^DKIM-Signature:/im);
    const report = (await engine.inspect.authentication(second.messageId))!;
    expect(report.dkim).toEqual([]);
    expect(report.checklist.find((i) => i.id === 'dkim')?.status).toBe('warn');
    expect(v2Caller.door).toBe('sesv2');
  });

  it('BYODKIM signs with the caller\'s selector and key, which verifies against the published TXT record', async () => {
    const { engine } = makeEngine();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await engine.identities.create({ identity: 'byo.example', dkim: { origin: 'EXTERNAL', selector: 'sel2026', privateKey: pem } });
    engine.identities.publishToZone('byo.example');
    const { messageId } = await engine.sending.send(simpleRequest({ from: 'a@byo.example' }));
    expect(sigOf((await engine.messages.raw(messageId))!)).toMatchObject({ d: 'byo.example', s: 'sel2026' });
    const t = performance.now();
    const report = (await engine.inspect.authentication(messageId))!;
    console.info(`authentication report: ${(performance.now() - t).toFixed(1)} ms`);
    expect(report.dkim[0]).toMatchObject({ domain: 'byo.example', selector: 'sel2026', result: 'pass' });
  });
});
