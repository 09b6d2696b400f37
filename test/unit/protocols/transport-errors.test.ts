// Errors for requests the transport could not hand over whole, encoded by the routed protocol's own encoder:
// the door's message limit in the text, the SNS namespace for SNS-signed requests, SES v2's form when the
// request routes nowhere.
import { describe, expect, it } from 'vitest';
import { errors } from '../../../src-main/core/errors';
import { MAX_MESSAGE_BYTES_V1, MAX_MESSAGE_BYTES_V2 } from '../../../src-main/core/limits';
import { encodeErrorFor, transportErrorResponse } from '../../../src-main/protocols/transport-errors';
import { authFor, rawRequest } from './helpers/sdk-harness';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const ID = '11111111-2222-4333-8444-555555555555';
const tooLarge = { reason: 'too-large', cap: 2048 } as const;

describe('transport errors', () => {
  it('too large: v2 400 BadRequestException with the v2 limit, v1 400 InvalidParameterValue with the v1 limit', () => {
    const v2 = transportErrorResponse(rawRequest({ path: '/v2/email/outbound-emails', headers: { 'content-length': '9999' } }), tooLarge, ID);
    expect(v2.status).toBe(400);
    expect(v2.headers).toMatchObject({ 'x-amzn-ErrorType': 'BadRequestException', 'x-amzn-RequestId': ID });
    expect(JSON.parse(String(v2.body))).toEqual({ message: `Message length is more than ${MAX_MESSAGE_BYTES_V2} bytes long: the request body exceeds 2048 bytes.` });
    const v1 = transportErrorResponse(rawRequest({ headers: { ...FORM, 'transfer-encoding': 'chunked' } }), tooLarge, ID);
    expect(v1.status).toBe(400);
    expect(v1.body).toBe(
      '<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>Sender</Type><Code>InvalidParameterValue</Code>' +
        `<Message>Message length is more than ${MAX_MESSAGE_BYTES_V1} bytes long: the request body exceeds 2048 bytes.</Message></Error>` +
        `<RequestId>${ID}</RequestId></ErrorResponse>\n`,
    );
  });

  it('unreadable: SerializationException for v2, MalformedQueryString for v1 and SNS (in its namespace)', () => {
    const v2 = transportErrorResponse(rawRequest({ path: '/v2/email/outbound-emails' }), { reason: 'unreadable' }, ID);
    expect(v2.status).toBe(400);
    expect(v2.headers['x-amzn-ErrorType']).toBe('SerializationException');
    expect(JSON.parse(String(v2.body))).toEqual({ message: 'The request body could not be read.' });
    const sns = transportErrorResponse(rawRequest({ headers: { ...FORM, ...authFor('sns') } }), { reason: 'unreadable' }, ID);
    expect(sns.status).toBe(400);
    expect(sns.body).toContain('<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>MalformedQueryString</Code>');
  });

  it('a request that routes nowhere is answered in the SES v2 form', () => {
    const res = encodeErrorFor(rawRequest({ method: 'GET', path: '/elsewhere' }), errors.internal(), ID);
    expect(res.status).toBe(500);
    expect(res.headers['x-amzn-ErrorType']).toBe('InternalServiceErrorException');
  });
});
