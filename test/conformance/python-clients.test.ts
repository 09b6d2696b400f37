// boto3 and the AWS CLI (python3) against a headless Sesame: the other official SDK family, endpoint override only.
// Skipped with a visible reason where python3/boto3/aws are absent.
import { awsPeerEnv } from '../helpers/python-peers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

// The server runs in this process: child processes must be awaited asynchronously, never *Sync (that blocks the server).
const run = promisify(execFile);
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;
const hasCli = spawnSync('aws', ['--version']).status === 0;

let sesame: TestSesame;
beforeAll(async () => {
  sesame = await startTestSesame({ account: { autoVerify: true, sandbox: null, max24HourSend: null, maxSendRate: null } });
});
afterAll(async () => {
  await sesame?.cleanup();
});
// A new account sends 1 recipient per second: Sesame's clock moves a minute before each test (and the
// boto3 script moves it between its sends through the automation API), so the sandbox rate never throttles.
beforeEach(() => {
  sesame.engine.time.advance(60_000);
});

const awsEnv = () => awsPeerEnv('AKIAPYTHON');

const BOTO3_SCRIPT = `
import json, sys, urllib.request, boto3, botocore, botocore.config
endpoint = sys.argv[1]
def tick():
    # Sesame's automation API: a minute of Sesame time pays off the new account's 1/s send-rate debt.
    urllib.request.urlopen(urllib.request.Request(endpoint + '/_sesame/time/advance', data=b'{"seconds": 60}', method='POST')).read()
# No retries: botocore would otherwise retry a throttled send and hide it.
cfg = botocore.config.Config(retries={'total_max_attempts': 1})
v2 = boto3.client('sesv2', endpoint_url=endpoint, config=cfg)
v1 = boto3.client('ses', endpoint_url=endpoint, config=cfg)
out = {}
out['v2'] = v2.send_email(FromEmailAddress='py@example.com', Destination={'ToAddresses': ['to@example.com']},
    Content={'Simple': {'Subject': {'Data': 'from boto3 v2'}, 'Body': {'Text': {'Data': 'hi'}}}})['MessageId']
tick()
out['v1'] = v1.send_email(Source='py@example.com', Destination={'ToAddresses': ['to@example.com']},
    Message={'Subject': {'Data': 'from boto3 v1'}, 'Body': {'Text': {'Data': 'hi'}}})['MessageId']
tick()
out['raw'] = v1.send_raw_email(RawMessage={'Data': b'From: py@example.com\\r\\nTo: r@example.com\\r\\nSubject: boto3 raw\\r\\n\\r\\nx\\r\\n'})['MessageId']
q = v1.get_send_quota()
out['quota'] = [q['Max24HourSend'], q['MaxSendRate'], q['SentLast24Hours']]
out['account'] = v2.get_account()['EnforcementStatus']
v1.verify_email_identity(EmailAddress='py@example.com')
out['identities'] = v1.list_identities()['Identities']
try:
    v1.send_email(Source='py@example.com', Destination={'ToAddresses': ['r%d@example.com' % i for i in range(51)]},
        Message={'Subject': {'Data': 's'}, 'Body': {'Text': {'Data': 't'}}})
except botocore.exceptions.ClientError as e:
    out['error'] = [e.response['Error']['Code'], e.response['Error']['Message'], e.response['ResponseMetadata']['HTTPStatusCode']]
print(json.dumps(out))
`;

describe.skipIf(!hasBoto3)('boto3' + (hasBoto3 ? '' : ' (skipped: python3 with boto3 is not installed)'), () => {
  it('sends through sesv2 and ses, reads quota and account, sees modelled errors', async () => {
    const out = JSON.parse((await run('python3', ['-c', BOTO3_SCRIPT, sesame.urls.aws], { env: awsEnv(), encoding: 'utf8' })).stdout);
    for (const k of ['v2', 'v1', 'raw']) expect(out[k]).toMatch(/^[0-9a-f]{16}-.*-000000$/);
    expect((await sesame.engine.messages.get(out.v2))!.subject).toBe('from boto3 v2');
    expect((await sesame.engine.messages.get(out.raw))!.subject).toBe('boto3 raw');
    expect(out.quota).toEqual([200, 1, 3]);
    expect(out.account).toBe('HEALTHY');
    expect(out.identities).toContain('py@example.com');
    expect(out.error).toEqual(['InvalidParameterValue', 'Recipient count exceeds 50.', 400]);
  });
});

describe.skipIf(!hasCli)('AWS CLI' + (hasCli ? '' : ' (skipped: the aws command is not installed)'), () => {
  const aws = async (...args: string[]) =>
    JSON.parse((await run('aws', [...args, '--endpoint-url', sesame.urls.aws, '--output', 'json'], { env: awsEnv(), encoding: 'utf8' })).stdout);

  it('aws sesv2 send-email and aws ses get-send-quota', async () => {
    const sent = await aws('sesv2', 'send-email', '--from-email-address', 'cli@example.com',
      '--destination', 'ToAddresses=dest@example.com',
      '--content', 'Simple={Subject={Data=from the cli},Body={Text={Data=cli body}}}');
    expect((await sesame.engine.messages.get(sent.MessageId))!.subject).toBe('from the cli');
    const quota = await aws('ses', 'get-send-quota');
    expect(quota.Max24HourSend).toBe(200);
  });

  it('an unimplemented operation is reported by name', async () => {
    const err = await run('aws', ['sesv2', 'list-deliverability-test-reports', '--endpoint-url', sesame.urls.aws], { env: awsEnv(), encoding: 'utf8' })
      .catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).not.toBe(0);
    expect((err as { stderr: string }).stderr).toContain('ListDeliverabilityTestReports');
  });
});
