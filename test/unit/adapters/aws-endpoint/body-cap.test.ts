// The AWS port's body cap and its other transport-level answers, with the real pipeline behind it: the cap
// fits a 40 MB message base64'd into v2 JSON, and everything the transport answers itself goes through the
// routed protocol's encoder (SES v1 400 with the v1 limit, the SNS namespace for SNS-signed requests).
import { SendRawEmailCommand, SESClient } from '@aws-sdk/client-ses';
import { afterEach, describe, expect, it } from 'vitest';
import { AWS_BODY_CAP, startAwsEndpoint } from '../../../../src-main/adapters/aws-endpoint/server';
import { MAX_MESSAGE_BYTES_V1, MAX_MESSAGE_BYTES_V2 } from '../../../../src-main/core/limits';
import type { AwsRequestHandler } from '../../../../src-main/protocols/http-types';
import { createAwsRequestHandler } from '../../../../src-main/protocols/pipeline';
import { createFakeEngine } from '../../../helpers/fake-engine';
import { request } from '../../../helpers/http';

const CAP = 1024;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const SNS_AUTH = { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=00' };
const SNS_NS = 'http://sns.amazonaws.com/doc/2010-03-31/';
const SES_NS = 'http://ses.amazonaws.com/doc/2010-12-01/';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function start(handler?: AwsRequestHandler) {
  const engine = createFakeEngine();
  const ep = await startAwsEndpoint({ engine, handler: handler ?? createAwsRequestHandler({ engine, log: () => {} }), host: '127.0.0.1', port: 0, maxBodyBytes: CAP, log: () => {} });
  close = ep.close;
  return ep;
}

describe('AWS port body cap', () => {
  it('is big enough for a 40 MB MIME base64-encoded inside a v2 SendEmail JSON body', () => {
    const envelope = JSON.stringify({ FromEmailAddress: 'sender@example.com', Content: { Raw: { Data: '' } } }).length;
    const base64 = 4 * Math.ceil(MAX_MESSAGE_BYTES_V2 / 3);
    expect(AWS_BODY_CAP).toBeGreaterThanOrEqual(envelope + base64);
    // …with room for an encoder that escapes every '/' of the base64 text as '\/' (about 1 in 64 characters).
    expect(AWS_BODY_CAP).toBeGreaterThanOrEqual(envelope + base64 + Math.ceil(base64 / 64));
  });

  it('the real SES v1 SDK reads an over-cap SendRawEmail as a 400 InvalidParameterValue naming 10485760', async () => {
    const ep = await start();
    const client = new SESClient({ endpoint: ep.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' }, maxAttempts: 1 });
    const err = (await client.send(new SendRawEmailCommand({ RawMessage: { Data: Buffer.alloc(2 * CAP, 'a') } })).catch((e: unknown) => e)) as Error & {
      $metadata: { httpStatusCode: number };
      Type?: string;
    };
    expect(err.name).toBe('InvalidParameterValue');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe(`Message length is more than ${MAX_MESSAGE_BYTES_V1} bytes long: the request body exceeds ${CAP} bytes.`);
    client.destroy();
  });

  it('an over-cap SNS-signed request is answered in the SNS namespace, without an SES limit', async () => {
    const ep = await start();
    const res = await request(`${ep.url}/`, { method: 'POST', headers: { ...FORM, ...SNS_AUTH }, body: Buffer.alloc(3 * CAP, 'b') });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`<ErrorResponse xmlns="${SNS_NS}">`);
    expect(res.text).not.toContain(SES_NS);
    expect(res.text).toContain(`<Message>The request body exceeds ${CAP} bytes.</Message>`);
  });

  it('an over-cap form POST without a content type still routes to SES v1 by its declared length', async () => {
    const ep = await start();
    const res = await request(`${ep.url}/prefix/`, { method: 'POST', body: Buffer.alloc(3 * CAP, 'c') });
    expect(res.status).toBe(400);
    expect(res.text).toContain(`<ErrorResponse xmlns="${SES_NS}">`);
    expect(res.text).toContain(`more than ${MAX_MESSAGE_BYTES_V1} bytes`);
  });

  it('a handler that throws on an SNS-signed request is a 500 in the SNS namespace', async () => {
    const ep = await start(async () => {
      throw new Error('boom');
    });
    const res = await request(`${ep.url}/`, { method: 'POST', headers: { ...FORM, ...SNS_AUTH }, body: 'Action=Publish' });
    expect(res.status).toBe(500);
    expect(res.text).toContain(`<ErrorResponse xmlns="${SNS_NS}"><Error><Type>Receiver</Type><Code>InternalFailure</Code>`);
  });
});
