// Email identity verification as a user lives it: PENDING, SES's verification email in the inbox, the link
// (24 hours), SUCCESS — or FAILED when the link expires; auto-verify skips all of it.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src-main/core/engine-api';
import { verificationEmail } from '../../../src-main/core/identities/verification-email';
import { makeEngine, NEW_ACCOUNT_RULES, T0 } from './helpers';

const DAY = 24 * 60 * 60 * 1000;

/** The verification emails in the inbox, newest first, with their link tokens. */
async function verificationMails(engine: Engine) {
  const rows = engine.messages.list({ limit: 200 }).items.filter((m) => m.operation === 'VerificationEmail');
  return Promise.all(
    rows.map(async (row) => {
      const detail = (await engine.messages.get(row.id))!;
      const token = /\/_sesame\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(detail.text ?? '')?.[1];
      return { row, detail, token: token! };
    }),
  );
}

const newAccount = () =>
  makeEngine({ account: NEW_ACCOUNT_RULES, publicUrls: { aws: () => 'http://127.0.0.1:4566/' } });

describe('email identity verification', () => {
  it('starts PENDING and captures SES\'s verification email, with a link to the AWS endpoint', async () => {
    const { engine } = newAccount();
    const view = await engine.identities.verifyEmail('Dev@Example.com');
    expect(view).toMatchObject({ identity: 'Dev@example.com', type: 'EMAIL_ADDRESS', verificationStatus: 'PENDING' });
    const mails = await verificationMails(engine);
    expect(mails).toHaveLength(1);
    const { row, detail, token } = mails[0];
    expect(row.door).toBe('system');
    expect(detail.from).toEqual({ name: 'Amazon Web Services', address: 'no-reply-aws@amazon.com' });
    expect(detail.to).toEqual([{ name: '', address: 'Dev@example.com' }]);
    expect(detail.subject).toBe('Amazon Web Services – Email Address Verification Request in region US East (N. Virginia)');
    expect(detail.text).toContain('Dear Amazon Web Services Customer,');
    expect(detail.text).toContain(
      'We have received a request to authorize this email address for use with Amazon SES and Amazon Pinpoint in region US East (N. Virginia). ' +
        'To confirm that you are authorized to use this email address, please go to the following URL within 24 hours:',
    );
    expect(detail.text).toContain(`http://127.0.0.1:4566/_sesame/verify-email?token=${token}`);
    expect(detail.html).toContain(`<a href="http://127.0.0.1:4566/_sesame/verify-email?token=${token}">`);
    expect(token.length).toBeGreaterThanOrEqual(40);
    // It is mail SES sent: no SES events, no quota used.
    expect(detail.events).toEqual([]);
    expect(engine.account.quota().sentLast24Hours).toBe(0);
  });

  it('following the link verifies the address; following it again still says verified', async () => {
    const { engine, clock } = newAccount();
    await engine.identities.verifyEmail('dev@example.com');
    const [{ token }] = await verificationMails(engine);
    clock.advance(DAY - 1);
    expect(engine.identities.confirmEmail(token)).toEqual({ outcome: 'verified', identity: 'dev@example.com' });
    expect(engine.identities.get('dev@example.com')).toMatchObject({ verificationStatus: 'SUCCESS', lastSuccessAt: T0 + DAY - 1, lastCheckedAt: T0 + DAY - 1 });
    clock.advance(2 * DAY);
    expect(engine.identities.confirmEmail(token)).toEqual({ outcome: 'verified', identity: 'dev@example.com' });
    expect(engine.identities.get('dev@example.com')!.verificationStatus).toBe('SUCCESS');
    expect(engine.identities.confirmEmail('not-a-token')).toEqual({ outcome: 'unknown' });
  });

  it('a link not followed within 24 hours expires: the identity reads FAILED, the link says expired', async () => {
    const { engine } = newAccount();
    await engine.identities.verifyEmail('late@example.com');
    const [{ token }] = await verificationMails(engine);
    engine.time.advance(DAY);
    expect(engine.identities.get('late@example.com')!.verificationStatus).toBe('PENDING');
    engine.time.advance(1);
    expect(engine.identities.get('late@example.com')!.verificationStatus).toBe('FAILED');
    expect(engine.identities.verifiedFor('late@example.com')).toBeNull();
    expect(engine.identities.confirmEmail(token)).toEqual({ outcome: 'expired', identity: 'late@example.com' });
    expect(engine.identities.get('late@example.com')!.verificationStatus).toBe('FAILED');
  });

  it('verifying again sends a new link and retires the old one; a verified address gets no new mail', async () => {
    const { engine } = newAccount();
    await engine.identities.verifyEmail('again@example.com');
    const [first] = await verificationMails(engine);
    const again = await engine.identities.verifyEmail('again@example.com');
    expect(again.verificationStatus).toBe('PENDING');
    const mails = await verificationMails(engine);
    expect(mails).toHaveLength(2);
    const second = mails.find((m) => m.token !== first.token)!;
    expect(engine.identities.confirmEmail(first.token)).toEqual({ outcome: 'unknown' });
    expect(engine.identities.confirmEmail(second.token).outcome).toBe('verified');
    await engine.identities.verifyEmail('again@example.com');
    expect(await verificationMails(engine)).toHaveLength(2);
    expect(engine.identities.list()).toHaveLength(1);
  });

  it('v2 create of an email identity sends the email too; deleting the identity retires its link', async () => {
    const { engine } = newAccount();
    const view = await engine.identities.create({ identity: 'v2@example.com' });
    expect(view.verificationStatus).toBe('PENDING');
    const [{ token }] = await verificationMails(engine);
    expect(engine.identities.delete('v2@example.com')).toBe(true);
    expect(engine.identities.confirmEmail(token)).toEqual({ outcome: 'unknown' });
  });

  it('auto-verify: SUCCESS at once, no email', async () => {
    const { engine } = makeEngine();
    const a = await engine.identities.verifyEmail('ci@example.com');
    const b = await engine.identities.create({ identity: 'ci2@example.com' });
    expect([a.verificationStatus, b.verificationStatus]).toEqual(['SUCCESS', 'SUCCESS']);
    expect(a.lastSuccessAt).toBe(T0);
    expect(await verificationMails(engine)).toEqual([]);
  });

  it('setVerificationStatus (automation) overrides a pending link, which then never expires', async () => {
    const { engine } = newAccount();
    await engine.identities.verifyEmail('qa@example.com');
    expect(engine.identities.setVerificationStatus('qa@example.com', 'TEMPORARY_FAILURE').verificationStatus).toBe('TEMPORARY_FAILURE');
    expect(engine.identities.setVerificationStatus('qa@example.com', 'PENDING').verificationStatus).toBe('PENDING');
    engine.time.advance(3 * DAY);
    expect(engine.identities.get('qa@example.com')!.verificationStatus).toBe('PENDING');
    expect(() => engine.identities.setVerificationStatus('nobody@example.com', 'SUCCESS')).toThrow(
      expect.objectContaining({ kind: 'NotFound', message: 'Email identity nobody@example.com does not exist.' }),
    );
  });

  it('names the region in the subject and escapes the link in the HTML', () => {
    const mime = verificationEmail({ to: 'a@example.com', region: 'sa-east-1', link: 'http://h/x?a=1&b=<2>', at: T0, seed: 's1' }).toString();
    expect(mime).toMatch(/^Date: Thu, 01 Jan 2026 00:00:00 \+0000\r\nMessage-ID: <s1@email\.amazonses\.com>\r\nFrom: Amazon Web Services <no-reply-aws@amazon\.com>\r\n/);
    expect(mime).toContain('Subject: Amazon Web Services\r\n =?UTF-8?Q?=E2=80=93_Email_Address_Verification_Req?=');
    expect(mime).toContain('South America (S=C3=A3o Paulo)');
    expect(mime).toContain('href=3D"http://h/x?a=3D1&amp;b=3D&lt;2&gt;"');
  });
});
