// SES v1 / SNS Query at the wire: form parsing (nesting, lists, maps, scalars), the XML frame, escaping,
// protocol errors (InvalidAction, MissingAction), and outputs the real SDK must be able to read back.
import { describe, expect, it } from 'vitest';
import { GetIdentityVerificationAttributesCommand, GetSendStatisticsCommand } from '@aws-sdk/client-ses';
import { ListPlatformApplicationsCommand, PublishCommand } from '@aws-sdk/client-sns';
import { sesModel, snsModel } from '../../../src-main/protocols/generated/index';
import type { WireObject } from '../../../src-main/protocols/handler-types';
import { parseForm, readQuery } from '../../../src-main/protocols/query/form-codec';
import { escapeXml, escapeXmlAttribute } from '../../../src-main/protocols/query/xml-codec';
import { harness, rawRequest } from './helpers/sdk-harness';

const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
const NS = 'http://ses.amazonaws.com/doc/2010-12-01/';

describe('Query form parsing', () => {
  it('reads nested structures, member lists in order, empty lists and base64 blobs', () => {
    const form = parseForm(
      [
        'Source=a%40example.com',
        'Destinations.member.2=second%40example.com',
        'Destinations.member.1=first%40example.com',
        'Destinations.member.10=tenth%40example.com',
        'RawMessage.Data=' + encodeURIComponent(Buffer.from('héllo').toString('base64')),
        'Tags.member.1.Name=k1',
        'Tags.member.1.Value=v+1',
        'Tags.member.2.Name=k2',
        'Tags.member.2.Value=v%262',
        'Unknown.Thing=ignored',
      ].join('&'),
    );
    expect(readQuery(sesModel, 'SendRawEmailRequest', form)).toEqual({
      Source: 'a@example.com',
      Destinations: ['first@example.com', 'second@example.com', 'tenth@example.com'],
      RawMessage: { Data: Buffer.from('héllo') },
      Tags: [
        { Name: 'k1', Value: 'v 1' },
        { Name: 'k2', Value: 'v&2' },
      ],
    });
    expect(readQuery(sesModel, 'Destination', parseForm('CcAddresses=&ToAddresses.member.1=x'))).toEqual({
      CcAddresses: [],
      ToAddresses: ['x'],
    });
  });

  it('reads maps as entry.N.key/value, honouring xmlName on key and value (SNS Name/Value)', () => {
    const form = parseForm(
      'Message=hi&MessageAttributes.entry.1.Name=color&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=blue' +
        '&MessageAttributes.entry.2.Name=n&MessageAttributes.entry.2.Value.DataType=Number&MessageAttributes.entry.2.Value.StringValue=4',
    );
    expect(readQuery(snsModel, 'PublishInput', form)).toEqual({
      Message: 'hi',
      MessageAttributes: { color: { DataType: 'String', StringValue: 'blue' }, n: { DataType: 'Number', StringValue: '4' } },
    });
    expect(readQuery(snsModel, 'CreateTopicInput', parseForm('Name=t&Attributes.entry.1.key=DisplayName&Attributes.entry.1.value=My+Topic'))).toEqual({
      Name: 't',
      Attributes: { DisplayName: 'My Topic' },
    });
  });

  it('converts numbers, booleans and ISO timestamps, and leaves bad values for validation', () => {
    expect(readQuery(sesModel, 'ListIdentitiesRequest', parseForm('MaxItems=25'))).toEqual({ MaxItems: 25 });
    expect(readQuery(sesModel, 'SetIdentityDkimEnabledRequest', parseForm('Identity=x&DkimEnabled=true'))).toEqual({ Identity: 'x', DkimEnabled: true });
    expect(readQuery(sesModel, 'SetIdentityDkimEnabledRequest', parseForm('Identity=x&DkimEnabled=yes'))).toEqual({ Identity: 'x', DkimEnabled: 'yes' });
    expect(readQuery(sesModel, 'ListIdentitiesRequest', parseForm('MaxItems=lots'))).toEqual({ MaxItems: 'lots' });
  });
});

describe('Query XML responses', () => {
  it('frames the result with the Action, the namespace and the RequestId', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ headers: FORM, body: 'Action=GetSendQuota&Version=2010-12-01' }));
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('text/xml');
    expect(res.body).toBe(
      `<GetSendQuotaResponse xmlns="${NS}"><GetSendQuotaResult><Max24HourSend>200</Max24HourSend><MaxSendRate>1.5</MaxSendRate>` +
        '<SentLast24Hours>7</SentLast24Hours></GetSendQuotaResult><ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000001</RequestId>' +
        '</ResponseMetadata></GetSendQuotaResponse>\n',
    );
  });

  it('an output with no members is an empty <Result/>; no output shape means ResponseMetadata only', async () => {
    const h = harness({ deps: { handlers: { ses: { VerifyEmailIdentity: () => ({}), VerifyEmailAddress: () => undefined } } } });
    const a = await h.handler(rawRequest({ headers: FORM, body: 'Action=VerifyEmailIdentity&EmailAddress=a%40b.c' }));
    expect(a.body).toContain('<VerifyEmailIdentityResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><VerifyEmailIdentityResult/><ResponseMetadata>');
    const b = await h.handler(rawRequest({ headers: FORM, body: 'Action=VerifyEmailAddress&EmailAddress=a%40b.c' }));
    expect(b.body).toMatch(/^<VerifyEmailAddressResponse xmlns="[^"]+"><ResponseMetadata><RequestId>[^<]+<\/RequestId><\/ResponseMetadata><\/VerifyEmailAddressResponse>\n$/);
  });

  it('lists are <member>, maps are <entry><key/><value/></entry>, and the SDK reads both back', async () => {
    const h = harness({
      deps: {
        handlers: {
          ses: {
            GetIdentityVerificationAttributes: () => ({
              VerificationAttributes: {
                'a@example.com': { VerificationStatus: 'Success' },
                'example.com': { VerificationStatus: 'Pending', VerificationToken: 'tok<&>' },
              },
            }),
          },
        },
      },
    });
    const raw = await h.handler(rawRequest({ headers: FORM, body: 'Action=GetIdentityVerificationAttributes&Identities.member.1=a%40example.com' }));
    expect(raw.body).toContain(
      '<VerificationAttributes><entry><key>a@example.com</key><value><VerificationStatus>Success</VerificationStatus></value></entry>' +
        '<entry><key>example.com</key><value><VerificationStatus>Pending</VerificationStatus><VerificationToken>tok&lt;&amp;&gt;</VerificationToken></value></entry></VerificationAttributes>',
    );
    const out = await h.v1.send(new GetIdentityVerificationAttributesCommand({ Identities: ['a@example.com', 'example.com'] }));
    expect(out.VerificationAttributes).toEqual({
      'a@example.com': { VerificationStatus: 'Success' },
      'example.com': { VerificationStatus: 'Pending', VerificationToken: 'tok<&>' },
    });
  });

  it('timestamps (Date or epoch ms) are ISO 8601 and come back to the SDK as Dates', async () => {
    const when = new Date('2026-03-04T05:06:07.000Z');
    const later = new Date('2026-03-04T05:06:07.250Z');
    const points = [
      { Timestamp: when, DeliveryAttempts: 3, Bounces: 0 },
      { Timestamp: later.getTime(), Rejects: 1 },
    ];
    const h = harness({ deps: { handlers: { ses: { GetSendStatistics: () => ({ SendDataPoints: points }) } } } });
    const raw = await h.handler(rawRequest({ headers: FORM, body: 'Action=GetSendStatistics' }));
    expect(raw.body).toContain(
      '<SendDataPoints><member><Timestamp>2026-03-04T05:06:07Z</Timestamp><DeliveryAttempts>3</DeliveryAttempts><Bounces>0</Bounces></member>' +
        '<member><Timestamp>2026-03-04T05:06:07.250Z</Timestamp><Rejects>1</Rejects></member></SendDataPoints>',
    );
    const out = await h.v1.send(new GetSendStatisticsCommand({}));
    expect(out.SendDataPoints).toEqual([
      { Timestamp: when, DeliveryAttempts: 3, Bounces: 0 },
      { Timestamp: later, Rejects: 1 },
    ]);
  });

  it('escapes XML in values and in error messages', async () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>\r\n`)).toBe(`&lt;a href="x"&gt;Tom &amp; 'Jerry'&lt;/a&gt;&#13;\n`);
    expect(escapeXmlAttribute(`"x" & 'y'`)).toBe('&quot;x&quot; &amp; &apos;y&apos;');
    const h = harness();
    const res = await h.handler(rawRequest({ headers: FORM, body: `Action=${encodeURIComponent('Bad<Action>&')}` }));
    expect(res.body).toContain('<Message>The action Bad&lt;Action&gt;&amp; is not valid for this web service.</Message>');
  });
});

describe('Query protocol errors', () => {
  it('an unknown Action is 400 InvalidAction in the ErrorResponse form', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ headers: FORM, body: 'Action=Frobnicate&Version=2010-12-01' }));
    expect(res.status).toBe(400);
    expect(res.body).toBe(
      `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>InvalidAction</Code>` +
        '<Message>The action Frobnicate is not valid for this web service.</Message></Error>' +
        '<RequestId>00000000-0000-4000-8000-000000000001</RequestId></ErrorResponse>\n',
    );
  });

  it('a form POST without Action is 400 MissingAction', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ headers: FORM, body: 'Version=2010-12-01&Source=x' }));
    expect(res.status).toBe(400);
    expect(res.body).toContain('<Code>MissingAction</Code>');
  });

  it('an Action that is an Object.prototype name is still unknown', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ headers: FORM, body: 'Action=constructor' }));
    expect(res.body).toContain('<Code>InvalidAction</Code>');
  });

  it('GET /?Action= works like a form POST', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ method: 'GET', path: '/', query: 'Action=GetSendQuota&Version=2010-12-01' }));
    expect(res.status).toBe(200);
    expect(res.body).toContain('<Max24HourSend>200</Max24HourSend>');
  });

  it('a bad number is a ValidationError naming the member', async () => {
    const h = harness();
    const res = await h.handler(rawRequest({ headers: FORM, body: 'Action=ListIdentities&MaxItems=lots' }));
    expect(res.status).toBe(400);
    expect(res.body).toContain("<Code>ValidationError</Code><Message>1 validation error detected: Value 'lots' at 'maxItems' failed to satisfy constraint: Member must be a number</Message>");
  });
});

describe('SNS over the real SDK', () => {
  it('an `sns` scope selects the SNS model; unimplemented actions answer 501 in the SNS namespace', async () => {
    const h = harness();
    const err = await h.sns.send(new ListPlatformApplicationsCommand({})).catch((e: Error & { $metadata: { httpStatusCode: number } }) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('NotImplemented');
    expect((err as Error).message).toBe('Sesame does not implement SNS operation ListPlatformApplications yet');
    expect((err as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(501);
  });

  it('an SNS handler receives parsed MessageAttributes and its output reaches the SDK', async () => {
    const seen: WireObject[] = [];
    const h = harness({ deps: { handlers: { sns: { Publish: (input) => (seen.push(input), { MessageId: 'm-1' }) } } } });
    const out = await h.sns.send(
      new PublishCommand({ TopicArn: 'arn:t', Message: 'hi', MessageAttributes: { color: { DataType: 'String', StringValue: 'blue' } } }),
    );
    expect(out.MessageId).toBe('m-1');
    expect(seen).toEqual([{ TopicArn: 'arn:t', Message: 'hi', MessageAttributes: { color: { DataType: 'String', StringValue: 'blue' } } }]);
    const res = await h.handler(rawRequest({ headers: FORM, body: 'Action=Publish&Message=x' }));
    expect(res.body).toContain('xmlns="http://ses.amazonaws.com/doc/2010-12-01/"'); // unsigned: SES v1 — Publish is not an SES action
    expect(res.body).toContain('<Code>InvalidAction</Code>');
  });
});
