// What identities decide for a send (ses-facts §A.3, §A.9): only SUCCESS identities cover a sender or a
// sandbox recipient — exact address, +label stripped, domain, parent domains, local part case-sensitive —
// a custom MAIL FROM with RejectMessage must be verified, and the identity's default configuration set applies.
import { describe, expect, it } from 'vitest';
import { makeEngine, NEW_ACCOUNT_RULES, refusal, simpleRequest } from './helpers';

const newAccount = (over: Parameters<typeof makeEngine>[0] = {}) => makeEngine({ account: NEW_ACCOUNT_RULES, ...over });
const notVerified = (...ids: string[]) => `Email address is not verified. The following identities failed the check in region US-EAST-1: ${ids.join(', ')}`;

describe('sending and identities', () => {
  it('a new account refuses an unverified sender, then a pending one, and accepts once the link is followed', async () => {
    const { engine } = newAccount();
    engine.account.update({ sandbox: false });
    const send = () => engine.sending.send(simpleRequest({ from: 'Dev <dev@example.com>', destination: { to: ['anyone@elsewhere.example'] } }));
    const e1 = await refusal(send());
    expect([e1.kind, e1.message]).toEqual(['MessageRejected', notVerified('Dev <dev@example.com>')]);
    await engine.identities.verifyEmail('dev@example.com');
    expect((await refusal(send())).message).toBe(notVerified('Dev <dev@example.com>'));
    const mail = engine.messages.list({}).items.find((m) => m.operation === 'VerificationEmail')!;
    const token = /token=([\w-]+)/.exec((await engine.messages.get(mail.id))!.text!)![1];
    engine.identities.confirmEmail(token);
    const { messageId } = await send();
    expect((await engine.messages.get(messageId))!.status).not.toBe('rejected');
  });

  it('the sandbox error echoes each recipient as the caller wrote it, display name included (ses-facts §A.3)', async () => {
    const { engine } = newAccount();
    engine.identities.setVerificationStatus((await engine.identities.create({ identity: 'from@example.com' })).identity, 'SUCCESS');
    const e = await refusal(
      engine.sending.send(simpleRequest({ from: 'from@example.com', destination: { to: ['yoyo <yoyo@domain.com>', 'plain@domain.com'] } })),
    );
    expect(e.message).toBe(notVerified('yoyo <yoyo@domain.com>', 'plain@domain.com'));
  });

  it('in the sandbox every recipient must be verified too (simulator exempt); the error lists them in order', async () => {
    const { engine } = newAccount();
    engine.identities.setVerificationStatus((await engine.identities.create({ identity: 'from@example.com' })).identity, 'SUCCESS');
    await engine.identities.create({ identity: 'pending@example.com' });
    const e = await refusal(
      engine.sending.send(
        simpleRequest({
          from: 'from@example.com',
          destination: { to: ['b@x.example', 'success@simulator.amazonses.com'], cc: ['pending@example.com'], bcc: ['from@example.com'] },
        }),
      ),
    );
    expect(e.message).toBe(notVerified('b@x.example', 'pending@example.com'));
    engine.identities.verifyDomain('x.example');
    engine.identities.publishToZone('x.example');
    engine.identities.setVerificationStatus('pending@example.com', 'SUCCESS');
    await engine.sending.send(simpleRequest({ from: 'from@example.com', destination: { to: ['b@x.example'], cc: ['pending@example.com'] } }));
  });

  it('covering: exact address, +label, domain and parent domains; local parts are case-sensitive; only SUCCESS counts', async () => {
    const { engine } = newAccount();
    await engine.identities.create({ identity: 'Sender@example.com' });
    engine.identities.setVerificationStatus('Sender@example.com', 'SUCCESS');
    const ids = engine.identities;
    expect(ids.verifiedFor('Sender@EXAMPLE.COM')).toBe('Sender@example.com');
    expect(ids.verifiedFor('Sender+news@example.com')).toBe('Sender@example.com');
    expect(ids.verifiedFor('sender@example.com')).toBeNull();
    ids.verifyDomain('corp.example');
    expect(ids.verifiedFor('a@mail.eu.corp.example')).toBeNull(); // PENDING
    ids.setVerificationStatus('corp.example', 'SUCCESS');
    expect(ids.verifiedFor('a@mail.eu.corp.example')).toBe('corp.example');
    expect(ids.verifiedFor('A@Corp.Example')).toBe('corp.example');
    expect(ids.verifiedFor('a@notcorp.example')).toBeNull();
    ids.setVerificationStatus('corp.example', 'TEMPORARY_FAILURE');
    expect(ids.verifiedFor('a@corp.example')).toBeNull();
  });

  it('a custom MAIL FROM with RejectMessage that is not verified refuses the send (MailFromDomainNotVerified)', async () => {
    const { engine } = newAccount();
    engine.account.update({ sandbox: false, maxSendRate: 1_000_000 });
    await engine.identities.create({ identity: 'example.com' });
    engine.identities.setVerificationStatus('example.com', 'SUCCESS');
    engine.identities.setMailFrom('example.com', 'bounce.example.com', 'REJECT_MESSAGE');
    engine.identities.setVerificationStatus('example.com', 'SUCCESS'); // the domain, DKIM and MAIL FROM
    engine.identities.setMailFrom('example.com', 'other.example.com', 'REJECT_MESSAGE'); // a new MAIL FROM: PENDING again
    const send = () => engine.sending.send(simpleRequest({ from: 'app@example.com', destination: { to: ['r@elsewhere.example'] } }));
    const e = await refusal(send());
    expect([e.kind, e.wire.v2, e.wire.v1, e.message]).toEqual([
      'MailFromDomainNotVerified',
      'MailFromDomainNotVerifiedException',
      'MailFromDomainNotVerifiedException',
      'Amazon SES could not read the MX record required to use the specified MAIL FROM domain other.example.com.',
    ]);
    // UseDefaultValue falls back to amazonses.com: the send goes through.
    engine.identities.setMailFrom('example.com', 'other.example.com', 'USE_DEFAULT_VALUE');
    await send();
    // The most specific identity with a MAIL FROM decides: an address identity's own setting wins.
    engine.identities.setMailFrom('example.com', 'other.example.com', 'REJECT_MESSAGE');
    await engine.identities.create({ identity: 'app@example.com' });
    engine.identities.setVerificationStatus('app@example.com', 'SUCCESS');
    engine.identities.setMailFrom('app@example.com', 'third.example.com', 'USE_DEFAULT_VALUE');
    await send();
    engine.identities.publishToZone('example.com');
    engine.identities.setMailFrom('app@example.com', null);
    await send();
  });

  it('the sender identity\'s default configuration set applies when the send names none', async () => {
    const { engine } = makeEngine();
    engine.configurationSets.create('tracking');
    await engine.identities.create({ identity: 'example.com', configurationSet: 'tracking' });
    const a = await engine.sending.send(simpleRequest({ from: 'a@example.com' }));
    expect((await engine.messages.get(a.messageId))!.configurationSet).toBe('tracking');
    engine.configurationSets.create('named');
    const b = await engine.sending.send(simpleRequest({ from: 'a@example.com', configurationSetName: 'named' }));
    expect((await engine.messages.get(b.messageId))!.configurationSet).toBe('named');
  });
});
