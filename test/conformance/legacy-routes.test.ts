// SES v2 list operations as botocore 1.43 (boto3, the AWS CLI) still sends them: `GET /v2/email/identities`
// and `GET /v2/email/configuration-sets` with NextToken/PageSize in the query string, where the current
// model has POST list routes (protocols/rest-json/legacy-routes.ts). Paging must work across pages.
import { awsPeerEnv } from '../helpers/python-peers';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

const run = promisify(execFile);
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;
const hasCli = spawnSync('aws', ['--version']).status === 0;

let sesame: TestSesame;
beforeAll(async () => {
  sesame = await startTestSesame();
  for (const name of ['a@example.com', 'b@example.com', 'c.example']) {
    await (name.includes('@') ? sesame.engine.identities.verifyEmail(name) : sesame.engine.identities.verifyDomain(name));
  }
});
afterAll(async () => {
  await sesame?.cleanup();
});

const env = () => awsPeerEnv('AKIALEGACY');

const SCRIPT = `
import json, sys, boto3
v2 = boto3.client('sesv2', endpoint_url=sys.argv[1])
v2.create_configuration_set(ConfigurationSetName='legacy-a')
v2.create_configuration_set(ConfigurationSetName='legacy-b')
first = v2.list_email_identities(PageSize=2)
rest = v2.list_email_identities(PageSize=2, NextToken=first['NextToken'])
sets = v2.list_configuration_sets()
print(json.dumps({
  'first': [i['IdentityName'] for i in first['EmailIdentities']],
  'rest': [i['IdentityName'] for i in rest['EmailIdentities']],
  'more': 'NextToken' in rest,
  'sets': sets['ConfigurationSets'],
}))
`;

describe.skipIf(!hasBoto3)('boto3 sesv2 legacy list routes', () => {
  it('lists identities page by page and configuration sets', async () => {
    const { stdout } = await run('python3', ['-c', SCRIPT, sesame.urls.aws], { env: env() });
    const out = JSON.parse(stdout);
    expect([...out.first, ...out.rest]).toEqual(['a@example.com', 'b@example.com', 'c.example']);
    expect(out.first).toHaveLength(2);
    expect(out.more).toBe(false);
    expect(out.sets).toEqual(['legacy-a', 'legacy-b']);
  });
});

describe.skipIf(!hasCli)('aws sesv2 list-email-identities', () => {
  it('answers the GET form the AWS CLI sends', async () => {
    const { stdout } = await run('aws', ['sesv2', 'list-email-identities', '--endpoint-url', sesame.urls.aws, '--output', 'json'], { env: env() });
    expect(JSON.parse(stdout).EmailIdentities.map((i: { IdentityName: string }) => i.IdentityName)).toEqual(['a@example.com', 'b@example.com', 'c.example']);
  });
});
