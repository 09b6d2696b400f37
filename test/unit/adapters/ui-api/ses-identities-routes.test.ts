// UI API identity routes against a real engine (a new account: verification required): create an address
// (PENDING, SES's verification email in the inbox) or a domain (its DNS records to copy), SES's own error for
// a duplicate, QA status changes, publishing a domain to the local zone, delete.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSesHarness, type SesHarness } from './ses-setup';

let h: SesHarness;
beforeEach(async () => {
  h = await startSesHarness({ account: {} });
});
afterEach(() => h.stop());

const enc = encodeURIComponent;

describe('POST/GET /api/identities', () => {
  it('creates an email identity PENDING and SES sends its verification email into the inbox', async () => {
    const res = await h.call('POST', '/api/identities', { identity: 'sender@example.com' });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({
      identity: 'sender@example.com',
      type: 'EMAIL_ADDRESS',
      verificationStatus: 'PENDING',
      verifiedForSending: false,
      dnsRecords: [],
      mailFrom: null,
      dkim: { status: 'NOT_STARTED' },
    });
    const inbox = h.engine.messages.list({ limit: 10 }).items;
    expect(inbox.some((m) => m.door === 'system' && m.to.some((a) => a.address === 'sender@example.com'))).toBe(true);
    const list = (await h.call('GET', '/api/identities')).json();
    expect(list.items.map((i: { identity: string }) => i.identity)).toEqual(['sender@example.com']);
  });

  it('creates a domain with the DNS records to publish (DKIM CNAMEs, _amazonses TXT)', async () => {
    const res = await h.call('POST', '/api/identities', { identity: 'Example.COM' });
    expect(res.status).toBe(201);
    const domain = res.json();
    expect(domain).toMatchObject({ identity: 'example.com', type: 'DOMAIN', verificationStatus: 'PENDING' });
    expect(domain.dkim.tokens).toHaveLength(3);
    const dkim = domain.dnsRecords.filter((r: { purpose: string }) => r.purpose === 'DKIM');
    expect(dkim).toHaveLength(3);
    for (const [i, token] of domain.dkim.tokens.entries()) {
      expect(dkim[i]).toEqual({ purpose: 'DKIM', type: 'CNAME', name: `${token}._domainkey.example.com`, value: `${token}.dkim.amazonses.com` });
    }
    expect(domain.dnsRecords).toContainEqual(expect.objectContaining({ purpose: 'Verification', type: 'TXT', name: '_amazonses.example.com' }));
    expect((await h.call('GET', '/api/identities/example.com')).json()).toEqual(domain);
  });

  it('answers a duplicate with SES v2 AlreadyExistsException and bad bodies with 400', async () => {
    await h.call('POST', '/api/identities', { identity: 'sender@example.com' });
    const dup = await h.call('POST', '/api/identities', { identity: 'sender@example.com' });
    expect(dup.status).toBe(400);
    expect(dup.json().code).toBe('AlreadyExistsException');
    for (const body of [{}, { identity: '' }, { identity: 42 }, { identity: 'a b@example.com' }, { email: 'x@y.z' }]) {
      const res = await h.call('POST', '/api/identities', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('BadRequest');
    }
    expect(h.engine.identities.list()).toHaveLength(1);
  });

  it('answers 404 for an identity that does not exist', async () => {
    expect((await h.call('GET', '/api/identities/nobody@example.com')).status).toBe(404);
    expect((await h.call('POST', '/api/identities/nobody@example.com/status', { status: 'SUCCESS' })).status).toBe(404);
    expect((await h.call('DELETE', '/api/identities/nobody@example.com')).status).toBe(404);
    expect((await h.call('GET', '/api/identities/%E0%A4%A')).status).toBe(400);
  });
});

describe('status, publish, delete', () => {
  it('marks an identity verified or failed (QA); sending follows', async () => {
    await h.call('POST', '/api/identities', { identity: 'qa+tag@example.com' });
    const path = `/api/identities/${enc('qa+tag@example.com')}/status`;
    const ok = await h.call('POST', path, { status: 'SUCCESS' });
    expect(ok.json()).toMatchObject({ verificationStatus: 'SUCCESS', verifiedForSending: true });
    expect(h.engine.identities.verifiedFor('qa+tag@example.com')).toBe('qa+tag@example.com');
    const failed = await h.call('POST', path, { status: 'FAILED' });
    expect(failed.json()).toMatchObject({ verificationStatus: 'FAILED', verifiedForSending: false });
    expect(h.engine.identities.verifiedFor('qa+tag@example.com')).toBeNull();
    for (const status of ['PENDING', 'NOT_STARTED', 'success', undefined]) {
      expect((await h.call('POST', path, { status })).status, String(status)).toBe(400);
    }
  });

  it('publishes a domain to the local zone: verified, DKIM verified, the zone answers', async () => {
    const domain = (await h.call('POST', '/api/identities', { identity: 'shop.example' })).json();
    const res = await h.call('POST', '/api/identities/shop.example/publish');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ verificationStatus: 'SUCCESS', dkim: { status: 'SUCCESS' } });
    const token = domain.dkim.tokens[0];
    expect(h.engine.identities.zone.resolve(`${token}._domainkey.shop.example`, 'CNAME')).toEqual([`${token}.dkim.amazonses.com`]);

    await h.call('POST', '/api/identities', { identity: 'me@example.com' });
    const email = await h.call('POST', `/api/identities/${enc('me@example.com')}/publish`);
    expect(email.status).toBe(400);
    expect(email.json().message).toBe('Only a domain has DNS records to publish.');
  });

  it('deletes an identity', async () => {
    await h.call('POST', '/api/identities', { identity: 'gone.example' });
    const res = await h.call('DELETE', '/api/identities/gone.example');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect(h.engine.identities.get('gone.example')).toBeUndefined();
    expect((await h.call('DELETE', '/api/identities/gone.example')).status).toBe(404);
    expect((await h.call('PUT', '/api/identities/gone.example')).status).toBe(405);
  });
});
