// VDM ListRecommendations through the real @aws-sdk/client-sesv2 and the AWS CLI: recommendations computed
// from a verified domain's setup and Sesame's local zone — DMARC and SPF open for a fresh domain, FIXED (with
// LastUpdatedTimestamp) once a DMARC record and a custom MAIL FROM domain are in place, BIMI raised once DMARC
// enforces — filtered by STATUS/TYPE/IMPACT/RESOURCE_ARN, paged, and SES-style refusals for bad filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateEmailIdentityCommand, ListRecommendationsCommand, PutEmailIdentityMailFromAttributesCommand } from '@aws-sdk/client-sesv2';
import { awsPeerEnv, hasAwsCli, runPeer } from '../helpers/python-peers';
import { sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

describe('ListRecommendations', () => {
  let sesame: TestSesame;
  const ARN = 'arn:aws:ses:us-east-1:000000000000:identity/brand.example';
  const list = (input: ConstructorParameters<typeof ListRecommendationsCommand>[0] = {}) => sesv2Client(sesame).send(new ListRecommendationsCommand(input));

  beforeAll(async () => {
    sesame = await startTestSesame({ account: { autoVerify: false, sandbox: false, max24HourSend: -1, maxSendRate: 1000 } });
  });
  afterAll(() => sesame?.close());

  it('opens DMARC and SPF for a fresh domain, fixes them as the setup improves, then asks for BIMI', async () => {
    const v2 = sesv2Client(sesame);
    expect((await list()).Recommendations).toEqual([]);
    await v2.send(new CreateEmailIdentityCommand({ EmailIdentity: 'brand.example' }));
    expect((await list()).Recommendations).toEqual([]); // not verified yet: nothing to judge
    sesame.engine.identities.publishToZone('brand.example'); // verifies the domain and Easy DKIM
    const first = (await list()).Recommendations!;
    expect(first.map((r) => [r.Type, r.Impact, r.Status, r.ResourceArn])).toEqual([
      ['DMARC', 'HIGH', 'OPEN', ARN],
      ['SPF', 'LOW', 'OPEN', ARN],
    ]);
    expect(first[0].Description).toContain('_dmarc.brand.example');
    expect(first[0].CreatedTimestamp).toBeInstanceOf(Date);

    await v2.send(new PutEmailIdentityMailFromAttributesCommand({ EmailIdentity: 'brand.example', MailFromDomain: 'mail.brand.example' }));
    sesame.engine.identities.publishToZone('brand.example'); // MAIL FROM MX/SPF published: verified
    sesame.engine.inspect.dns.add({ name: '_dmarc.brand.example', type: 'TXT', value: 'v=DMARC1; p=reject' });
    const later = (await list()).Recommendations!;
    expect(later.map((r) => [r.Type, r.Status])).toEqual([
      ['DMARC', 'FIXED'],
      ['SPF', 'FIXED'],
      ['BIMI', 'OPEN'],
    ]);
    expect(later[0].LastUpdatedTimestamp!.getTime()).toBeGreaterThanOrEqual(first[0].LastUpdatedTimestamp!.getTime());

    expect((await list({ Filter: { STATUS: 'OPEN' } })).Recommendations!.map((r) => r.Type)).toEqual(['BIMI']);
    expect((await list({ Filter: { STATUS: 'FIXED', TYPE: 'SPF' } })).Recommendations!.map((r) => r.Type)).toEqual(['SPF']);
    expect((await list({ Filter: { IMPACT: 'HIGH' } })).Recommendations!.map((r) => r.Type)).toEqual(['DMARC']);
    expect((await list({ Filter: { RESOURCE_ARN: 'arn:aws:ses:us-east-1:000000000000:identity/other.example' } })).Recommendations).toEqual([]);
    const page1 = await list({ PageSize: 2 });
    expect(page1.Recommendations).toHaveLength(2);
    const page2 = await list({ PageSize: 2, NextToken: page1.NextToken });
    expect(page2.Recommendations!.map((r) => r.Type)).toEqual(['BIMI']);
    expect(page2.NextToken).toBeUndefined();
  });

  it('refuses filters SES refuses', async () => {
    const refusal = (input: ConstructorParameters<typeof ListRecommendationsCommand>[0]) =>
      list(input).then(
        () => null,
        (e: Error) => ({ name: e.name, message: e.message }),
      );
    expect(await refusal({ Filter: { TYPE: 'DKIM', IMPACT: 'HIGH' } })).toMatchObject({ name: 'BadRequestException', message: expect.stringContaining('STATUS with IMPACT') as unknown });
    expect(await refusal({ Filter: { STATUS: 'CLOSED' } })).toMatchObject({ name: 'BadRequestException', message: expect.stringContaining('[OPEN, FIXED]') as unknown });
    expect(await refusal({ PageSize: 101 })).toMatchObject({ name: 'BadRequestException' });
  });

  it.skipIf(!hasAwsCli)('answers the AWS CLI', async () => {
    const { stdout } = await runPeer('aws', ['sesv2', 'list-recommendations', '--filter', 'STATUS=OPEN', '--endpoint-url', sesame.urls.aws, '--output', 'json'], { env: awsPeerEnv() });
    const out = JSON.parse(stdout) as { Recommendations: { Type: string; Status: string }[] };
    expect(out.Recommendations.map((r) => [r.Type, r.Status])).toEqual([['BIMI', 'OPEN']]);
  });
});
