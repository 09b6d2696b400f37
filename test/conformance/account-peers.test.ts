// Quotas, rate and pauses through the other peers (ses-facts §A.3, §A.8): SMTP with nodemailer and swaks
// (`454 Throttling failure: …`, `554 Message rejected: …`), boto3 (ClientError codes, with botocore's
// retries off) and the AWS CLI. One server; each test resets the account through the automation API.
import { awsPeerEnv } from '../helpers/python-peers';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../helpers/rejection';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

// The server runs in this process: child processes are awaited asynchronously, never *Sync.
const run = promisify(execFile);
const hasSwaks = spawnSync('swaks', ['--version']).status === 0;
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;
const hasCli = spawnSync('aws', ['--version']).status === 0;

let sesame: TestSesame;
beforeAll(async () => {
  sesame = await startTestSesame({ account: 'new' });
});
afterAll(async () => {
  await sesame?.cleanup();
});

async function automation(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sesame.urls.aws}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  expect(res.status, `${method} ${path}`).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}
beforeEach(async () => {
  await automation('POST', '/_sesame/reset');
  await automation('PATCH', '/_sesame/account', { autoVerify: true }); // a new account (1/s, 200/day) that needs no verification
});

const fifty = Array.from({ length: 50 }, (_, i) => `r${i}@example.com`);

describe('SMTP with nodemailer', () => {
  const transport = () =>
    nodemailer.createTransport({
      host: '127.0.0.1',
      port: sesame.ports.smtp,
      requireTLS: true,
      tls: { rejectUnauthorized: false },
      auth: { user: 'AKIANODEMAILER', pass: 'x' },
    });
  const mail = (to: string | string[] = 'to@example.com') => ({ from: 'app@example.com', to, subject: 'smtp quota', text: 'x' });

  it('over the send rate: 454 Throttling failure: Maximum sending rate exceeded.', async () => {
    const t = transport();
    try {
      await t.sendMail(mail(fifty)); // 50 s of debt at 1/s: the next send is throttled however slow the machine
      const err = await rejection(t.sendMail(mail()));
      expect(err.responseCode).toBe(454);
      expect(err.response).toBe('454 Throttling failure: Maximum sending rate exceeded.');
    } finally {
      t.close();
    }
  });

  it('over the daily quota: 454 Throttling failure: Daily message quota exceeded.', async () => {
    await automation('PATCH', '/_sesame/account', { max24HourSend: 1, maxSendRate: 1000 });
    const t = transport();
    try {
      await t.sendMail(mail());
      const err = await rejection(t.sendMail(mail()));
      expect(err.response).toBe('454 Throttling failure: Daily message quota exceeded.');
    } finally {
      t.close();
    }
  });

  it('paused: 554 Message rejected: …', async () => {
    await automation('PATCH', '/_sesame/account', { enforcementStatus: 'SHUTDOWN' });
    const t = transport();
    try {
      const err = await rejection(t.sendMail(mail()));
      expect(err.responseCode).toBe(554);
      expect(err.response).toMatch(/^554 Message rejected: Sending paused for this account\./);
    } finally {
      t.close();
    }
  });
});

describe.skipIf(!hasSwaks)('SMTP with swaks' + (hasSwaks ? '' : ' (skipped: swaks is not installed)'), () => {
  const swaks = (to: string) =>
    run('swaks', [
      '--server', '127.0.0.1', '--port', String(sesame.ports.smtp), '--tls',
      '--auth', 'LOGIN', '--auth-user', 'AKIASWAKS', '--auth-password', 'pw',
      '--from', 'swaks@example.com', '--to', to, '--header', 'Subject: swaks quota', '--body', 'x',
    ], { encoding: 'utf8' }).then(
      (r) => ({ ok: true, out: r.stdout }),
      (e: { stdout: string }) => ({ ok: false, out: e.stdout }),
    );

  it('a second message before the rate allows it gets 454 Throttling failure', async () => {
    await automation('PATCH', '/_sesame/account', { maxSendRate: 0.01 }); // one message per 100 s
    const first = await swaks('a@example.com');
    expect(first.ok).toBe(true);
    const second = await swaks('b@example.com');
    expect(second.ok).toBe(false);
    expect(second.out).toContain('454 Throttling failure: Maximum sending rate exceeded.');
  });
});

const BOTO3_SCRIPT = `
import json, sys, boto3, botocore
from botocore.config import Config
endpoint = sys.argv[1]
cfg = Config(retries={'total_max_attempts': 1})
v2 = boto3.client('sesv2', endpoint_url=endpoint, config=cfg)
v1 = boto3.client('ses', endpoint_url=endpoint, config=cfg)
out = {}
def code(call):
    try:
        call()
        return None
    except botocore.exceptions.ClientError as e:
        return [e.response['Error']['Code'], e.response['Error']['Message'], e.response['ResponseMetadata']['HTTPStatusCode']]
q = v1.get_send_quota()
out['quota'] = [q['Max24HourSend'], q['MaxSendRate'], q['SentLast24Hours']]
fifty = ['r%d@example.com' % i for i in range(50)]
v2.send_email(FromEmailAddress='py@example.com', Destination={'ToAddresses': fifty},
    Content={'Simple': {'Subject': {'Data': 's'}, 'Body': {'Text': {'Data': 't'}}}})
out['v2throttled'] = code(lambda: v2.send_email(FromEmailAddress='py@example.com', Destination={'ToAddresses': ['a@example.com']},
    Content={'Simple': {'Subject': {'Data': 's'}, 'Body': {'Text': {'Data': 't'}}}}))
out['v1throttled'] = code(lambda: v1.send_email(Source='py@example.com', Destination={'ToAddresses': ['a@example.com']},
    Message={'Subject': {'Data': 's'}, 'Body': {'Text': {'Data': 't'}}}))
out['sent'] = v1.get_send_quota()['SentLast24Hours']
v2.put_account_details(MailType='MARKETING', WebsiteURL='https://py.example.com', ProductionAccessEnabled=True)
out['review'] = v2.get_account()['Details']['ReviewDetails']['Status']
out['conflict'] = code(lambda: v2.put_account_details(MailType='MARKETING', WebsiteURL='https://py.example.com'))
v1.update_account_sending_enabled(Enabled=False)
out['enabled'] = v1.get_account_sending_enabled()['Enabled']
out['paused'] = code(lambda: v1.send_email(Source='py@example.com', Destination={'ToAddresses': ['a@example.com']},
    Message={'Subject': {'Data': 's'}, 'Body': {'Text': {'Data': 't'}}}))
print(json.dumps(out))
`;

const awsEnv = () => awsPeerEnv('AKIAPYTHON');

describe.skipIf(!hasBoto3)('boto3' + (hasBoto3 ? '' : ' (skipped: python3 with boto3 is not installed)'), () => {
  it('sees Throttling / TooManyRequestsException, the review, ConflictException and AccountSendingPausedException', async () => {
    const out = JSON.parse((await run('python3', ['-c', BOTO3_SCRIPT, sesame.urls.aws], { env: awsEnv(), encoding: 'utf8' })).stdout);
    expect(out.quota).toEqual([200, 1, 0]);
    expect(out.v2throttled).toEqual(['TooManyRequestsException', 'Maximum sending rate exceeded.', 429]);
    expect(out.v1throttled).toEqual(['Throttling', 'Maximum sending rate exceeded.', 400]);
    expect(out.sent).toBe(50);
    expect(out.review).toBe('PENDING');
    expect(out.conflict?.slice(0, 1).concat(out.conflict?.[2])).toEqual(['ConflictException', 409]);
    expect(out.enabled).toBe(false);
    expect(out.paused?.[0]).toBe('AccountSendingPausedException');
  });
});

describe.skipIf(!hasCli)('AWS CLI' + (hasCli ? '' : ' (skipped: the aws command is not installed)'), () => {
  const aws = (...args: string[]) => run('aws', [...args, '--endpoint-url', sesame.urls.aws, '--output', 'json'], { env: awsEnv(), encoding: 'utf8' });

  it('aws ses get-send-quota, and a throttled aws sesv2 send-email names TooManyRequestsException', async () => {
    await automation('PATCH', '/_sesame/account', { maxSendRate: 0.01 });
    expect(JSON.parse((await aws('ses', 'get-send-quota')).stdout)).toEqual({ Max24HourSend: 200, MaxSendRate: 0.01, SentLast24Hours: 0 });
    const send = () =>
      aws('sesv2', 'send-email', '--from-email-address', 'cli@example.com', '--destination', 'ToAddresses=a@example.com',
        '--content', 'Simple={Subject={Data=cli},Body={Text={Data=x}}}');
    await send();
    const err = (await send().catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).not.toBe(0);
    expect(err.stderr).toContain('TooManyRequestsException');
    expect(err.stderr).toContain('Maximum sending rate exceeded.');
  });
});
