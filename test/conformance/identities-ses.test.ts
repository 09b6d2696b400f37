// SES v1 identities with the real @aws-sdk/client-ses, and the SMTP door's refusal, against a Sesame in the
// sandbox that requires verification: Verify*, the Get*/Set* attribute maps, ListIdentities /
// ListVerifiedEmailAddresses, deletes, and sends refused (MessageRejected, 554 over SMTP) until verified.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DeleteIdentityCommand,
  DeleteVerifiedEmailAddressCommand,
  GetIdentityDkimAttributesCommand,
  GetIdentityMailFromDomainAttributesCommand,
  GetIdentityVerificationAttributesCommand,
  ListIdentitiesCommand,
  ListVerifiedEmailAddressesCommand,
  SendEmailCommand,
  SetIdentityDkimEnabledCommand,
  SetIdentityMailFromDomainCommand,
  VerifyDomainDkimCommand,
  VerifyDomainIdentityCommand,
  VerifyEmailAddressCommand,
  VerifyEmailIdentityCommand,
  type SESClient,
} from '@aws-sdk/client-ses';
import nodemailer from 'nodemailer';
import { rejection } from '../helpers/rejection';
import { sesClient } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';
import { followVerificationLink, verificationMail } from '../helpers/verification-mail';

// The server runs in this process: never spawn peers synchronously (that would block it).
const run = promisify(execFile);
const hasSwaks = spawnSync('swaks', ['--version']).status === 0;

let sesame: TestSesame;
let v1: SESClient;
beforeAll(async () => {
  // A new account's rules (sandbox, verification required) without its 1/s rate, so the tests may send quickly.
  sesame = await startTestSesame({ account: { autoVerify: false, sandbox: true } });
  v1 = sesClient(sesame);
});
afterAll(async () => {
  v1?.destroy();
  await sesame?.cleanup();
});

const notVerified = (...ids: string[]) => `Email address is not verified. The following identities failed the check in region US-EAST-1: ${ids.join(', ')}`;

describe('SES v1 identities', () => {
  it('VerifyEmailIdentity: Pending, refused send, the link, Success; the sandbox still checks recipients', async () => {
    await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'ops@example.com' }));
    await v1.send(new VerifyEmailAddressCommand({ EmailAddress: 'rcpt@example.com' }));
    const attrs = await v1.send(new GetIdentityVerificationAttributesCommand({ Identities: ['ops@example.com', 'rcpt@example.com', 'unknown@example.com'] }));
    // Unknown identities are left out (ses-facts §D.11, [verify]); email identities carry no token.
    expect(attrs.VerificationAttributes).toEqual({ 'ops@example.com': { VerificationStatus: 'Pending' }, 'rcpt@example.com': { VerificationStatus: 'Pending' } });

    const send = () =>
      v1.send(new SendEmailCommand({ Source: 'ops@example.com', Destination: { ToAddresses: ['rcpt@example.com'] }, Message: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } }));
    const e1 = await rejection(send());
    expect([e1.name, e1.$metadata.httpStatusCode, e1.message]).toEqual(['MessageRejected', 400, notVerified('ops@example.com')]);

    expect((await followVerificationLink(sesame.engine, 'ops@example.com')).status).toBe(200);
    const e2 = await rejection(send());
    expect(e2.message).toBe(notVerified('rcpt@example.com'));
    expect((await followVerificationLink(sesame.engine, 'rcpt@example.com')).status).toBe(200);
    expect((await send()).MessageId).toMatch(/-000000$/);

    const after = await v1.send(new GetIdentityVerificationAttributesCommand({ Identities: ['ops@example.com'] }));
    expect(after.VerificationAttributes).toEqual({ 'ops@example.com': { VerificationStatus: 'Success' } });
    const listed = await v1.send(new ListVerifiedEmailAddressesCommand({}));
    expect(listed.VerifiedEmailAddresses).toEqual(expect.arrayContaining(['ops@example.com', 'rcpt@example.com']));
  });

  it('VerifyDomainIdentity returns the token; VerifyDomainDkim three tokens; DKIM attributes and SetIdentityDkimEnabled', async () => {
    const { VerificationToken } = await v1.send(new VerifyDomainIdentityCommand({ Domain: 'Legacy.Example' }));
    expect(VerificationToken).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect((await v1.send(new VerifyDomainIdentityCommand({ Domain: 'legacy.example' }))).VerificationToken).toBe(VerificationToken);
    const attrs = await v1.send(new GetIdentityVerificationAttributesCommand({ Identities: ['legacy.example'] }));
    expect(attrs.VerificationAttributes).toEqual({ 'legacy.example': { VerificationStatus: 'Pending', VerificationToken } });

    const before = await v1.send(new GetIdentityDkimAttributesCommand({ Identities: ['legacy.example'] }));
    expect(before.DkimAttributes).toEqual({ 'legacy.example': { DkimEnabled: false, DkimVerificationStatus: 'NotStarted' } });
    const { DkimTokens } = await v1.send(new VerifyDomainDkimCommand({ Domain: 'legacy.example' }));
    expect(DkimTokens).toHaveLength(3);
    for (const t of DkimTokens!) expect(t).toMatch(/^[a-z0-9]{32}$/);
    await v1.send(new SetIdentityDkimEnabledCommand({ Identity: 'legacy.example', DkimEnabled: false }));
    const dkim = await v1.send(new GetIdentityDkimAttributesCommand({ Identities: ['legacy.example'] }));
    expect(dkim.DkimAttributes).toEqual({ 'legacy.example': { DkimEnabled: false, DkimVerificationStatus: 'Pending', DkimTokens } });

    sesame.engine.identities.publishToZone('legacy.example');
    const verified = await v1.send(new GetIdentityDkimAttributesCommand({ Identities: ['legacy.example'] }));
    expect(verified.DkimAttributes!['legacy.example'].DkimVerificationStatus).toBe('Success');

    const unknown = await rejection(v1.send(new SetIdentityDkimEnabledCommand({ Identity: 'ghost.example', DkimEnabled: true })));
    expect([unknown.name, unknown.message]).toEqual(['MessageRejected', 'Identity ghost.example is not verified or does not exist.']);
  });

  it('SetIdentityMailFromDomain / GetIdentityMailFromDomainAttributes; RejectMessage refuses sends until verified', async () => {
    await v1.send(new VerifyDomainIdentityCommand({ Domain: 'mf.example' }));
    sesame.engine.identities.setVerificationStatus('mf.example', 'SUCCESS');
    await v1.send(new SetIdentityMailFromDomainCommand({ Identity: 'mf.example', MailFromDomain: 'bounce.mf.example', BehaviorOnMXFailure: 'RejectMessage' }));
    const attrs = await v1.send(new GetIdentityMailFromDomainAttributesCommand({ Identities: ['mf.example', 'ops@example.com'] }));
    expect(attrs.MailFromDomainAttributes).toEqual({
      'mf.example': { MailFromDomain: 'bounce.mf.example', MailFromDomainStatus: 'Pending', BehaviorOnMXFailure: 'RejectMessage' },
      'ops@example.com': { BehaviorOnMXFailure: 'UseDefaultValue' },
    });
    const send = () =>
      v1.send(new SendEmailCommand({ Source: 'app@mf.example', Destination: { ToAddresses: ['success@simulator.amazonses.com'] }, Message: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } }));
    const e = await rejection(send());
    expect([e.name, e.$metadata.httpStatusCode]).toEqual(['MailFromDomainNotVerifiedException', 400]);
    sesame.engine.identities.publishToZone('mf.example');
    expect((await send()).MessageId).toBeDefined();

    const bad = await rejection(v1.send(new SetIdentityMailFromDomainCommand({ Identity: 'mf.example', MailFromDomain: 'x.mf.example', BehaviorOnMXFailure: 'Bounce' as never })));
    expect([bad.name, bad.message]).toEqual([
      'ValidationError',
      "1 validation error detected: Value 'Bounce' at 'behaviorOnMXFailure' failed to satisfy constraint: Member must satisfy enum value set: [UseDefaultValue, RejectMessage]",
    ]);
    await v1.send(new SetIdentityMailFromDomainCommand({ Identity: 'mf.example' }));
    const off = await v1.send(new GetIdentityMailFromDomainAttributesCommand({ Identities: ['mf.example'] }));
    expect(off.MailFromDomainAttributes).toEqual({ 'mf.example': { BehaviorOnMXFailure: 'UseDefaultValue' } });
  });

  it('ListIdentities pages by type; DeleteIdentity and DeleteVerifiedEmailAddress remove, and succeed for unknown identities', async () => {
    for (const n of [1, 2, 3]) await v1.send(new VerifyEmailIdentityCommand({ EmailAddress: `l${n}@list.example` }));
    const all: string[] = [];
    let token: string | undefined;
    do {
      const page = await v1.send(new ListIdentitiesCommand({ IdentityType: 'EmailAddress', MaxItems: 2, NextToken: token }));
      all.push(...page.Identities!);
      token = page.NextToken;
    } while (token);
    expect(all).toEqual(sesame.engine.identities.list('EMAIL_ADDRESS').map((v) => v.identity));
    expect(all).toEqual(expect.arrayContaining(['l1@list.example', 'l2@list.example', 'l3@list.example']));
    await v1.send(new DeleteIdentityCommand({ Identity: 'l1@list.example' }));
    await v1.send(new DeleteVerifiedEmailAddressCommand({ EmailAddress: 'l2@list.example' }));
    await v1.send(new DeleteIdentityCommand({ Identity: 'never@list.example' }));
    const left = await v1.send(new ListIdentitiesCommand({}));
    expect(left.Identities).not.toContain('l1@list.example');
    expect(left.Identities).not.toContain('l2@list.example');
    expect(left.Identities).toContain('l3@list.example');
    const domains = await v1.send(new ListIdentitiesCommand({ IdentityType: 'Domain' }));
    expect(domains.Identities).toEqual(expect.arrayContaining(['legacy.example', 'mf.example']));
    expect(domains.Identities!.every((d) => !d.includes('@'))).toBe(true);
  });
});

describe('SMTP refuses unverified senders', () => {
  const transport = () =>
    nodemailer.createTransport({ host: '127.0.0.1', port: sesame.ports.smtp, requireTLS: true, tls: { rejectUnauthorized: false }, auth: { user: 'AKIASMTP', pass: 'x' } });

  it('nodemailer: 554 Message rejected: Email address is not verified…, then 250 once verified', async () => {
    await sesame.engine.identities.verifyEmail('mailer@smtp.example');
    const t = transport();
    const mail = { from: 'Mailer <mailer@smtp.example>', to: 'success@simulator.amazonses.com', subject: 'smtp', text: 'x' };
    const e = await rejection(t.sendMail(mail));
    expect(e.responseCode).toBe(554);
    expect(e.response).toBe(
      '554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: mailer@smtp.example',
    );
    expect((await followVerificationLink(sesame.engine, 'mailer@smtp.example')).status).toBe(200);
    const ok = await t.sendMail(mail);
    t.close();
    expect(ok.response).toMatch(/^250 Ok [0-9a-f]{16}-/);
  });

  it.skipIf(!hasSwaks)('swaks: the same 554 for an unverified sender' + (hasSwaks ? '' : ' (skipped: swaks is not installed)'), async () => {
    const out = await run('swaks', [
      '--server', '127.0.0.1', '--port', String(sesame.ports.smtp), '--tls',
      '--auth', 'LOGIN', '--auth-user', 'AKIASWAKS', '--auth-password', 'pw',
      '--from', 'stranger@smtp.example', '--to', 'success@simulator.amazonses.com', '--header', 'Subject: swaks', '--body', 'x',
    ], { encoding: 'utf8' }).then((r) => r.stdout, (err: { stdout: string }) => err.stdout);
    expect(out).toContain('* 554 Message rejected: Email address is not verified. The following identities failed the check in region US-EAST-1: stranger@smtp.example');
    expect(await verificationMail(sesame.engine, 'stranger@smtp.example')).toBeUndefined();
  });
});
