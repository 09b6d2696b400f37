// SES v2 at the wire: requests the SDK would never send (malformed JSON, unknown paths, trailing slashes,
// boto3-style paths), and the exact bytes of our responses.
import { describe, expect, it } from 'vitest';
import type { WireObject } from '../../../src-main/protocols/handler-types';
import { harness, rawRequest } from './helpers/sdk-harness';

const JSON_HEADERS = { 'content-type': 'application/json' };

describe('REST-JSON error forms', () => {
  it('malformed JSON is 400 SerializationException with x-amzn-ErrorType, x-amzn-RequestId and {"message"}', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ path: '/v2/email/outbound-emails', headers: JSON_HEADERS, body: '{"Content": ' }));
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-ErrorType']).toBe('SerializationException');
    expect(res.headers['x-amzn-RequestId']).toBe('00000000-0000-4000-8000-000000000001');
    expect(res.headers['Content-Type']).toBe('application/json');
    const body = JSON.parse(String(res.body));
    expect(Object.keys(body)).toEqual(['message']);
    expect(body.message).toMatch(/^Could not parse the request body: /);
    expect(h.engine.sent).toHaveLength(0);
  });

  it('a JSON body that is not an object is a SerializationException too', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ path: '/v2/email/outbound-emails', headers: JSON_HEADERS, body: '[1,2]' }));
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-ErrorType']).toBe('SerializationException');
  });

  it('an unknown path under /v2/email is 404 UnknownOperationException', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ method: 'GET', path: '/v2/email/no-such-thing' }));
    expect(res.status).toBe(404);
    expect(res.headers['x-amzn-ErrorType']).toBe('UnknownOperationException');
    expect(JSON.parse(String(res.body))).toEqual({ message: 'No operation matches GET /v2/email/no-such-thing' });
  });

  it('a known path with the wrong method is 404 too', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ method: 'DELETE', path: '/v2/email/account' }));
    expect(res.status).toBe(404);
  });

  it('a path outside every service, without Action, is 404 in the REST-JSON form', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ method: 'GET', path: '/favicon.ico' }));
    expect(res.status).toBe(404);
    expect(res.headers['x-amzn-ErrorType']).toBe('UnknownOperationException');
  });

  it('wrong JSON types are validation errors naming the member path', async () => {
    const h = harness();
    const body = JSON.stringify({ Content: { Raw: { Data: 5 } }, ReplyToAddresses: 'not-a-list', Destination: { ToAddresses: ['ok', 7] } });
    const res = await h.handler(rawRequest({ path: '/v2/email/outbound-emails', headers: JSON_HEADERS, body }));
    expect(res.status).toBe(400);
    expect(res.headers['x-amzn-ErrorType']).toBe('BadRequestException');
    expect(JSON.parse(String(res.body)).message).toBe(
      "3 validation errors detected: Value '5' at 'content.raw.data' failed to satisfy constraint: Member must be base64-encoded binary data; " +
        "Value '7' at 'destination.toAddresses.2.member' failed to satisfy constraint: Member must be a string; " +
        "Value 'not-a-list' at 'replyToAddresses' failed to satisfy constraint: Member must be a list",
    );
  });
});

describe('REST-JSON routing', () => {
  it('the two trailing-slash routes match with the slash (boto3) and without it (SDK v3)', async () => {
    const h = harness();
    const cases: [string, string, string][] = [
      ['POST', '/v2/email/email-address-insights/', 'GetEmailAddressInsights'],
      ['POST', '/v2/email/email-address-insights', 'GetEmailAddressInsights'],
    ];
    for (const [method, path, op] of cases) {
      const res = await h.handler(rawRequest({ method, path, headers: JSON_HEADERS, body: method === 'POST' ? '{"EmailAddress":"a@b.c"}' : '' }));
      expect(res.status, `${method} ${path}`).toBe(501);
      expect(JSON.parse(String(res.body)).message).toBe(`Sesame does not implement SESv2 operation ${op} yet`);
    }
    // GetMessageInsights is implemented: both spellings reach its handler with the MessageId label.
    for (const path of ['/v2/email/insights/abc-123/', '/v2/email/insights/abc-123']) {
      const res = await h.handler(rawRequest({ method: 'GET', path, headers: JSON_HEADERS, body: '' }));
      expect(res.status, path).toBe(404);
      expect(JSON.parse(String(res.body)).message).toBe('Message abc-123 does not exist.');
    }
  });

  it('the trailing slash is not stripped into the label, and other routes do not grow one', async () => {
    const seen: WireObject[] = [];
    const h = harness({ deps: { handlers: { sesv2: { GetMessageInsights: (input) => void seen.push(input) } } } });
    await h.handler(rawRequest({ method: 'GET', path: '/v2/email/insights/abc%2F123/' }));
    expect(seen).toEqual([{ MessageId: 'abc/123' }]);
    const res = await h.handler(rawRequest({ method: 'GET', path: '/v2/email/account/' }));
    expect(res.status).toBe(404);
  });

  it('labels are URI-decoded; query parameters become timestamps and numbers; body members are read', async () => {
    const seen: WireObject[] = [];
    const capture = (input: WireObject) => void seen.push(input);
    const h = harness({ deps: { handlers: { sesv2: { GetDomainStatisticsReport: capture, ListContacts: capture, ListEmailTemplates: capture } } } });
    await h.handler(rawRequest({
      method: 'GET',
      path: '/v2/email/deliverability-dashboard/statistics-report/ex%C3%A4mple.com',
      query: 'StartDate=2026-01-02T03%3A04%3A05Z&EndDate=2026-02-01T00%3A00%3A00.500Z',
    }));
    await h.handler(rawRequest({ path: '/v2/email/contact-lists/my%20list/contacts/list', headers: JSON_HEADERS, body: '{"PageSize":3,"Filter":{"FilteredStatus":"OPT_IN"}}' }));
    await h.handler(rawRequest({ method: 'GET', path: '/v2/email/templates', query: 'PageSize=25&NextToken=abc' }));
    expect(seen).toEqual([
      { Domain: 'exämple.com', StartDate: new Date('2026-01-02T03:04:05Z'), EndDate: new Date('2026-02-01T00:00:00.500Z') },
      { ContactListName: 'my list', Filter: { FilteredStatus: 'OPT_IN' }, PageSize: 3 },
      { NextToken: 'abc', PageSize: 25 },
    ]);
  });

  it('a missing required query parameter is a validation error', async () => {
    const h = harness({ deps: { handlers: { sesv2: { GetDomainStatisticsReport: () => ({}) } } } });
    const res = await h.handler(rawRequest({ method: 'GET', path: '/v2/email/deliverability-dashboard/statistics-report/x.com', query: 'StartDate=2026-01-01T00:00:00Z' }));
    expect(res.status).toBe(400);
    expect(JSON.parse(String(res.body)).message).toBe("1 validation error detected: Value null at 'endDate' failed to satisfy constraint: Member must not be null");
  });
});

describe('REST-JSON output serialization', () => {
  it('timestamps are epoch seconds, blobs base64, absent members omitted, empty output is {}', async () => {
    const h = harness({
      deps: {
        handlers: {
          sesv2: {
            GetEmailIdentity: () => ({ IdentityType: 'DOMAIN', VerifiedForSendingStatus: true, DkimAttributes: { Tokens: ['t1'], LastKeyGenerationTimestamp: new Date(1_700_000_000_500) }, Tags: undefined }),
            DeleteEmailIdentity: () => undefined,
          },
        },
      },
    });
    const res = await h.handler(rawRequest({ method: 'GET', path: '/v2/email/identities/example.com' }));
    expect(res.status).toBe(200);
    expect(JSON.parse(String(res.body))).toEqual({
      IdentityType: 'DOMAIN',
      VerifiedForSendingStatus: true,
      DkimAttributes: { Tokens: ['t1'], LastKeyGenerationTimestamp: 1_700_000_000.5 },
    });
    const del = await h.handler(rawRequest({ method: 'DELETE', path: '/v2/email/identities/example.com' }));
    expect(del.status).toBe(200);
    expect(del.body).toBe('{}');
  });
});
