// Dedicated IPs end to end with @aws-sdk/client-sesv2 (and the AWS CLI for GetDedicatedIps): pool CRUD and
// its errors, IPs leased through the automation API, PutDedicatedIpInPool / warm-up / scaling, GetAccount's
// DedicatedIpAutoWarmupEnabled, and the outgoing IP that SES's Delivery event carries (`ses:outgoing-ip`)
// as posted to a real local HTTP EventBridge sink: the pool's dedicated IP, then — past the warm-up
// allowance — the shared pool's, and the dedicated IP again a day later (time travel).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateConfigurationSetCommand,
  CreateConfigurationSetEventDestinationCommand,
  CreateDedicatedIpPoolCommand,
  DeleteDedicatedIpPoolCommand,
  GetAccountCommand,
  GetDedicatedIpCommand,
  GetDedicatedIpPoolCommand,
  GetDedicatedIpsCommand,
  ListDedicatedIpPoolsCommand,
  PutAccountDedicatedIpWarmupAttributesCommand,
  PutDedicatedIpInPoolCommand,
  PutDedicatedIpPoolScalingAttributesCommand,
  PutDedicatedIpWarmupAttributesCommand,
  SendEmailCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { awsPeerEnv, hasAwsCli, runPeer } from '../helpers/python-peers';
import { rejection } from '../helpers/rejection';
import { callJson, useSdkSesame } from '../helpers/sdk-sesame';
import type { TestSesame } from '../helpers/start-headless';

let sesame: TestSesame;
let v2: SESv2Client;
useSdkSesame((t) => ({ sesame, v2 } = t));
const call = (method: string, path: string, body?: unknown) => callJson(sesame, method, path, body);

const posted: Record<string, unknown>[] = [];
let waiter: (() => void) | null = null;
const sink: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    posted.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
    res.writeHead(200).end('ok');
    waiter?.();
  });
});

interface DeliveryDetail {
  eventType: string;
  mail: { messageId: string; tags: Record<string, string[]> };
}
/** The outgoing IP of the Delivery event posted for `messageId` (event driven, no polling). */
async function outgoingIp(messageId: string): Promise<string> {
  for (;;) {
    const hit = posted.map((e) => e.detail as DeliveryDetail).find((d) => d?.eventType === 'Delivery' && d.mail.messageId === messageId);
    if (hit) return hit.mail.tags['ses:outgoing-ip'][0];
    await new Promise<void>((resolve) => (waiter = resolve));
  }
}

const send = async (n: number) => {
  const to = Array.from({ length: n }, (_, i) => `r${i}@example.com`);
  const { MessageId } = await v2.send(
    new SendEmailCommand({
      FromEmailAddress: 'sender@example.com',
      Destination: { ToAddresses: to },
      ConfigurationSetName: 'pooled',
      Content: { Simple: { Subject: { Data: 'ip' }, Body: { Text: { Data: 'x' } } } },
    }),
  );
  return outgoingIp(MessageId!);
};

beforeAll(async () => {
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/eb`;
  expect((await call('PUT', '/_sesame/event-sinks', { eventBridge: { url } })).status).toBe(200);
});
afterAll(async () => {
  await new Promise((resolve) => sink.close(resolve));
});

describe('dedicated IP pools and IPs with @aws-sdk/client-sesv2', () => {
  it('creates, lists, reads and deletes pools, with NotFound and AlreadyExists', async () => {
    await v2.send(new CreateDedicatedIpPoolCommand({ PoolName: 'marketing' }));
    await v2.send(new CreateDedicatedIpPoolCommand({ PoolName: 'auto', ScalingMode: 'MANAGED' }));
    const dup = await rejection(v2.send(new CreateDedicatedIpPoolCommand({ PoolName: 'marketing' })));
    expect([dup.name, dup.message, dup.$metadata.httpStatusCode]).toEqual(['AlreadyExistsException', 'Pool marketing already exists.', 400]);
    expect((await v2.send(new ListDedicatedIpPoolsCommand({}))).DedicatedIpPools).toEqual(['auto', 'marketing']);
    expect((await v2.send(new GetDedicatedIpPoolCommand({ PoolName: 'auto' }))).DedicatedIpPool).toEqual({ PoolName: 'auto', ScalingMode: 'MANAGED' });
    const missing = await rejection(v2.send(new GetDedicatedIpPoolCommand({ PoolName: 'nope' })));
    expect([missing.name, missing.message, missing.$metadata.httpStatusCode]).toEqual(['NotFoundException', 'Pool nope does not exist.', 404]);
    const bogus = await rejection(v2.send(new CreateDedicatedIpPoolCommand({ PoolName: 'odd', ScalingMode: 'BOGUS' as never })));
    expect([bogus.name, bogus.message]).toEqual([
      'BadRequestException',
      "1 validation error detected: Value 'BOGUS' at 'scalingMode' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, MANAGED]",
    ]);
    // SES's own pools cannot be described (Cloud Custodian skips them for that reason).
    expect((await rejection(v2.send(new GetDedicatedIpPoolCommand({ PoolName: 'ses-default-dedicated-pool' })))).name).toBe('BadRequestException');
    const back = await rejection(v2.send(new PutDedicatedIpPoolScalingAttributesCommand({ PoolName: 'auto', ScalingMode: 'STANDARD' })));
    expect(back.name).toBe('BadRequestException');
    // SES assigned the managed pool an IP; its warm-up is SES's business.
    const managed = (await v2.send(new GetDedicatedIpsCommand({ PoolName: 'auto' }))).DedicatedIps!;
    expect(managed).toEqual([{ Ip: '203.0.113.1', PoolName: 'auto', WarmupStatus: 'NOT_APPLICABLE', WarmupPercentage: 100 }]);
    await v2.send(new DeleteDedicatedIpPoolCommand({ PoolName: 'auto' }));
    expect((await rejection(v2.send(new DeleteDedicatedIpPoolCommand({ PoolName: 'auto' })))).name).toBe('NotFoundException');
  });

  it('leases IPs through the automation API, moves one into a pool and sets its warm-up', async () => {
    const leased = await call('POST', '/_sesame/dedicated-ips', { count: 2 });
    expect(leased.status).toBe(200);
    expect((leased.json.ips as { ip: string }[]).map((i) => i.ip)).toEqual(['198.51.100.1', '198.51.100.2']);
    await v2.send(new PutDedicatedIpInPoolCommand({ Ip: '198.51.100.2', DestinationPoolName: 'marketing' }));
    expect((await v2.send(new GetDedicatedIpCommand({ Ip: '198.51.100.2' }))).DedicatedIp).toEqual({
      Ip: '198.51.100.2',
      PoolName: 'marketing',
      WarmupStatus: 'IN_PROGRESS',
      WarmupPercentage: 0,
    });
    await v2.send(new PutDedicatedIpWarmupAttributesCommand({ Ip: '198.51.100.1', WarmupPercentage: 100 }));
    expect((await v2.send(new GetDedicatedIpCommand({ Ip: '198.51.100.1' }))).DedicatedIp).toMatchObject({ WarmupStatus: 'DONE', WarmupPercentage: 100 });
    const none = await rejection(v2.send(new GetDedicatedIpCommand({ Ip: '192.0.2.9' })));
    expect([none.name, none.message]).toEqual(['NotFoundException', 'IP 192.0.2.9 does not exist.']);
    expect((await rejection(v2.send(new PutDedicatedIpInPoolCommand({ Ip: '198.51.100.1', DestinationPoolName: 'ghost' })))).name).toBe('NotFoundException');
    expect((await rejection(v2.send(new GetDedicatedIpsCommand({ PoolName: 'ghost' })))).name).toBe('NotFoundException');
  });

  it('sends from the pool, spills past the warm-up allowance to the shared pool, and recovers the next day', async () => {
    await v2.send(new PutAccountDedicatedIpWarmupAttributesCommand({ AutoWarmupEnabled: true }));
    expect((await v2.send(new GetAccountCommand({}))).DedicatedIpAutoWarmupEnabled).toBe(true);
    await v2.send(new CreateConfigurationSetCommand({ ConfigurationSetName: 'pooled', DeliveryOptions: { SendingPoolName: 'marketing' } }));
    await v2.send(
      new CreateConfigurationSetEventDestinationCommand({
        ConfigurationSetName: 'pooled',
        EventDestinationName: 'eb',
        EventDestination: {
          Enabled: true,
          MatchingEventTypes: ['DELIVERY'],
          EventBridgeDestination: { EventBusArn: `arn:aws:events:${sesame.config.region}:${sesame.config.accountId}:event-bus/default` },
        },
      }),
    );
    expect(await send(50)).toBe('198.51.100.2'); // the first day's allowance (limits.ts DEDICATED_IP_WARMUP_FIRST_DAY)
    expect(await send(1)).toBe('54.240.9.183'); // above it: the shared pool
    const ip = (await v2.send(new GetDedicatedIpCommand({ Ip: '198.51.100.2' }))).DedicatedIp!;
    expect([ip.WarmupStatus, ip.WarmupPercentage]).toEqual(['IN_PROGRESS', 2]);
    expect((await call('POST', '/_sesame/time/advance', { ms: 24 * 3600_000 })).status).toBe(200);
    expect(await send(1)).toBe('198.51.100.2');
  });
});

describe.skipIf(!hasAwsCli)('AWS CLI' + (hasAwsCli ? '' : ' (skipped: the aws command is not installed)'), () => {
  it('aws sesv2 get-dedicated-ips lists the leased IPs with their pools', async () => {
    const { stdout } = await runPeer('aws', ['sesv2', 'get-dedicated-ips', '--endpoint-url', sesame.urls.aws, '--output', 'json'], {
      env: awsPeerEnv('AKIACLI'),
      encoding: 'utf8',
    });
    const ips = (JSON.parse(stdout) as { DedicatedIps: { Ip: string; PoolName: string }[] }).DedicatedIps;
    expect(ips.map((i) => [i.Ip, i.PoolName])).toEqual([
      ['198.51.100.1', 'ses-default-dedicated-pool'],
      ['198.51.100.2', 'marketing'],
    ]);
  });
});
