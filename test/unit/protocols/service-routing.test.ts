// One port, three models: /v2/email is SES v2; Query is SES v1 under the `ses` or `email` SigV4 scope (or
// unsigned) and SNS under `sns`. Also the SigV4 credential parsing that feeds the handler context.
import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../src-main/protocols/handler-types';
import { routeService } from '../../../src-main/protocols/service-router';
import { parseCredential, readCredentialScope } from '../../../src-main/protocols/sigv4';
import { ACCESS_KEY_ID, authFor, harness, rawRequest } from './helpers/sdk-harness';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('SigV4 credential scope', () => {
  it('reads the Authorization header', () => {
    expect(readCredentialScope(authFor('email', 'eu-central-1'), '')).toEqual({ accessKeyId: ACCESS_KEY_ID, date: '20260101', region: 'eu-central-1', service: 'email' });
  });

  it('reads the presigned query form', () => {
    const q = 'Action=GetSendQuota&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDQ%2F20260102%2Fsa-east-1%2Fses%2Faws4_request&X-Amz-Signature=00';
    expect(readCredentialScope({}, q)).toEqual({ accessKeyId: 'AKIDQ', date: '20260102', region: 'sa-east-1', service: 'ses' });
  });

  it('returns null for unsigned, SigV2-style or malformed credentials', () => {
    expect(readCredentialScope({}, '')).toBeNull();
    expect(readCredentialScope({ authorization: 'AWS AKID:signature' }, '')).toBeNull();
    expect(parseCredential('AKID/20260101/us-east-1/ses')).toBeNull();
    expect(parseCredential('/20260101/us-east-1/ses/aws4_request')).toBeNull();
  });
});

describe('service routing', () => {
  const route = (partial: Parameters<typeof rawRequest>[0], service?: string) =>
    routeService(rawRequest(partial), service ? readCredentialScope(authFor(service), '') : null).service;

  it('routes by path and form, then by scope', () => {
    expect(route({ method: 'GET', path: '/v2/email/account' })).toBe('sesv2');
    expect(route({ method: 'GET', path: '/v2/email/account' }, 'sns')).toBe('sesv2');
    expect(route({ headers: FORM, body: 'Action=SendEmail' })).toBe('ses');
    expect(route({ headers: FORM, body: 'Action=SendEmail' }, 'ses')).toBe('ses');
    expect(route({ headers: FORM, body: 'Action=SendEmail' }, 'email')).toBe('ses');
    expect(route({ headers: FORM, body: 'Action=Publish' }, 'sns')).toBe('sns');
    expect(route({ method: 'GET', query: 'Action=ListTopics' }, 'sns')).toBe('sns');
    expect(route({ method: 'GET', path: '/elsewhere' })).toBeNull();
    expect(route({ method: 'GET', path: '/v2/emailx' })).toBeNull();
  });

  it('a Query endpoint with a path prefix still routes to Query (the SDK appends "/")', () => {
    expect(route({ path: '/prefix/', headers: FORM, body: 'Action=GetSendQuota' })).toBe('ses');
  });
});

describe('routing end to end', () => {
  const contexts: HandlerContext[] = [];
  const h = harness({ deps: { handlers: { ses: { GetSendQuota: (_i, ctx) => (contexts.push(ctx), {}) } } } });

  it('the `email` and `ses` scopes both reach SES v1 with their access key', async () => {
    contexts.length = 0;
    for (const service of ['email', 'ses']) {
      const res = await h.handler(rawRequest({ headers: { ...FORM, ...authFor(service, 'eu-central-1') }, body: 'Action=GetSendQuota&Version=2010-12-01' }));
      expect(res.status).toBe(200);
    }
    expect(contexts.map((c) => [c.service, c.accessKeyId, c.operation])).toEqual([
      ['ses', ACCESS_KEY_ID, 'GetSendQuota'],
      ['ses', ACCESS_KEY_ID, 'GetSendQuota'],
    ]);
  });

  it('unsigned requests are accepted with no access key', async () => {
    contexts.length = 0;
    await h.handler(rawRequest({ headers: FORM, body: 'Action=GetSendQuota' }));
    expect(contexts[0]).toMatchObject({ accessKeyId: null, sourceIp: '203.0.113.7' });
  });

  it('the `sns` scope answers in the SNS namespace', async () => {
    const res = await h.handler(rawRequest({ headers: { ...FORM, ...authFor('sns') }, body: 'Action=ListPlatformApplications&Version=2010-03-31' }));
    expect(res.status).toBe(501);
    expect(res.body).toContain('<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">');
    expect(res.body).toContain('<Type>Receiver</Type><Code>NotImplemented</Code><Message>Sesame does not implement SNS operation ListPlatformApplications yet</Message>');
  });

  it('every request gets its own request id', async () => {
    const a = await h.handler(rawRequest({ headers: FORM, body: 'Action=GetSendQuota' }));
    const b = await h.handler(rawRequest({ method: 'GET', path: '/v2/email/account' }));
    expect(a.headers['x-amzn-RequestId']).not.toBe(b.headers['x-amzn-RequestId']);
    expect(b.headers['x-amzn-RequestId']).toMatch(/^00000000-0000-4000-8000-0000000000\d\d$/);
  });
});
