// The SigV4 scope's service must match the service a request was routed to, as AWS requires: `ses` or
// `email` for SES v1 and v2, `sns` for the SNS subset. Anything else is AWS's "Credential should be scoped to
// correct service" (403, v2 InvalidSignatureException / Query SignatureDoesNotMatch). Unsigned stays fine.
import { GetAccountCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import type { AwsRequestHandler } from '../../../src-main/protocols/http-types';
import { checkSigningService } from '../../../src-main/protocols/sigv4';
import { authFor, harness, rawRequest, rejection, sdkRequestHandler } from './helpers/sdk-harness';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const SCOPE_TEXT = "Credential should be scoped to correct service: 'ses'. ";

describe('SigV4 scope service', () => {
  it('a v1 request signed for s3 is 403 SignatureDoesNotMatch in the SES namespace', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ headers: { ...FORM, ...authFor('s3') }, body: 'Action=GetSendQuota' }));
    expect(res.status).toBe(403);
    expect(res.body).toBe(
      '<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code>' +
        `<Message>${SCOPE_TEXT}</Message></Error><RequestId>00000000-0000-4000-8000-000000000001</RequestId></ErrorResponse>\n`,
    );
  });

  it('a presigned v1 request with a foreign X-Amz-Credential is refused the same way', async () => {
    const h = harness();
    const query = 'Action=GetSendQuota&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fsts%2Faws4_request';
    const res = await h.handler(rawRequest({ method: 'GET', query }));
    expect(res.status).toBe(403);
    expect(res.body).toContain('<Code>SignatureDoesNotMatch</Code>');
  });

  it('a v2 request signed for sns is 403 InvalidSignatureException', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ method: 'GET', path: '/v2/email/account', headers: authFor('sns') }));
    expect(res.status).toBe(403);
    expect(res.headers['x-amzn-ErrorType']).toBe('InvalidSignatureException');
    expect(JSON.parse(String(res.body))).toEqual({ message: SCOPE_TEXT });
  });

  it('the real SES v2 SDK reads the 403 when its credential is scoped to another service', async () => {
    const h = harness();
    // Re-scope the SDK's signature on the way in, as a client configured for the wrong service would sign.
    const rescope: AwsRequestHandler = (req) =>
      h.handler({ ...req, headers: { ...req.headers, authorization: req.headers.authorization.replace('/ses/aws4_request', '/execute-api/aws4_request') } });
    const client = new SESv2Client({
      endpoint: 'http://sesame.test',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' },
      requestHandler: sdkRequestHandler(rescope),
      maxAttempts: 1,
    });
    const err = await rejection(client.send(new GetAccountCommand({})));
    expect(err.name).toBe('InvalidSignatureException');
    expect(err.$metadata.httpStatusCode).toBe(403);
    expect(err.message).toBe(SCOPE_TEXT);
  });

  it('ses and email sign SES, sns signs SNS, unsigned requests pass', async () => {
    const h = harness();
    for (const service of ['ses', 'email']) {
      expect((await h.handler(rawRequest({ method: 'GET', path: '/v2/email/account', headers: authFor(service) }))).status).toBe(200);
      expect((await h.handler(rawRequest({ headers: { ...FORM, ...authFor(service) }, body: 'Action=GetSendQuota' }))).status).toBe(200);
    }
    expect((await h.handler(rawRequest({ headers: FORM, body: 'Action=GetSendQuota' }))).status).toBe(200);
    expect(() => checkSigningService('sns', { accessKeyId: 'A', date: '20260101', region: 'us-east-1', service: 'sns' })).not.toThrow();
    expect(() => checkSigningService('sns', { accessKeyId: 'A', date: '20260101', region: 'us-east-1', service: 'ses' })).toThrow(
      "Credential should be scoped to correct service: 'sns'. ",
    );
    expect(() => checkSigningService('ses', null)).not.toThrow();
  });
});
