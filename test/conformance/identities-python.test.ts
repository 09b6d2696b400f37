// Identities with boto3 and the AWS CLI (python3) against a Sesame that requires verification: create, get,
// list, delete through sesv2 and ses, a send refused as SES refuses it, then accepted once the verification
// link (followed with fetch, as a user clicks it) verified the sender. Skipped with a visible reason where
// python3/boto3/aws are absent.
import { awsPeerEnv } from '../helpers/python-peers';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';
import { followVerificationLink } from '../helpers/verification-mail';

// The server runs in this process: child processes must be awaited asynchronously, never *Sync.
const run = promisify(execFile);
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;
const hasCli = spawnSync('aws', ['--version']).status === 0;

let sesame: TestSesame;
beforeAll(async () => {
  sesame = await startTestSesame({ account: { autoVerify: false, sandbox: false } });
});
afterAll(async () => {
  await sesame?.cleanup();
});

const awsEnv = () => awsPeerEnv('AKIAPYTHON');

const PRELUDE = `
import json, sys, boto3, botocore
endpoint = sys.argv[1]
v2 = boto3.client('sesv2', endpoint_url=endpoint)
v1 = boto3.client('ses', endpoint_url=endpoint)
out = {}
def err(call):
    try:
        call()
        return None
    except botocore.exceptions.ClientError as e:
        return [e.response['Error']['Code'], e.response['Error']['Message'], e.response['ResponseMetadata']['HTTPStatusCode']]
send = lambda: v1.send_email(Source='py@example.com', Destination={'ToAddresses': ['to@elsewhere.example']},
    Message={'Subject': {'Data': 'boto3'}, 'Body': {'Text': {'Data': 'hi'}}})
`;

const BEFORE = `${PRELUDE}
c = v2.create_email_identity(EmailIdentity='py@example.com')
out['created'] = [c['IdentityType'], c['VerifiedForSendingStatus']]
g = v2.get_email_identity(EmailIdentity='py@example.com')
out['status'] = g['VerificationStatus']
d = v2.create_email_identity(EmailIdentity='py.example')
out['dkim'] = [d['DkimAttributes']['Status'], len(d['DkimAttributes']['Tokens'])]
out['token'] = v1.verify_domain_identity(Domain='legacy-py.example')['VerificationToken']
a = v1.get_identity_verification_attributes(Identities=['py@example.com', 'legacy-py.example'])['VerificationAttributes']
out['v1'] = {k: v['VerificationStatus'] for k, v in a.items()}
out['refused_v1'] = err(send)
out['refused_v2'] = err(lambda: v2.send_email(FromEmailAddress='py@example.com', Destination={'ToAddresses': ['to@elsewhere.example']},
    Content={'Simple': {'Subject': {'Data': 's'}, 'Body': {'Text': {'Data': 't'}}}}))
out['dup'] = err(lambda: v2.create_email_identity(EmailIdentity='py@example.com'))
print(json.dumps(out))
`;

const AFTER = `${PRELUDE}
out['sent'] = send()['MessageId']
out['verified'] = v2.get_email_identity(EmailIdentity='py@example.com')['VerifiedForSendingStatus']
v2.delete_email_identity(EmailIdentity='py.example')
v1.delete_identity(Identity='legacy-py.example')
out['left'] = v1.list_identities()['Identities']
out['gone'] = err(lambda: v2.get_email_identity(EmailIdentity='py.example'))
print(json.dumps(out))
`;

describe.skipIf(!hasBoto3)('boto3 identities' + (hasBoto3 ? '' : ' (skipped: python3 with boto3 is not installed)'), () => {
  it('create/get via sesv2 and ses; refused send; the link; accepted send; delete and list', async () => {
    const py = async (script: string) => JSON.parse((await run('python3', ['-c', script, sesame.urls.aws], { env: awsEnv(), encoding: 'utf8' })).stdout);
    const before = await py(BEFORE);
    const text = 'Email address is not verified. The following identities failed the check in region US-EAST-1: py@example.com';
    expect(before).toMatchObject({
      created: ['EMAIL_ADDRESS', false],
      status: 'PENDING',
      dkim: ['PENDING', 3],
      v1: { 'py@example.com': 'Pending', 'legacy-py.example': 'Pending' },
      refused_v1: ['MessageRejected', text, 400],
      refused_v2: ['MessageRejected', text, 400],
      dup: ['AlreadyExistsException', 'Email identity py@example.com already exists.', 400],
    });
    expect(before.token).toMatch(/^[A-Za-z0-9+/]{43}=$/);

    expect((await followVerificationLink(sesame.engine, 'py@example.com')).status).toBe(200);

    const after = await py(AFTER);
    expect(after.sent).toMatch(/^[0-9a-f]{16}-.*-000000$/);
    expect(after.verified).toBe(true);
    expect(after.left).toEqual(['py@example.com']);
    expect(after.gone).toEqual(['NotFoundException', 'Email identity py.example does not exist.', 404]);
  });
});

describe.skipIf(!hasCli)('AWS CLI identities' + (hasCli ? '' : ' (skipped: the aws command is not installed)'), () => {
  const aws = async (...args: string[]) => {
    const { stdout } = await run('aws', [...args, '--endpoint-url', sesame.urls.aws, '--output', 'json'], { env: awsEnv(), encoding: 'utf8' });
    return stdout.trim() ? JSON.parse(stdout) : {};
  };

  it('aws sesv2 create/get/delete-email-identity and aws ses get-identity-verification-attributes', async () => {
    const created = await aws('sesv2', 'create-email-identity', '--email-identity', 'cli.example');
    expect(created.IdentityType).toBe('DOMAIN');
    expect(created.DkimAttributes.Tokens).toHaveLength(3);
    const got = await aws('sesv2', 'get-email-identity', '--email-identity', 'cli.example');
    expect(got).toMatchObject({ VerificationStatus: 'PENDING', DkimAttributes: { Tokens: created.DkimAttributes.Tokens } });
    const v1 = await aws('ses', 'get-identity-verification-attributes', '--identities', 'cli.example');
    expect(v1.VerificationAttributes['cli.example'].VerificationStatus).toBe('Pending');

    sesame.engine.identities.publishToZone('cli.example');
    const dkim = await aws('ses', 'get-identity-dkim-attributes', '--identities', 'cli.example');
    expect(dkim.DkimAttributes['cli.example']).toMatchObject({ DkimEnabled: true, DkimVerificationStatus: 'Success' });

    await aws('sesv2', 'delete-email-identity', '--email-identity', 'cli.example');
    const listed = await aws('ses', 'list-identities', '--identity-type', 'Domain');
    expect(listed.Identities).not.toContain('cli.example');
  });
});
