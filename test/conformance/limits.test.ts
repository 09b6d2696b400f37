// Limits and bad input on the send path through the real peers (ses-facts §A.3, §A.6, §A.10): message tags,
// duplicate headers, the header section limit, empty and illegal header names, blocked attachments, a
// missing From and the order of the checks — with @aws-sdk/client-ses (v1 texts and codes),
// @aws-sdk/client-sesv2, boto3 and the AWS CLI, and SMTP (nodemailer, swaks). Every refusal leaves the inbox
// and the quota as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { GetSendQuotaCommand, SendEmailCommand, SendRawEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { SendEmailCommand as SendEmailV2Command, type SESv2Client } from '@aws-sdk/client-sesv2';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { MAX_HEADER_SECTION_BYTES, MAX_MESSAGE_BYTES_V1 } from '../../src-main/core/limits';
import { rejection } from '../helpers/rejection';
import { sesClient, sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

const run = promisify(execFile);
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;
const hasCli = spawnSync('aws', ['--version']).status === 0;
const hasSwaks = spawnSync('swaks', ['--version']).status === 0;

let sesame: TestSesame;
let v1: SESClient;
let v2: SESv2Client;
let before: { total: number; sent: number };

beforeAll(async () => {
  sesame = await startTestSesame();
  v1 = sesClient(sesame);
  v2 = sesv2Client(sesame);
  before = { total: sesame.engine.messages.counts().total, sent: sesame.engine.account.quota().sentLast24Hours };
});
afterAll(async () => {
  v1?.destroy();
  v2?.destroy();
  await sesame?.cleanup();
});

const crlf = (...lines: string[]) => lines.join('\r\n');
const MESSAGE = { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } };
const sendV1 = (over: Record<string, unknown>) =>
  v1.send(new SendEmailCommand({ Source: 'a@example.com', Destination: { ToAddresses: ['b@example.com'] }, Message: MESSAGE, ...over }));
const sendRawV1 = (data: string | Buffer) => v1.send(new SendRawEmailCommand({ RawMessage: { Data: Buffer.from(data) } }));
const raw = (...headers: string[]) => crlf('From: a@example.com', 'To: b@example.com', ...headers, '', 'body');
const withFile = (file: string) =>
  crlf(
    'From: a@example.com', 'To: b@example.com', 'Content-Type: multipart/mixed; boundary=b', '', '--b', 'Content-Type: text/plain', '', 'x', '--b',
    `Content-Type: application/octet-stream; name="${file}"`, 'Content-Transfer-Encoding: base64', '', 'TVo=', '--b--', '',
  );

/** The error as [name, message, HTTP status]. */
const refusedWith = async (p: Promise<unknown>) => {
  const e = await rejection(p);
  return [e.name, e.message, e.$metadata.httpStatusCode];
};

describe('SES v1 with @aws-sdk/client-ses', () => {
  it('tags: every AWS-recorded case, InvalidParameterValue 400 with the exact text', async () => {
    const cases: [string, string, string][] = [
      ['test_invalid_name:123', 'test', "Invalid tag name <test_invalid_name:123>: only alphanumeric ASCII characters, '_',  '-' are allowed."],
      ['test', 'test_invalid_value:123', "Invalid tag value <test_invalid_value:123>: only alphanumeric ASCII characters, '_',  '-' , '.', '@' are allowed."],
      ['test_invalid_name_len'.repeat(100), 'test', 'Tag name cannot exceed 255 characters.'],
      ['test', 'test_invalid_value_len'.repeat(100), 'Tag value cannot exceed 255 characters.'],
      ['test_invalid_name@123', 'test_invalid_value_len'.repeat(100), "Invalid tag name <test_invalid_name@123>: only alphanumeric ASCII characters, '_',  '-' are allowed."],
      ['', '', 'The tag name must be specified.'],
      ['', 'test', 'The tag name must be specified.'],
      ['test', '', 'The tag value must be specified.'],
    ];
    for (const [Name, Value, text] of cases) {
      expect(await refusedWith(sendV1({ Tags: [{ Name, Value }] }))).toEqual(['InvalidParameterValue', text, 400]);
    }
    // ses:-prefixed names pass tag validation (LocalStack's AWS-validated test_special_tags_send_email).
    await expect(sendV1({ Tags: [{ Name: 'ses:feedback-id-a', Value: 'this-marketing-campaign' }] })).resolves.toHaveProperty('MessageId');
  });

  it('tags are checked before address syntax and the recipient count', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `r${i}@example.com`);
    expect(await refusedWith(sendV1({ Source: 'nobody', Destination: { ToAddresses: many }, Tags: [{ Name: 'a b', Value: 'v' }] }))).toEqual([
      'InvalidParameterValue', "Invalid tag name <a b>: only alphanumeric ASCII characters, '_',  '-' are allowed.", 400,
    ]);
    expect(await refusedWith(sendV1({ Source: 'nobody', Destination: { ToAddresses: many } }))).toEqual(['InvalidParameterValue', "Missing final '@domain'", 400]);
  });

  it('SendRawEmail: header texts, a missing From, the X-SES-MESSAGE-TAGS header', async () => {
    expect(await refusedWith(sendRawV1(raw('Message-ID: <1@x>', 'Message-ID: <2@x>')))).toEqual(['InvalidParameterValue', "Duplicate header 'Message-ID'.", 400]);
    expect(await refusedWith(sendRawV1(raw(`X-Big: ${'v'.repeat(MAX_HEADER_SECTION_BYTES)}`)))).toEqual(['InvalidParameterValue', 'Header section too long.', 400]);
    expect(await refusedWith(sendRawV1(raw(':')))).toEqual(['InvalidParameterValue', 'Empty header names are illegal.', 400]);
    expect(await refusedWith(sendRawV1(crlf('From: a@example.com', 'To: b@example.com', '<!DOCTYPE html PUBLIC "x" "http://y">')))).toEqual([
      'InvalidParameterValue', `Illegal header '<!DOCTYPE html PUBLIC "x" "http'.`, 400,
    ]);
    expect(await refusedWith(sendRawV1(crlf('To: b@example.com', 'Subject: s', '', 'x')))).toEqual(['InvalidParameterValue', "Missing required header 'From'.", 400]);
    expect(await refusedWith(sendRawV1(raw('X-SES-MESSAGE-TAGS: campaign=sp ring')))).toEqual([
      'InvalidParameterValue', "Invalid tag value <sp ring>: only alphanumeric ASCII characters, '_',  '-' , '.', '@' are allowed.", 400,
    ]);
  });

  it('SendRawEmail: a blocked attachment is MessageRejected; an allowed one is accepted', async () => {
    expect(await refusedWith(sendRawV1(withFile('Invoice.PDF.exe')))).toEqual(['MessageRejected', "Illegal filename 'Invoice.PDF.exe'.", 400]);
    await expect(sendRawV1(withFile('invoice.pdf'))).resolves.toHaveProperty('MessageId');
  });

  it("SendRawEmail over 10 MB: Message length is more than 10485760 bytes long: '<n>'.", async () => {
    const big = Buffer.concat([Buffer.from(raw() + '\r\n'), Buffer.alloc(MAX_MESSAGE_BYTES_V1, 0x61)]);
    expect(await refusedWith(sendRawV1(big))).toEqual(['InvalidParameterValue', `Message length is more than 10485760 bytes long: '${big.length}'.`, 400]);
  });
});

describe('SES v2 with @aws-sdk/client-sesv2', () => {
  const sendV2 = (over: Record<string, unknown>, simple: Record<string, unknown> = {}) =>
    v2.send(
      new SendEmailV2Command({
        FromEmailAddress: 'a@example.com',
        Destination: { ToAddresses: ['b@example.com'] },
        Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } }, ...simple } },
        ...over,
      }),
    );

  it('EmailTags: BadRequestException with the v1 texts', async () => {
    expect(await refusedWith(sendV2({ EmailTags: [{ Name: 'bad:name', Value: 'x' }] }))).toEqual([
      'BadRequestException', "Invalid tag name <bad:name>: only alphanumeric ASCII characters, '_',  '-' are allowed.", 400,
    ]);
    expect(await refusedWith(sendV2({ EmailTags: [{ Name: 'ok', Value: '' }] }))).toEqual(['BadRequestException', 'The tag value must be specified.', 400]);
  });

  it('Simple Attachments with a blocked extension: MessageRejected', async () => {
    const Attachments = [{ FileName: 'macro.VBS', RawContent: Buffer.from('x') }];
    expect(await refusedWith(sendV2({}, { Attachments }))).toEqual(['MessageRejected', "Illegal filename 'macro.VBS'.", 400]);
  });

  it('a Simple custom header repeating Subject, and raw mail with two Dates: BadRequestException', async () => {
    expect(await refusedWith(sendV2({}, { Headers: [{ Name: 'Subject', Value: 'again' }] }))).toEqual(['BadRequestException', "Duplicate header 'Subject'.", 400]);
    const Data = Buffer.from(raw('Date: Thu, 01 Jan 2026 00:00:00 +0000', 'Date: Fri, 02 Jan 2026 00:00:00 +0000'));
    expect(await refusedWith(v2.send(new SendEmailV2Command({ Content: { Raw: { Data } } })))).toEqual(['BadRequestException', "Duplicate header 'Date'.", 400]);
  });
});

describe.skipIf(!hasBoto3)('boto3' + (hasBoto3 ? '' : ' (skipped: python3 with boto3 is not installed)'), () => {
  it('reads the tag and attachment refusals as ClientError code and message', async () => {
    const script = `
import json, sys, boto3, botocore
v1 = boto3.client('ses', endpoint_url=sys.argv[1])
v2 = boto3.client('sesv2', endpoint_url=sys.argv[1])
out = []
def attempt(call):
    try:
        call()
        out.append('accepted')
    except botocore.exceptions.ClientError as e:
        out.append([e.response['Error']['Code'], e.response['Error']['Message']])
attempt(lambda: v1.send_email(Source='a@example.com', Destination={'ToAddresses': ['b@example.com']},
    Message={'Subject': {'Data': 's'}, 'Body': {'Text': {'Data': 't'}}}, Tags=[{'Name': 'a.b', 'Value': 'v'}]))
attempt(lambda: v2.send_email(FromEmailAddress='a@example.com', Destination={'ToAddresses': ['b@example.com']},
    Content={'Simple': {'Subject': {'Data': 's'}, 'Body': {'Text': {'Data': 't'}}, 'Attachments': [{'FileName': 'run.bat', 'RawContent': b'x'}]}}))
print(json.dumps(out))
`;
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'AKIAPY', AWS_SECRET_ACCESS_KEY: 's', AWS_DEFAULT_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' };
    const out = JSON.parse((await run('python3', ['-c', script, sesame.urls.aws], { env, encoding: 'utf8' })).stdout);
    expect(out).toEqual([
      ['InvalidParameterValue', "Invalid tag name <a.b>: only alphanumeric ASCII characters, '_',  '-' are allowed."],
      ['MessageRejected', "Illegal filename 'run.bat'."],
    ]);
  });
});

describe.skipIf(!hasCli)('AWS CLI' + (hasCli ? '' : ' (skipped: the aws command is not installed)'), () => {
  it('aws ses send-email with a bad tag fails with the code and text', async () => {
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'AKIACLI', AWS_SECRET_ACCESS_KEY: 's', AWS_DEFAULT_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' };
    const err = await run(
      'aws',
      ['ses', 'send-email', '--from', 'a@example.com', '--to', 'b@example.com', '--subject', 's', '--text', 't', '--tags', 'Name=campaign,Value=spring sale', '--endpoint-url', sesame.urls.aws],
      { env, encoding: 'utf8' },
    ).then(
      () => null,
      (e: { stderr: string }) => e,
    );
    expect(err?.stderr).toContain(
      "An error occurred (InvalidParameterValue) when calling the SendEmail operation: Invalid tag value <spring sale>: only alphanumeric ASCII characters, '_',  '-' , '.', '@' are allowed.",
    );
  });
});

describe('SMTP', () => {
  const smtp = () => nodemailer.createTransport({ host: '127.0.0.1', port: sesame.ports.smtp, tls: { rejectUnauthorized: false } });
  const refusedReply = async (mail: SendMailOptions) => {
    const t = smtp();
    const e = await rejection(t.sendMail(mail));
    t.close();
    return e.response;
  };
  const basic = { from: 'a@example.com', to: 'b@example.com', subject: 's', text: 'x' };

  it('nodemailer: a bad X-SES-MESSAGE-TAGS header is 554 Transaction failed: <SES text>', async () => {
    expect(await refusedReply({ ...basic, headers: { 'X-SES-MESSAGE-TAGS': 'campaign=spring, bad:name=x' } })).toBe(
      "554 Transaction failed: Invalid tag name <bad:name>: only alphanumeric ASCII characters, '_',  '-' are allowed.",
    );
  });

  it("nodemailer: a blocked attachment is 554 Message rejected: Illegal filename '…'.", async () => {
    expect(await refusedReply({ ...basic, attachments: [{ filename: 'setup.exe', content: Buffer.from('MZ') }] })).toBe(
      "554 Message rejected: Illegal filename 'setup.exe'.",
    );
  });

  it('nodemailer (raw): a duplicate header and a missing From are 554 Transaction failed', async () => {
    const envelope = { from: 'a@example.com', to: ['b@example.com'] };
    expect(await refusedReply({ envelope, raw: raw('Subject: one', 'Subject: two') })).toBe("554 Transaction failed: Duplicate header 'Subject'.");
    expect(await refusedReply({ envelope, raw: crlf('To: b@example.com', '', 'x') })).toBe("554 Transaction failed: Missing required header 'From'.");
  });

  it.skipIf(!hasSwaks)("swaks: a header line that starts with ':' is 554 Transaction failed: Empty header names are illegal.", async () => {
    const out = await run(
      'swaks',
      ['--server', '127.0.0.1', '--port', String(sesame.ports.smtp), '--from', 'a@example.com', '--to', 'b@example.com', '--data', raw(':', 'Subject: swaks')],
      { encoding: 'utf8' },
    ).then(
      (r) => r.stdout,
      (e: { stdout: string }) => e.stdout,
    );
    expect(out).toContain('<** 554 Transaction failed: Empty header names are illegal.');
  });
});

describe('after every refusal above', () => {
  it('the inbox holds only the accepted sends and the quota counts only their recipients', async () => {
    // Accepted above: the ses:-prefixed tag send and the allowed attachment (one recipient each).
    expect(sesame.engine.messages.counts().total).toBe(before.total + 2);
    const quota = await v1.send(new GetSendQuotaCommand({}));
    expect(quota.SentLast24Hours).toBe(before.sent + 2);
  });
});
