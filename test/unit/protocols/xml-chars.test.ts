// Query XML carries only XML 1.0 characters: control characters, U+FFFE/U+FFFF and lone surrogates that a
// request echoes back (`Action=Foo%01` -> InvalidAction's message) or a handler returns become U+FFFD, and the
// real @aws-sdk/client-ses reads the error.
import { GetSendQuotaCommand, SESClient } from '@aws-sdk/client-ses';
import { describe, expect, it } from 'vitest';
import type { AwsRequestHandler } from '../../../src-main/protocols/http-types';
import { escapeXml, escapeXmlAttribute } from '../../../src-main/protocols/query/xml-codec';
import { harness, rawRequest, rejection, sdkRequestHandler } from './helpers/sdk-harness';

// XML 1.0 `Char` (https://www.w3.org/TR/xml/#charsets), as a test of a whole document.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

describe('escapeXml', () => {
  it('replaces C0 controls (but tab, LF, CR), U+FFFE, U+FFFF and lone surrogates with U+FFFD', () => {
    expect(escapeXml('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh\uFFFF')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\uFFFDh\uFFFD');
    expect(escapeXml('hi\uD800 there\uDC00!')).toBe('hi\uFFFD there\uFFFD!');
    expect(escapeXmlAttribute('"\u0002"')).toBe('&quot;\uFFFD&quot;');
  });

  it('keeps tab, LF, CR (as &#13;), astral characters and everything else XML can carry', () => {
    expect(escapeXml('a\tb\nc\rd \u00e9 \u{1F600} \uFFFD \uE000')).toBe('a\tb\nc&#13;d \u00e9 \u{1F600} \uFFFD \uE000');
  });
});

describe('non-XML characters at the wire', () => {
  it('an echoed Action=Foo%01 yields a well-formed <ErrorResponse>', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=Foo%01%EF%BF%BE' }));
    expect(res.status).toBe(400);
    expect(String(res.body)).not.toMatch(NOT_XML_CHAR);
    expect(res.body).toContain('<Message>The action Foo\uFFFD\uFFFD is not valid for this web service.</Message>');
  });

  it('the real SES v1 SDK reads the error, with U+FFFD where the control character was', async () => {
    const { handler } = harness();
    // The SDK only sends its own action names; append a control character on the way in.
    const tamper: AwsRequestHandler = (req) => handler({ ...req, body: Buffer.from(req.body.toString('utf8').replace('Action=GetSendQuota', 'Action=GetSendQuota%01')) });
    const client = new SESClient({
      endpoint: 'http://sesame.test',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' },
      requestHandler: sdkRequestHandler(tamper),
      maxAttempts: 1,
    });
    const err = await rejection(client.send(new GetSendQuotaCommand({})));
    expect(err.name).toBe('InvalidAction');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe('The action GetSendQuota\uFFFD is not valid for this web service.');
  });

  it('handler output with lone surrogates and controls is written as U+FFFD', async () => {
    const h = harness({ deps: { handlers: { ses: { ListIdentities: () => ({ Identities: ['a\uD800b', 'c\u0007d'] }) } } } });
    const res = await h.handler(rawRequest({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=ListIdentities' }));
    expect(String(res.body)).not.toMatch(NOT_XML_CHAR);
    expect(res.body).toContain('<Identities><member>a\uFFFDb</member><member>c\uFFFDd</member></Identities>');
  });
});
