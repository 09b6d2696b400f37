// SES v1 (Query/XML) round trips: the real @aws-sdk/client-ses serializes the form, our pipeline answers in
// XML, the SDK parses it. Proves what reaches the engine, what comes back, and the v1 error codes.
import { describe, expect, it } from 'vitest';
import {
  CreateReceiptRuleSetCommand,
  GetSendQuotaCommand,
  ListIdentitiesCommand,
  SendEmailCommand,
  SendRawEmailCommand,
  VerifyEmailIdentityCommand,
} from '@aws-sdk/client-ses';
import { errors } from '../../../src-main/core/errors';
import { MAX_MESSAGE_BYTES_V1 } from '../../../src-main/core/limits';
import { fakeEngine, FAKE_MESSAGE_ID } from './helpers/fake-engine';
import { ACCESS_KEY_ID, FIRST_REQUEST_ID, SOURCE_IP, harness, rejection } from './helpers/sdk-harness';

const SEND = {
  Source: 'Sender <sender@example.com>',
  Destination: { ToAddresses: ['to@example.com'], CcAddresses: ['cc1@example.com', 'cc2@example.com'], BccAddresses: [] },
  Message: { Subject: { Data: 'Hi & <bye>', Charset: 'UTF-8' }, Body: { Text: { Data: 'text' }, Html: { Data: '<b>html</b>' } } },
};

describe('SES v1 sending over the real SDK', () => {
  it('SendEmail reaches the engine field by field and returns the MessageId', async () => {
    const h = harness();
    const out = await h.v1.send(
      new SendEmailCommand({ ...SEND, ReplyToAddresses: ['r@example.com'], ReturnPath: 'rp@example.com', Tags: [{ Name: 'k', Value: 'v' }], ConfigurationSetName: 'cs' }),
    );
    expect(out.MessageId).toBe(FAKE_MESSAGE_ID);
    expect(out.$metadata.requestId).toBe(FIRST_REQUEST_ID);
    expect(h.engine.sent[0]).toEqual({
      caller: { door: 'ses', operation: 'SendEmail', sourceIp: SOURCE_IP, accessKeyId: ACCESS_KEY_ID, requestId: FIRST_REQUEST_ID },
      from: 'Sender <sender@example.com>',
      destination: { to: ['to@example.com'], cc: ['cc1@example.com', 'cc2@example.com'], bcc: [] },
      replyTo: ['r@example.com'],
      returnPath: 'rp@example.com',
      content: { kind: 'simple', subject: { data: 'Hi & <bye>', charset: 'UTF-8' }, text: { data: 'text' }, html: { data: '<b>html</b>' } },
      tags: [{ name: 'k', value: 'v' }],
      configurationSetName: 'cs',
      maxBytes: MAX_MESSAGE_BYTES_V1,
    });
  });

  it('SendRawEmail passes the bytes, Source and Destinations', async () => {
    const h = harness();
    const mime = Buffer.from('Subject: raw\r\n\r\n\u00e9\u00e8 body\r\n', 'utf8');
    const out = await h.v1.send(new SendRawEmailCommand({ RawMessage: { Data: mime }, Source: 's@example.com', Destinations: ['d1@example.com', 'd2@example.com'] }));
    expect(out.MessageId).toBe(FAKE_MESSAGE_ID);
    expect(h.engine.sent[0]).toMatchObject({
      caller: { door: 'ses', operation: 'SendRawEmail' },
      from: 's@example.com',
      destination: { to: ['d1@example.com', 'd2@example.com'] },
      content: { kind: 'raw', data: mime },
      maxBytes: MAX_MESSAGE_BYTES_V1,
    });
  });

  it('SendRawEmail without Source or Destinations leaves both to the MIME headers', async () => {
    const h = harness();
    await h.v1.send(new SendRawEmailCommand({ RawMessage: { Data: Buffer.from('x') } }));
    expect(h.engine.sent[0].from).toBeUndefined();
    expect(h.engine.sent[0].destination).toBeUndefined();
  });
});

describe('SES v1 account and identities over the real SDK', () => {
  it('GetSendQuota round-trips the numbers', async () => {
    const h = harness();
    const q = await h.v1.send(new GetSendQuotaCommand({}));
    expect(q).toMatchObject({ Max24HourSend: 200, MaxSendRate: 1.5, SentLast24Hours: 7 });
  });

  it('VerifyEmailIdentity calls the engine and answers an empty result', async () => {
    const h = harness();
    const out = await h.v1.send(new VerifyEmailIdentityCommand({ EmailAddress: 'me@example.com' }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(h.engine.verified).toEqual(['me@example.com']);
  });

  it('ListIdentities filters by IdentityType and pages with MaxItems/NextToken', async () => {
    const engine = fakeEngine([
      { identity: 'a@example.com', type: 'EMAIL_ADDRESS' },
      { identity: 'example.com', type: 'DOMAIN' },
      { identity: 'b@example.com', type: 'EMAIL_ADDRESS' },
      { identity: 'c@example.com', type: 'EMAIL_ADDRESS' },
    ]);
    const h = harness({ engine });
    const all = await h.v1.send(new ListIdentitiesCommand({}));
    expect(all.Identities).toEqual(['a@example.com', 'example.com', 'b@example.com', 'c@example.com']);
    expect(all.NextToken).toBeUndefined();

    const domains = await h.v1.send(new ListIdentitiesCommand({ IdentityType: 'Domain' }));
    expect(domains.Identities).toEqual(['example.com']);

    const p1 = await h.v1.send(new ListIdentitiesCommand({ IdentityType: 'EmailAddress', MaxItems: 2 }));
    expect(p1.Identities).toEqual(['a@example.com', 'b@example.com']);
    expect(p1.NextToken).toBeTruthy();
    const p2 = await h.v1.send(new ListIdentitiesCommand({ IdentityType: 'EmailAddress', MaxItems: 2, NextToken: p1.NextToken }));
    expect(p2.Identities).toEqual(['c@example.com']);
    expect(p2.NextToken).toBeUndefined();
  });

  it('an empty identity list still comes back as an empty list', async () => {
    const h = harness();
    const out = await h.v1.send(new ListIdentitiesCommand({}));
    expect(out.Identities ?? []).toEqual([]);
    expect(h.seen).toHaveLength(1);
  });

  it('a bad IdentityType or NextToken is refused in the protocol form', async () => {
    const h = harness();
    const bad = await rejection(h.v1.send(new ListIdentitiesCommand({ IdentityType: 'Mailbox' as never })));
    expect(bad.name).toBe('ValidationError');
    expect(bad.message).toBe("1 validation error detected: Value 'Mailbox' at 'identityType' failed to satisfy constraint: Member must satisfy enum value set: [EmailAddress, Domain]");
    const token = await rejection(h.v1.send(new ListIdentitiesCommand({ NextToken: 'garbage' })));
    expect(token.name).toBe('InvalidParameterValue');
  });
});

describe('SES v1 errors as the SDK sees them', () => {
  const failWith = (error: Error) => {
    const h = harness();
    h.engine.onSend = async () => {
      throw error;
    };
    return rejection(h.v1.send(new SendEmailCommand(SEND)));
  };

  it('MessageRejected maps to the modelled error class with its message', async () => {
    const err = await failWith(errors.notVerified('us-east-1', ['Sendportal <x@example.com>']));
    expect(err.name).toBe('MessageRejected');
    expect(err.message).toBe('Email address is not verified. The following identities failed the check in region US-EAST-1: Sendportal <x@example.com>');
    expect(err.$metadata.httpStatusCode).toBe(400);
    expect(err.$fault).toBe('client');
  });

  it('messages with markup, quotes, CR/LF and non-ASCII survive XML escaping intact', async () => {
    const text = `Invalid tag value <a&b>: "quoted" 'single' \r\nline ✓`;
    const err = await failWith(errors.invalidParameter(text));
    expect(err.message).toBe(text);
  });

  it('InvalidParameterValue and Throttling keep their short codes', async () => {
    const invalid = await failWith(errors.recipientCount(50));
    expect(invalid.name).toBe('InvalidParameterValue');
    expect(invalid.message).toBe('Recipient count exceeds 50.');
    expect(invalid.$metadata.httpStatusCode).toBe(400);
    const throttled = await failWith(errors.dailyQuotaExceeded());
    expect(throttled.name).toBe('Throttling');
    expect(throttled.message).toBe('Daily message quota exceeded.');
    expect(throttled.$metadata.httpStatusCode).toBe(400);
  });

  it('ConfigurationSetDoesNotExist uses the model short code and maps back to the modelled class', async () => {
    const err = await failWith(errors.configurationSetDoesNotExist('cs'));
    expect(err.name).toBe('ConfigurationSetDoesNotExistException');
    expect(err.Code ?? (err as { Error?: { Code?: string } }).Error?.Code).toBe('ConfigurationSetDoesNotExist');
    expect(err.message).toBe('Configuration set cs does not exist.');
  });

  it('a missing required member is ValidationError before the engine is called', async () => {
    const h = harness();
    const err = await rejection(h.v1.send(new SendEmailCommand({ Destination: SEND.Destination, Message: SEND.Message } as never)));
    expect(err.name).toBe('ValidationError');
    expect(err.message).toBe("1 validation error detected: Value null at 'source' failed to satisfy constraint: Member must not be null");
    expect(h.engine.sent).toHaveLength(0);
  });

  it('several problems are reported together (an empty structure does not exist on the Query wire)', async () => {
    const h = harness();
    const err = await rejection(h.v1.send(new SendEmailCommand({ Destination: {}, Message: { Body: {}, Subject: { Data: 's' } } } as never)));
    expect(err.message).toBe(
      "3 validation errors detected: Value null at 'source' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'destination' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'message.body' failed to satisfy constraint: Member must not be null",
    );
  });

  it('an unimplemented action answers 501 NotImplemented naming it', async () => {
    const h = harness();
    const err = await rejection(h.v1.send(new CreateReceiptRuleSetCommand({ RuleSetName: 'rules' })));
    expect(err.name).toBe('NotImplemented');
    expect(err.$metadata.httpStatusCode).toBe(501);
    expect(err.message).toBe('Sesame does not implement SES operation CreateReceiptRuleSet yet');
  });

  it('an unexpected exception is InternalFailure 500 with Type Receiver', async () => {
    const err = await failWith(new RangeError('kaput'));
    expect(err.name).toBe('InternalFailure');
    expect(err.$metadata.httpStatusCode).toBe(500);
    expect(err.Type ?? (err as { Error?: { Type?: string } }).Error?.Type).toBe('Receiver');
  });
});
