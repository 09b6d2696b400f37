// SES v2 identities with the real @aws-sdk/client-sesv2 against a Sesame that requires verification:
// create / get / list / delete, DKIM (Easy and BYODKIM), MAIL FROM, feedback, default configuration set,
// the modelled errors, and a send refused until the verification link (followed with fetch) verifies the sender.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CreateConfigurationSetCommand,
  CreateEmailIdentityCommand,
  DeleteEmailIdentityCommand,
  GetEmailIdentityCommand,
  ListEmailIdentitiesCommand,
  PutEmailIdentityConfigurationSetAttributesCommand,
  PutEmailIdentityDkimAttributesCommand,
  PutEmailIdentityDkimSigningAttributesCommand,
  PutEmailIdentityFeedbackAttributesCommand,
  PutEmailIdentityMailFromAttributesCommand,
  SendEmailCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { rejection } from '../helpers/rejection';
import { useSdkSesame } from '../helpers/sdk-sesame';
import type { TestSesame } from '../helpers/start-headless';
import { followVerificationLink, verificationMail } from '../helpers/verification-mail';

let sesame: TestSesame;
let v2: SESv2Client;
// Verification required (no auto-verify), production access so only the sender is checked, no practical rate limit.
useSdkSesame((t) => ({ sesame, v2 } = t), { account: { autoVerify: false, sandbox: false } });

const simple = (from: string) =>
  new SendEmailCommand({
    FromEmailAddress: from,
    Destination: { ToAddresses: ['someone@elsewhere.example'] },
    Content: { Simple: { Subject: { Data: 'hi' }, Body: { Text: { Data: 'hello' } } } },
  });

describe('SES v2 email identities', () => {
  it('CreateEmailIdentity for an address: PENDING, a verification email, a refused send, the link, an accepted send', async () => {
    const created = await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'dev@example.com', Tags: [{ Key: 'team', Value: 'web' }] }));
    expect(created).toMatchObject({ IdentityType: 'EMAIL_ADDRESS', VerifiedForSendingStatus: false });
    expect(created.DkimAttributes).toBeUndefined();

    const got = await v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'dev@example.com' }));
    expect(got).toMatchObject({
      IdentityType: 'EMAIL_ADDRESS',
      FeedbackForwardingStatus: true,
      VerifiedForSendingStatus: false,
      VerificationStatus: 'PENDING',
      Tags: [{ Key: 'team', Value: 'web' }],
      Policies: {},
      MailFromAttributes: { BehaviorOnMxFailure: 'USE_DEFAULT_VALUE' },
      DkimAttributes: { SigningEnabled: false, Status: 'NOT_STARTED', SigningAttributesOrigin: 'AWS_SES' },
    });

    const refused = await rejection(v2.send(simple('Dev <dev@example.com>')));
    expect([refused.name, refused.$metadata.httpStatusCode, refused.message]).toEqual([
      'MessageRejected',
      400,
      'Email address is not verified. The following identities failed the check in region US-EAST-1: Dev <dev@example.com>',
    ]);

    const mail = (await verificationMail(sesame.engine, 'dev@example.com'))!;
    expect(mail.link.startsWith(`${sesame.urls.aws}/_sesame/verify-email?token=`)).toBe(true);
    const page = await followVerificationLink(sesame.engine, 'dev@example.com');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Congratulations!');
    expect(page.html).toContain('You have successfully verified an email address. You can now start sending email from this address.');

    const after = await v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'dev@example.com' }));
    expect(after).toMatchObject({ VerificationStatus: 'SUCCESS', VerifiedForSendingStatus: true });
    expect(after.VerificationInfo?.LastSuccessTimestamp).toBeInstanceOf(Date);
    const sent = await v2.send(simple('Dev <dev+news@example.com>'));
    expect(sent.MessageId).toMatch(/-000000$/);
  });

  it('CreateEmailIdentity for a domain: Easy DKIM tokens; BYODKIM via DkimSigningAttributes; key length', async () => {
    const easy = await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'easy.example', DkimSigningAttributes: { NextSigningKeyLength: 'RSA_1024_BIT' } }));
    expect(easy).toMatchObject({ IdentityType: 'DOMAIN', VerifiedForSendingStatus: false, DkimAttributes: { SigningEnabled: true, Status: 'PENDING', SigningAttributesOrigin: 'AWS_SES', CurrentSigningKeyLength: 'RSA_1024_BIT' } });
    expect(easy.DkimAttributes!.Tokens).toHaveLength(3);
    expect(easy.DkimAttributes!.LastKeyGenerationTimestamp).toBeInstanceOf(Date);

    const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'der' }).toString('base64');
    const byo = await v2.send(
      new CreateEmailIdentityCommand({ EmailIdentity: 'byo.example', DkimSigningAttributes: { DomainSigningSelector: 'sesame', DomainSigningPrivateKey: key } }),
    );
    expect(byo.DkimAttributes).toMatchObject({ SigningAttributesOrigin: 'EXTERNAL', Tokens: ['sesame'], Status: 'PENDING', CurrentSigningKeyLength: 'RSA_2048_BIT' });

    const bad = await rejection(v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'bad.example', DkimSigningAttributes: { NextSigningKeyLength: 'RSA_4096_BIT' as never } })));
    expect([bad.name, bad.message]).toEqual([
      'BadRequestException',
      "1 validation error detected: Value 'RSA_4096_BIT' at 'dkimSigningAttributes.nextSigningKeyLength' failed to satisfy constraint: Member must satisfy enum value set: [RSA_1024_BIT, RSA_2048_BIT]",
    ]);
  });

  it('modelled errors: AlreadyExists, NotFound (unknown identity, unknown configuration set), BadRequest', async () => {
    await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'twice.example' }));
    const dup = await rejection(v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'TWICE.example' })));
    expect([dup.name, dup.$metadata.httpStatusCode, dup.message]).toEqual(['AlreadyExistsException', 400, 'Email identity twice.example already exists.']);

    const noSet = await rejection(v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'withset@example.com', ConfigurationSetName: 'missing' })));
    expect([noSet.name, noSet.$metadata.httpStatusCode, noSet.message]).toEqual(['NotFoundException', 404, 'Configuration set missing does not exist.']);
    const gone = await rejection(v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'withset@example.com' })));
    expect([gone.name, gone.$metadata.httpStatusCode, gone.message]).toEqual(['NotFoundException', 404, 'Email identity withset@example.com does not exist.']);

    const del = await rejection(v2.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'nobody@example.com' })));
    expect(del.name).toBe('NotFoundException');
    const put = await rejection(v2.send(new PutEmailIdentityFeedbackAttributesCommand({ EmailIdentity: 'nobody@example.com', EmailForwardingEnabled: false })));
    expect(put.name).toBe('NotFoundException');
    const invalid = await rejection(v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'not a domain' })));
    expect([invalid.name, invalid.message]).toEqual(['BadRequestException', 'Invalid domain name <not a domain>.']);
  });

  it('Put* attributes round-trip through GetEmailIdentity; PutEmailIdentityDkimSigningAttributes returns status and tokens', async () => {
    await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'attrs.example' }));
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'attrs-set' }));
    await v2.send(new PutEmailIdentityConfigurationSetAttributesCommand({ EmailIdentity: 'attrs.example', ConfigurationSetName: 'attrs-set' }));
    await v2.send(new PutEmailIdentityFeedbackAttributesCommand({ EmailIdentity: 'attrs.example', EmailForwardingEnabled: false }));
    await v2.send(new PutEmailIdentityDkimAttributesCommand({ EmailIdentity: 'attrs.example', SigningEnabled: false }));
    await v2.send(new PutEmailIdentityMailFromAttributesCommand({ EmailIdentity: 'attrs.example', MailFromDomain: 'bounce.attrs.example', BehaviorOnMxFailure: 'REJECT_MESSAGE' }));
    const got = await v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'attrs.example' }));
    expect(got).toMatchObject({
      ConfigurationSetName: 'attrs-set',
      FeedbackForwardingStatus: false,
      DkimAttributes: { SigningEnabled: false, Status: 'PENDING' },
      MailFromAttributes: { MailFromDomain: 'bounce.attrs.example', MailFromDomainStatus: 'PENDING', BehaviorOnMxFailure: 'REJECT_MESSAGE' },
    });

    const key = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const external = await v2.send(
      new PutEmailIdentityDkimSigningAttributesCommand({ EmailIdentity: 'attrs.example', SigningAttributesOrigin: 'EXTERNAL', SigningAttributes: { DomainSigningSelector: 's1', DomainSigningPrivateKey: key } }),
    );
    expect(external).toMatchObject({ DkimStatus: 'PENDING', DkimTokens: ['s1'] });
    const easy = await v2.send(new PutEmailIdentityDkimSigningAttributesCommand({ EmailIdentity: 'attrs.example', SigningAttributesOrigin: 'AWS_SES' }));
    expect(easy.DkimStatus).toBe('PENDING');
    expect(easy.DkimTokens).toHaveLength(3);
    const incomplete = await rejection(
      v2.send(new PutEmailIdentityDkimSigningAttributesCommand({ EmailIdentity: 'attrs.example', SigningAttributesOrigin: 'EXTERNAL', SigningAttributes: { DomainSigningSelector: 's1' } })),
    );
    expect([incomplete.name, incomplete.message]).toEqual([
      'BadRequestException',
      'DomainSigningSelector and DomainSigningPrivateKey are required when SigningAttributesOrigin is EXTERNAL.',
    ]);
    const badMailFrom = await rejection(v2.send(new PutEmailIdentityMailFromAttributesCommand({ EmailIdentity: 'attrs.example', MailFromDomain: 'elsewhere.example' })));
    expect([badMailFrom.name, badMailFrom.message]).toEqual(['BadRequestException', 'Invalid MAIL FROM domain <elsewhere.example>: it must be a subdomain of attrs.example.']);

    // The pending RejectMessage MAIL FROM refuses sends once the domain itself is verified.
    sesame.engine.identities.setVerificationStatus('attrs.example', 'SUCCESS');
    await v2.send(new PutEmailIdentityMailFromAttributesCommand({ EmailIdentity: 'attrs.example', MailFromDomain: 'mf2.attrs.example', BehaviorOnMxFailure: 'REJECT_MESSAGE' }));
    const mf = await rejection(v2.send(simple('app@attrs.example')));
    expect([mf.name, mf.$metadata.httpStatusCode, mf.message]).toEqual([
      'MailFromDomainNotVerifiedException',
      400,
      'Amazon SES could not read the MX record required to use the specified MAIL FROM domain mf2.attrs.example.',
    ]);
    sesame.engine.identities.publishToZone('attrs.example');
    const ok = await v2.send(simple('app@attrs.example'));
    expect((await sesame.engine.messages.get(ok.MessageId!))!.configurationSet).toBe('attrs-set');
  });

  it('ListEmailIdentities pages with PageSize/NextToken; DeleteEmailIdentity removes one', async () => {
    for (const n of [1, 2, 3]) await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: `page${n}@list.example` }));
    const seen: { IdentityName?: string; IdentityType?: string; SendingEnabled?: boolean; VerificationStatus?: string }[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await v2.send(new ListEmailIdentitiesCommand({ PageSize: 2, NextToken: token }));
      seen.push(...r.EmailIdentities!);
      token = r.NextToken;
      pages++;
    } while (token);
    const all = sesame.engine.identities.list();
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(seen.map((s) => s.IdentityName)).toEqual(all.map((v) => v.identity));
    expect(seen.find((s) => s.IdentityName === 'page1@list.example')).toEqual({
      IdentityType: 'EMAIL_ADDRESS',
      IdentityName: 'page1@list.example',
      SendingEnabled: false,
      VerificationStatus: 'PENDING',
    });
    await v2.send(new DeleteEmailIdentityCommand({ EmailIdentity: 'page2@list.example' }));
    const after = await v2.send(new ListEmailIdentitiesCommand({}));
    expect(after.EmailIdentities!.map((s) => s.IdentityName)).not.toContain('page2@list.example');
    expect(after.NextToken).toBeUndefined();
    const badToken = await rejection(v2.send(new ListEmailIdentitiesCommand({ NextToken: 'bogus' })));
    expect(badToken.name).toBe('BadRequestException');
  });

  it('the verification page: an unknown token is 404, an expired link is 400 and the identity FAILED', async () => {
    const unknown = await fetch(`${sesame.urls.aws}/_sesame/verify-email?token=nope`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await unknown.text()).toContain('This verification link is not valid');

    await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'slow@example.com' }));
    const mail = (await verificationMail(sesame.engine, 'slow@example.com'))!;
    sesame.engine.time.advance(24 * 60 * 60 * 1000 + 1);
    const expired = await fetch(mail.link);
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('This verification link has expired');
    const got = await v2.send(new GetEmailIdentityCommand({ EmailIdentity: 'slow@example.com' }));
    expect(got.VerificationStatus).toBe('FAILED');
  });
});
