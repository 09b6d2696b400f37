// SES v2 (REST-JSON) round trips: the real @aws-sdk/client-sesv2 serializes, our pipeline answers, the SDK
// deserializes. Proves what reaches the engine and what the SDK sees back, errors included.
import { describe, expect, it } from 'vitest';
import { GetAccountCommand, ListDeliverabilityTestReportsCommand, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { errors } from '../../../src-main/core/errors';
import { MAX_MESSAGE_BYTES_V2 } from '../../../src-main/core/limits';
import { FAKE_MESSAGE_ID } from './helpers/fake-engine';
import { ACCESS_KEY_ID, FIRST_REQUEST_ID, SOURCE_IP, harness, rejection } from './helpers/sdk-harness';

describe('SES v2 SendEmail over the real SDK', () => {
  it('Content.Simple with headers and attachments reaches the engine field by field', async () => {
    const h = harness();
    const out = await h.v2.send(
      new SendEmailCommand({
        FromEmailAddress: 'Sender <sender@example.com>',
        Destination: { ToAddresses: ['to@example.com', 'to2@example.com'], CcAddresses: ['cc@example.com'], BccAddresses: ['bcc@example.com'] },
        ReplyToAddresses: ['reply@example.com'],
        FeedbackForwardingEmailAddress: 'bounces@example.com',
        Content: {
          Simple: {
            Subject: { Data: 'Hello ✓ & <you>', Charset: 'UTF-8' },
            Body: { Text: { Data: 'plain' }, Html: { Data: '<p>html</p>', Charset: 'UTF-8' } },
            Headers: [{ Name: 'X-Campaign', Value: 'spring' }],
            Attachments: [
              { FileName: 'a.bin', RawContent: Buffer.from([0, 1, 2, 255]), ContentType: 'application/octet-stream', ContentDisposition: 'ATTACHMENT', ContentId: 'cid1', ContentDescription: 'bytes' },
            ],
          },
        },
        EmailTags: [{ Name: 'campaign', Value: 'welcome' }],
        ConfigurationSetName: 'my-set',
      }),
    );
    expect(out.MessageId).toBe(FAKE_MESSAGE_ID);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toBe(FIRST_REQUEST_ID);
    expect(h.engine.sent).toHaveLength(1);
    expect(h.engine.sent[0]).toEqual({
      caller: { door: 'sesv2', operation: 'SendEmail', sourceIp: SOURCE_IP, accessKeyId: ACCESS_KEY_ID, requestId: FIRST_REQUEST_ID },
      from: 'Sender <sender@example.com>',
      destination: { to: ['to@example.com', 'to2@example.com'], cc: ['cc@example.com'], bcc: ['bcc@example.com'] },
      replyTo: ['reply@example.com'],
      returnPath: 'bounces@example.com',
      content: {
        kind: 'simple',
        subject: { data: 'Hello ✓ & <you>', charset: 'UTF-8' },
        text: { data: 'plain' },
        html: { data: '<p>html</p>', charset: 'UTF-8' },
        headers: [{ name: 'X-Campaign', value: 'spring' }],
        attachments: [
          { fileName: 'a.bin', content: Buffer.from([0, 1, 2, 255]), contentType: 'application/octet-stream', contentDisposition: 'ATTACHMENT', contentId: 'cid1', contentDescription: 'bytes' },
        ],
      },
      tags: [{ name: 'campaign', value: 'welcome' }],
      configurationSetName: 'my-set',
      maxBytes: MAX_MESSAGE_BYTES_V2,
    });
  });

  it('Content.Raw reaches the engine as the exact bytes', async () => {
    const h = harness();
    const mime = Buffer.from('From: a@example.com\r\nTo: b@example.com\r\nSubject: raw\r\n\r\nbody \u00e9\r\n', 'utf8');
    const out = await h.v2.send(new SendEmailCommand({ Content: { Raw: { Data: mime } } }));
    expect(out.MessageId).toBe(FAKE_MESSAGE_ID);
    const req = h.engine.sent[0];
    expect(req.content).toEqual({ kind: 'raw', data: mime });
    expect(req.from).toBeUndefined();
    expect(req.destination).toBeUndefined();
    expect(req.maxBytes).toBe(MAX_MESSAGE_BYTES_V2);
  });

  it('Content.Template reaches the engine as templated content (name, data, headers)', async () => {
    const h = harness();
    const out = await h.v2.send(
      new SendEmailCommand({
        Content: { Template: { TemplateName: 't', TemplateData: '{"a":1}', Headers: [{ Name: 'X-A', Value: 'b' }] } },
      }),
    );
    expect(out.MessageId).toBe(FAKE_MESSAGE_ID);
    expect(h.engine.sent[0].content).toEqual({ kind: 'template', name: 't', data: '{"a":1}', headers: [{ name: 'X-A', value: 'b' }] });
  });

  it('a missing required member is a BadRequestException with the Smithy text, before the engine', async () => {
    const h = harness();
    const err = await rejection(h.v2.send(new SendEmailCommand({ FromEmailAddress: 'a@example.com' } as never)));
    expect(err.name).toBe('BadRequestException');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.message).toBe("1 validation error detected: Value null at 'content' failed to satisfy constraint: Member must not be null");
    expect(h.engine.sent).toHaveLength(0);
  });

  it('nested required members are reported with their lowerCamel path', async () => {
    const h = harness();
    const err = await rejection(h.v2.send(new SendEmailCommand({ Content: { Simple: { Body: {} } } } as never)));
    expect(err.message).toBe("1 validation error detected: Value null at 'content.simple.subject' failed to satisfy constraint: Member must not be null");
  });
});

describe('SES v2 GetAccount over the real SDK', () => {
  it('round-trips numbers, booleans, enums and lists', async () => {
    const h = harness();
    const a = await h.v2.send(new GetAccountCommand({}));
    expect(a).toMatchObject({
      ProductionAccessEnabled: false,
      SendingEnabled: true,
      EnforcementStatus: 'HEALTHY',
      DedicatedIpAutoWarmupEnabled: true,
      SendQuota: { Max24HourSend: 200, MaxSendRate: 1.5, SentLast24Hours: 7 },
      SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    expect(a.Details).toBeUndefined();
  });

  it('sends a GET to /v2/email/account with no body', async () => {
    const h = harness();
    await h.v2.send(new GetAccountCommand({}));
    expect(h.seen[0]).toMatchObject({ method: 'GET', path: '/v2/email/account' });
  });
});

describe('SES v2 errors as the SDK sees them', () => {
  it('MessageRejected keeps its name and message', async () => {
    const h = harness();
    h.engine.onSend = async () => {
      throw errors.notVerified('eu-west-1', ['a@example.com']);
    };
    const err = await rejection(h.v2.send(new SendEmailCommand({ Content: { Raw: { Data: Buffer.from('x') } } })));
    expect(err.name).toBe('MessageRejected');
    expect(err.message).toBe('Email address is not verified. The following identities failed the check in region EU-WEST-1: a@example.com');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.$metadata.requestId).toBe(FIRST_REQUEST_ID);
  });

  it('a rate error is TooManyRequestsException with status 429 (from the model)', async () => {
    const h = harness();
    h.engine.onSend = async () => {
      throw errors.rateExceeded();
    };
    const err = await rejection(h.v2.send(new SendEmailCommand({ Content: { Raw: { Data: Buffer.from('x') } } })));
    expect(err.name).toBe('TooManyRequestsException');
    expect(err.$metadata.httpStatusCode).toBe(429);
    expect(err.message).toBe('Maximum sending rate exceeded.');
  });

  it('a missing configuration set is NotFoundException 404', async () => {
    const h = harness();
    h.engine.onSend = async () => {
      throw errors.configurationSetDoesNotExist('nope');
    };
    const err = await rejection(h.v2.send(new SendEmailCommand({ Content: { Raw: { Data: Buffer.from('x') } } })));
    expect(err.name).toBe('NotFoundException');
    expect(err.$metadata.httpStatusCode).toBe(404);
  });

  it('an unimplemented operation answers 501 NotImplemented naming it', async () => {
    const h = harness();
    const err = await rejection(h.v2.send(new ListDeliverabilityTestReportsCommand({})));
    expect(err.name).toBe('NotImplemented');
    expect(err.$metadata.httpStatusCode).toBe(501);
    expect(err.message).toBe('Sesame does not implement SESv2 operation ListDeliverabilityTestReports yet');
  });

  it('an unexpected exception is InternalServiceErrorException 500, logged, and the process goes on', async () => {
    const h = harness();
    h.engine.onSend = async () => {
      throw new TypeError('boom');
    };
    const err = await rejection(h.v2.send(new SendEmailCommand({ Content: { Raw: { Data: Buffer.from('x') } } })));
    expect(err.name).toBe('InternalServiceErrorException');
    expect(err.$metadata.httpStatusCode).toBe(500);
    expect(h.logs.join('\n')).toContain('TypeError: boom');
    const ok = await h.v2.send(new GetAccountCommand({}));
    expect(ok.SendingEnabled).toBe(true);
  });
});
