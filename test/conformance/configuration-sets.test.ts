// Configuration sets through real clients (ses-facts §A.13, §A.3 config-set rows): @aws-sdk/client-sesv2
// (CRUD, option groups, paging, sends refused for unknown and paused sets), @aws-sdk/client-ses (the same
// sets through v1, its error codes and texts), boto3, and SMTP (nodemailer and swaks naming a set in
// X-SES-CONFIGURATION-SET).
import { describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import nodemailer from 'nodemailer';
import {
  CreateConfigurationSetCommand,
  DeleteConfigurationSetCommand,
  GetConfigurationSetCommand,
  ListConfigurationSetsCommand,
  PutConfigurationSetDeliveryOptionsCommand,
  PutConfigurationSetReputationOptionsCommand,
  PutConfigurationSetSendingOptionsCommand,
  PutConfigurationSetSuppressionOptionsCommand,
  PutConfigurationSetTrackingOptionsCommand,
  SendEmailCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import {
  CreateConfigurationSetCommand as V1Create,
  DeleteConfigurationSetCommand as V1Delete,
  DescribeConfigurationSetCommand,
  ListConfigurationSetsCommand as V1List,
  SendEmailCommand as V1SendEmail,
  SendRawEmailCommand,
  UpdateConfigurationSetReputationMetricsEnabledCommand,
  UpdateConfigurationSetSendingEnabledCommand,
  type SESClient,
} from '@aws-sdk/client-ses';
import { rejection } from '../helpers/rejection';
import { useSdkSesame } from '../helpers/sdk-sesame';
import type { TestSesame } from '../helpers/start-headless';

// The server runs in this process: child processes are awaited asynchronously, never *Sync.
const run = promisify(execFile);
const hasSwaks = spawnSync('swaks', ['--version']).status === 0;
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;

let sesame: TestSesame;
let v2: SESv2Client;
let v1: SESClient;
useSdkSesame((t) => ({ sesame, v2, v1 } = t));

const v2Send = (ConfigurationSetName: string) =>
  v2.send(
    new SendEmailCommand({
      FromEmailAddress: 'sender@example.com',
      Destination: { ToAddresses: ['to@example.com'] },
      Content: { Simple: { Subject: { Data: 'via a set' }, Body: { Text: { Data: 'x' } } } },
      ConfigurationSetName,
    }),
  );
const v1Send = (ConfigurationSetName: string) =>
  v1.send(
    new V1SendEmail({
      Source: 'sender@example.com',
      Destination: { ToAddresses: ['to@example.com'] },
      Message: { Subject: { Data: 'via a set' }, Body: { Text: { Data: 'x' } } },
      ConfigurationSetName,
    }),
  );

describe('configuration sets with @aws-sdk/client-sesv2', () => {
  it('CreateConfigurationSet stores the groups GetConfigurationSet echoes; defaults for the rest', async () => {
    await v2.send(
      new CreateConfigurationSetCommand({
        ConfigurationSetName: 'v2-full',
        TrackingOptions: { CustomRedirectDomain: 'track.example.com', HttpsPolicy: 'REQUIRE' },
        DeliveryOptions: { TlsPolicy: 'REQUIRE', MaxDeliverySeconds: 600 },
        ReputationOptions: { ReputationMetricsEnabled: true },
        SendingOptions: { SendingEnabled: true },
        Tags: [{ Key: 'team', Value: 'mail' }],
        SuppressionOptions: { SuppressedReasons: ['BOUNCE'] },
        VdmOptions: { DashboardOptions: { EngagementMetrics: 'ENABLED' } },
        ArchivingOptions: { ArchiveArn: 'arn:aws:ses:us-east-1:123456789012:mailmanager-archive/a-1' },
      }),
    );
    const { $metadata: _m, ...full } = await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v2-full' }));
    expect(full).toEqual({
      ConfigurationSetName: 'v2-full',
      TrackingOptions: { CustomRedirectDomain: 'track.example.com', HttpsPolicy: 'REQUIRE' },
      DeliveryOptions: { TlsPolicy: 'REQUIRE', MaxDeliverySeconds: 600 },
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      Tags: [{ Key: 'team', Value: 'mail' }],
      SuppressionOptions: { SuppressedReasons: ['BOUNCE'] },
      VdmOptions: { DashboardOptions: { EngagementMetrics: 'ENABLED' } },
      ArchivingOptions: { ArchiveArn: 'arn:aws:ses:us-east-1:123456789012:mailmanager-archive/a-1' },
    });
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'v2-plain' }));
    const { $metadata: _p, ...plain } = await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v2-plain' }));
    expect(plain).toEqual({
      ConfigurationSetName: 'v2-plain',
      DeliveryOptions: { TlsPolicy: 'OPTIONAL' },
      ReputationOptions: { ReputationMetricsEnabled: false },
      SendingOptions: { SendingEnabled: true },
      Tags: [],
    });
  });

  it('refuses a taken name (AlreadyExistsException), a bad name and bad enum values (BadRequestException)', async () => {
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'v2-taken' }));
    const dup = await rejection(v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'v2-taken' })));
    expect(dup).toMatchObject({ name: 'AlreadyExistsException', message: 'Configuration set v2-taken already exists.' });
    const bad = await rejection(v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'has.dot' })));
    expect(bad.name).toBe('BadRequestException');
    expect(bad.message).toContain('Invalid configuration set name <has.dot>');
    const badEnum = await rejection(
      v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'v2-enum', DeliveryOptions: { TlsPolicy: 'SOMETIMES' as 'REQUIRE' } })),
    );
    expect(badEnum.message).toBe(
      "1 validation error detected: Value 'SOMETIMES' at 'deliveryOptions.tlsPolicy' failed to satisfy constraint: Member must satisfy enum value set: [REQUIRE, OPTIONAL]",
    );
    expect(await rejection(v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v2-enum' })))).toMatchObject({ name: 'NotFoundException' });
  });

  it('ListConfigurationSets pages with PageSize and NextToken; DeleteConfigurationSet removes', async () => {
    for (const n of ['pg-1', 'pg-2', 'pg-3']) await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: n }));
    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await v2.send(new ListConfigurationSetsCommand({ PageSize: 2, NextToken }));
      expect(page.ConfigurationSets!.length).toBeLessThanOrEqual(2);
      names.push(...page.ConfigurationSets!);
      NextToken = page.NextToken;
    } while (NextToken);
    expect(names).toEqual(sesame.engine.configurationSets.list().map((s) => s.name));
    expect(names).toEqual(expect.arrayContaining(['pg-1', 'pg-2', 'pg-3']));
    await v2.send(new DeleteConfigurationSetCommand({ ConfigurationSetName: 'pg-2' }));
    const after = await v2.send(new ListConfigurationSetsCommand({}));
    expect(after.ConfigurationSets).not.toContain('pg-2');
    const gone = await rejection(v2.send(new DeleteConfigurationSetCommand({ ConfigurationSetName: 'pg-2' })));
    expect(gone).toMatchObject({ name: 'NotFoundException', message: 'Configuration set pg-2 does not exist.', $metadata: { httpStatusCode: 404 } });
  });

  it('SendEmail naming an unknown set is NotFoundException; a paused set is SendingPausedException until re-enabled', async () => {
    const missing = await rejection(v2Send('v2-missing'));
    expect(missing).toMatchObject({ name: 'NotFoundException', message: 'Configuration set v2-missing does not exist.', $metadata: { httpStatusCode: 404 } });
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'v2-paused', SendingOptions: { SendingEnabled: false } }));
    const paused = await rejection(v2Send('v2-paused'));
    expect(paused).toMatchObject({ name: 'SendingPausedException', message: 'Email sending is disabled for configuration set v2-paused.', $metadata: { httpStatusCode: 400 } });
    await v2.send(new PutConfigurationSetSendingOptionsCommand({ ConfigurationSetName: 'v2-paused', SendingEnabled: true }));
    const { MessageId } = await v2Send('v2-paused');
    expect((await sesame.engine.messages.get(MessageId!))!.configurationSet).toBe('v2-paused');
    await v2.send(new PutConfigurationSetSendingOptionsCommand({ ConfigurationSetName: 'v2-paused', SendingEnabled: false }));
    expect(await rejection(v2Send('v2-paused'))).toMatchObject({ name: 'SendingPausedException' });
  });

  it('PutConfigurationSetSuppressionOptions: a list (even empty) is the set’s own, absent goes back to the account', async () => {
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'v2-supp' }));
    const suppression = async () => (await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v2-supp' }))).SuppressionOptions;
    await v2.send(new PutConfigurationSetSuppressionOptionsCommand({ ConfigurationSetName: 'v2-supp', SuppressedReasons: [] }));
    expect(await suppression()).toEqual({ SuppressedReasons: [] });
    expect(sesame.engine.configurationSets.get('v2-supp')!.suppressedReasons).toEqual([]);
    await v2.send(new PutConfigurationSetSuppressionOptionsCommand({ ConfigurationSetName: 'v2-supp', SuppressedReasons: ['COMPLAINT'] }));
    expect(await suppression()).toEqual({ SuppressedReasons: ['COMPLAINT'] });
    await v2.send(new PutConfigurationSetSuppressionOptionsCommand({ ConfigurationSetName: 'v2-supp' }));
    expect(await suppression()).toBeUndefined();
    expect(sesame.engine.configurationSets.get('v2-supp')!.suppressedReasons).toBeNull();
    const missing = await rejection(v2.send(new PutConfigurationSetSuppressionOptionsCommand({ ConfigurationSetName: 'nope', SuppressedReasons: [] })));
    expect(missing.name).toBe('NotFoundException');
  });

  it('PutConfigurationSetDeliveryOptions, ReputationOptions and TrackingOptions change what Get reports', async () => {
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'v2-opts' }));
    await v2.send(new PutConfigurationSetDeliveryOptionsCommand({ ConfigurationSetName: 'v2-opts', TlsPolicy: 'REQUIRE', SendingPoolName: 'pool-a' }));
    await v2.send(new PutConfigurationSetReputationOptionsCommand({ ConfigurationSetName: 'v2-opts', ReputationMetricsEnabled: true }));
    await v2.send(new PutConfigurationSetTrackingOptionsCommand({ ConfigurationSetName: 'v2-opts', CustomRedirectDomain: 'click.example.com' }));
    const got = await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v2-opts' }));
    expect(got).toMatchObject({
      DeliveryOptions: { TlsPolicy: 'REQUIRE', SendingPoolName: 'pool-a' },
      ReputationOptions: { ReputationMetricsEnabled: true },
      TrackingOptions: { CustomRedirectDomain: 'click.example.com' },
    });
    const bad = await rejection(v2.send(new PutConfigurationSetDeliveryOptionsCommand({ ConfigurationSetName: 'v2-opts', MaxDeliverySeconds: 10 })));
    expect(bad.message).toBe(
      "1 validation error detected: Value '10' at 'maxDeliverySeconds' failed to satisfy constraint: Member must have value between 300 and 50400, inclusive",
    );
  });
});

describe('configuration sets with @aws-sdk/client-ses (v1)', () => {
  it('CreateConfigurationSet, DescribeConfigurationSet, ListConfigurationSets (MaxItems) and DeleteConfigurationSet share v2’s sets', async () => {
    await v1.send(new V1Create({ ConfigurationSet: { Name: 'v1-set' } }));
    expect(sesame.engine.configurationSets.get('v1-set')).toBeDefined();
    const described = await v1.send(
      new DescribeConfigurationSetCommand({ ConfigurationSetName: 'v1-set', ConfigurationSetAttributeNames: ['eventDestinations', 'deliveryOptions', 'reputationOptions'] }),
    );
    expect(described.ConfigurationSet).toEqual({ Name: 'v1-set' });
    expect(described.EventDestinations).toEqual([]);
    expect(described.DeliveryOptions).toEqual({ TlsPolicy: 'Optional' });
    expect(described.ReputationOptions).toEqual({ SendingEnabled: true, ReputationMetricsEnabled: false });
    await v1.send(new UpdateConfigurationSetReputationMetricsEnabledCommand({ ConfigurationSetName: 'v1-set', Enabled: true }));
    const bare = await v1.send(new DescribeConfigurationSetCommand({ ConfigurationSetName: 'v1-set', ConfigurationSetAttributeNames: ['reputationOptions'] }));
    expect(bare.ReputationOptions!.ReputationMetricsEnabled).toBe(true);
    expect(bare.DeliveryOptions).toBeUndefined();

    const names: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await v1.send(new V1List({ MaxItems: 2, NextToken }));
      names.push(...page.ConfigurationSets!.map((s) => s.Name!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(names).toEqual(sesame.engine.configurationSets.list().map((s) => s.name));

    const dup = await rejection(v1.send(new V1Create({ ConfigurationSet: { Name: 'v1-set' } })));
    expect(dup).toMatchObject({ name: 'ConfigurationSetAlreadyExistsException', message: 'Configuration set v1-set already exists.' });
    const invalid = await rejection(v1.send(new V1Create({ ConfigurationSet: { Name: 'bad name' } })));
    expect(invalid.name).toBe('InvalidConfigurationSetException');
    await v1.send(new V1Delete({ ConfigurationSetName: 'v1-set' }));
    const gone = await rejection(v1.send(new V1Delete({ ConfigurationSetName: 'v1-set' })));
    expect(gone).toMatchObject({ name: 'ConfigurationSetDoesNotExistException', message: 'Configuration set v1-set does not exist.', $metadata: { httpStatusCode: 400 } });
  });

  it('sends naming an unknown set fail ConfigurationSetDoesNotExist; UpdateConfigurationSetSendingEnabled pauses and resumes', async () => {
    const missing = await rejection(v1Send('v1-missing'));
    expect(missing).toMatchObject({ name: 'ConfigurationSetDoesNotExistException', message: 'Configuration set v1-missing does not exist.' });
    const raw = await rejection(
      v1.send(new SendRawEmailCommand({ RawMessage: { Data: Buffer.from('From: a@example.com\r\nTo: b@example.com\r\nX-SES-CONFIGURATION-SET: v1-missing\r\nSubject: s\r\n\r\nx\r\n') } })),
    );
    expect(raw.name).toBe('ConfigurationSetDoesNotExistException');

    await v1.send(new V1Create({ ConfigurationSet: { Name: 'v1-paused' } }));
    await v1.send(new UpdateConfigurationSetSendingEnabledCommand({ ConfigurationSetName: 'v1-paused', Enabled: false }));
    const paused = await rejection(v1Send('v1-paused'));
    expect(paused).toMatchObject({ name: 'ConfigurationSetSendingPausedException', message: 'Email sending is disabled for configuration set v1-paused.' });
    expect((await v2.send(new GetConfigurationSetCommand({ ConfigurationSetName: 'v1-paused' }))).SendingOptions).toEqual({ SendingEnabled: false });
    await v1.send(new UpdateConfigurationSetSendingEnabledCommand({ ConfigurationSetName: 'v1-paused', Enabled: true }));
    expect((await v1Send('v1-paused')).MessageId).toMatch(/-000000$/);
    const update = await rejection(v1.send(new UpdateConfigurationSetSendingEnabledCommand({ ConfigurationSetName: 'v1-missing', Enabled: true })));
    expect(update.name).toBe('ConfigurationSetDoesNotExistException');
  });
});

const BOTO3_SCRIPT = `
import json, sys, boto3, botocore
v1 = boto3.client('ses', endpoint_url=sys.argv[1])
v1.create_configuration_set(ConfigurationSet={'Name': 'boto-set'})
out = {'described': v1.describe_configuration_set(ConfigurationSetName='boto-set')['ConfigurationSet']}
try:
    v1.describe_configuration_set(ConfigurationSetName='boto-missing')
except botocore.exceptions.ClientError as e:
    out['error'] = [e.response['Error']['Code'], e.response['Error']['Message']]
print(json.dumps(out))
`;

describe.skipIf(!hasBoto3)('configuration sets with boto3' + (hasBoto3 ? '' : ' (skipped: python3 with boto3 is not installed)'), () => {
  it('create and describe; the v1 wire code is ConfigurationSetDoesNotExist', async () => {
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'AKIAPY', AWS_SECRET_ACCESS_KEY: 's', AWS_DEFAULT_REGION: 'us-east-1', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' };
    const out = JSON.parse((await run('python3', ['-c', BOTO3_SCRIPT, sesame.urls.aws], { env, encoding: 'utf8' })).stdout);
    expect(out.described).toEqual({ Name: 'boto-set' });
    expect(out.error).toEqual(['ConfigurationSetDoesNotExist', 'Configuration set boto-missing does not exist.']);
  });
});

describe('configuration sets over SMTP', () => {
  const transport = () =>
    nodemailer.createTransport({ host: '127.0.0.1', port: sesame.ports.smtp, requireTLS: true, tls: { rejectUnauthorized: false }, auth: { user: 'AKIASMTP', pass: 'x' } });

  it('nodemailer: X-SES-CONFIGURATION-SET naming a missing set is refused with 554; a paused one too; an existing one is honoured', async () => {
    const t = transport();
    const mail = (set: string) => ({ from: 'app@example.com', to: 'user@example.com', subject: 'smtp set', text: 'x', headers: { 'X-SES-CONFIGURATION-SET': set } });
    try {
      const missing = await rejection(t.sendMail(mail('missing')));
      expect(missing.responseCode).toBe(554);
      expect(missing.response).toBe('554 Transaction failed: Configuration set missing does not exist.');
      sesame.engine.configurationSets.create('smtp-paused', { sendingEnabled: false });
      const paused = await rejection(t.sendMail(mail('smtp-paused')));
      expect(paused.response).toBe('554 Message rejected: Email sending is disabled for configuration set smtp-paused.');
      sesame.engine.configurationSets.create('smtp-ok');
      const info = await t.sendMail(mail('smtp-ok'));
      const id = /^250 Ok (\S+)$/.exec(info.response)![1];
      expect((await sesame.engine.messages.get(id))!.configurationSet).toBe('smtp-ok');
    } finally {
      t.close();
    }
  });

  it.skipIf(!hasSwaks)('swaks: a missing set gets 554 after DATA' + (hasSwaks ? '' : ' (skipped: swaks is not installed)'), async () => {
    const out = await run(
      'swaks',
      [
        '--server', '127.0.0.1', '--port', String(sesame.ports.smtp), '--tls',
        '--auth', 'LOGIN', '--auth-user', 'AKIASWAKS', '--auth-password', 'pw',
        '--from', 'swaks@example.com', '--to', 'rcpt@example.com',
        '--header', 'X-SES-CONFIGURATION-SET: missing', '--header', 'Subject: swaks set', '--body', 'x',
      ],
      { encoding: 'utf8' },
    ).then(
      (r) => r.stdout,
      (e: { stdout: string }) => e.stdout,
    );
    expect(out).toMatch(/^<~?\* 554 Transaction failed: Configuration set missing does not exist\.$/m);
  });
});
