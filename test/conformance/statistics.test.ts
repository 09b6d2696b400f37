// Statistics through the real peers: a scripted mix of sends (ordinary mail, the mailbox simulator, a
// hard-bounce rule, a rule marked countsTowardReputation: false) across two 15-minute buckets of Sesame's
// time (time travel), then v1 GetSendStatistics (@aws-sdk/client-ses and boto3) and v2 BatchGetMetricData
// (@aws-sdk/client-sesv2 and the AWS CLI) answer exact values; bad queries are refused. The rule member
// round-trips through the automation API and the UI API.
import { GetSendStatisticsCommand } from '@aws-sdk/client-ses';
import { BatchGetMetricDataCommand, CreateEmailIdentityCommand, SendEmailCommand, type MetricDataResult } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../src-main/contract/ui-api';
import { awsPeerEnv, hasAwsCli, hasBoto3, runPeer } from '../helpers/python-peers';
import { sesClient, sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, TEST_UI_TOKEN, type TestSesame } from '../helpers/start-headless';

const Q = 15 * 60_000;
const DAY = 24 * 3600_000;
let sesame: TestSesame;
let b0 = 0;

async function automation(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sesame.urls.aws}${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  return { status: res.status, json: (res.status === 204 ? null : await res.json()) as Record<string, unknown> };
}

async function send(to: string[]) {
  await sesv2Client(sesame).send(
    new SendEmailCommand({
      FromEmailAddress: 'app@example.com',
      Destination: { ToAddresses: to },
      Content: { Simple: { Subject: { Data: 'stats' }, Body: { Text: { Data: 'x' } } } },
    }),
  );
}

beforeAll(async () => {
  sesame = await startTestSesame();
  // Start one minute into a fresh bucket so the mix below cannot straddle a boundary by accident.
  const now = sesame.engine.time.now();
  await automation('POST', '/_sesame/time/advance', { ms: Math.floor(now / Q) * Q + Q + 60_000 - now });
  b0 = Math.floor(sesame.engine.time.now() / Q) * Q;
  await sesv2Client(sesame).send(new CreateEmailIdentityCommand({ EmailIdentity: 'example.com' })); // auto-verified: the sends' identity
  await automation('POST', '/_sesame/scenario-rules', { match: { kind: 'domain', pattern: 'gone.test' }, action: { kind: 'hard-bounce' } });
  const quiet = await automation('POST', '/_sesame/scenario-rules', {
    match: { kind: 'domain', pattern: 'quiet.test' },
    action: { kind: 'hard-bounce' },
    countsTowardReputation: false,
  });
  expect(quiet.json.countsTowardReputation).toBe(false);
  // Bucket b0: 5 recipients (one at the simulator), 2 hard bounces (one the simulator's).
  await send(['a@gmail.com', 'b@corp.test']);
  await send(['solo@gmail.com']);
  await send(['bounce@simulator.amazonses.com']);
  await send(['x@gone.test']);
  // Bucket b0 + 15 min: 2 recipients, a simulator complaint, a hard bounce that does not count toward reputation.
  await automation('POST', '/_sesame/time/advance', { duration: '15m' });
  await send(['complaint@simulator.amazonses.com']);
  await send(['q@quiet.test']);
});
afterAll(async () => {
  await sesame?.cleanup();
});

const EXPECTED_POINTS = [
  { Timestamp: () => new Date(b0), DeliveryAttempts: 5, Bounces: 2, Complaints: 0, Rejects: 0 },
  { Timestamp: () => new Date(b0 + Q), DeliveryAttempts: 2, Bounces: 1, Complaints: 1, Rejects: 0 },
];
const expectedPoints = () => EXPECTED_POINTS.map((p) => ({ ...p, Timestamp: p.Timestamp() }));

describe('GetSendStatistics (v1)', () => {
  it('answers one point per 15-minute bucket with activity (@aws-sdk/client-ses)', async () => {
    const out = await sesClient(sesame).send(new GetSendStatisticsCommand({}));
    const points = [...(out.SendDataPoints ?? [])].sort((a, b) => a.Timestamp!.getTime() - b.Timestamp!.getTime());
    expect(points).toEqual(expectedPoints());
  });

  it.skipIf(!hasBoto3)('answers the same to boto3', async () => {
    const script = [
      'import boto3, json, sys',
      `c = boto3.client('ses', endpoint_url='${sesame.urls.aws}', region_name='us-east-1')`,
      "pts = sorted(c.get_send_statistics()['SendDataPoints'], key=lambda p: p['Timestamp'])",
      "print(json.dumps([{**p, 'Timestamp': int(p['Timestamp'].timestamp() * 1000)} for p in pts]))",
    ].join('\n');
    const { stdout } = await runPeer('python3', ['-c', script], { env: awsPeerEnv() });
    expect(JSON.parse(stdout)).toEqual(expectedPoints().map((p) => ({ ...p, Timestamp: p.Timestamp.getTime() })));
  });
});

describe('BatchGetMetricData (v2)', () => {
  const window = () => ({ StartDate: new Date(b0 - DAY), EndDate: new Date(b0 + 2 * Q) });
  const total = (values: number[] | undefined) => (values ?? []).reduce((a, b) => a + b, 0);

  it('answers daily VDM values without the mailbox simulator or mail to several recipients, by dimension (@aws-sdk/client-sesv2)', async () => {
    const out = await sesv2Client(sesame).send(
      new BatchGetMetricDataCommand({
        Queries: [
          { Id: 'send', Namespace: 'VDM', Metric: 'SEND', ...window() },
          { Id: 'hard', Namespace: 'VDM', Metric: 'PERMANENT_BOUNCE', ...window() },
          { Id: 'complaint', Namespace: 'VDM', Metric: 'COMPLAINT', ...window() },
          { Id: 'delivery', Namespace: 'VDM', Metric: 'DELIVERY', ...window() },
          { Id: 'gmail', Namespace: 'VDM', Metric: 'SEND', Dimensions: { ISP: 'Gmail' }, ...window() },
          { Id: 'identity', Namespace: 'VDM', Metric: 'SEND', Dimensions: { EMAIL_IDENTITY: 'example.com' }, ...window() },
          { Id: 'none', Namespace: 'VDM', Metric: 'SEND', Dimensions: { CONFIGURATION_SET: 'no-such-set' }, ...window() },
        ],
      }),
    );
    expect(out.Errors).toEqual([]);
    const byId: Record<string, MetricDataResult> = Object.fromEntries((out.Results ?? []).map((r) => [r.Id, r]));
    const firstDay = Math.floor((b0 - DAY) / DAY) * DAY;
    expect(byId.send.Timestamps?.[0]).toEqual(new Date(firstDay));
    expect(byId.send.Timestamps?.every((t: Date, k: number) => t.getTime() === firstDay + k * DAY)).toBe(true);
    expect(byId.send.Values?.length).toBe(byId.send.Timestamps?.length);
    const totals = Object.fromEntries(Object.entries(byId).map(([id, r]) => [id, total(r.Values)]));
    // VDM counts single-recipient mail only: solo@gmail.com, x@gone.test, q@quiet.test (not a@ + b@, not the simulator).
    expect(totals).toEqual({ send: 3, hard: 2, complaint: 0, delivery: 1, gmail: 1, identity: 3, none: 0 });
  });

  it.skipIf(!hasAwsCli)('answers the AWS CLI', async () => {
    const q = { Id: 'send', Namespace: 'VDM', Metric: 'SEND', StartDate: (b0 - DAY) / 1000, EndDate: (b0 + 2 * Q) / 1000 };
    const { stdout } = await runPeer('aws', ['sesv2', 'batch-get-metric-data', '--endpoint-url', sesame.urls.aws, '--queries', JSON.stringify([q]), '--output', 'json'], {
      env: awsPeerEnv(),
    });
    const out = JSON.parse(stdout) as { Results: { Id: string; Values: number[] }[] };
    expect(out.Results.map((r) => [r.Id, total(r.Values)])).toEqual([['send', 3]]);
  });

  it('refuses what SES refuses: a namespace, metric or dimension outside the model, an empty range, too many queries', async () => {
    const client = sesv2Client(sesame);
    const refuse = async (queries: object[]) => {
      const err = (await client.send(new BatchGetMetricDataCommand({ Queries: queries as never })).catch((e: unknown) => e)) as { name: string; message: string };
      expect(err.name).toBe('BadRequestException');
      return err.message;
    };
    const ok = { Id: 'a', Namespace: 'VDM', Metric: 'SEND', ...window() };
    expect(await refuse([{ ...ok, Namespace: 'CloudWatch' }])).toMatch(/Value 'CloudWatch' at 'queries.1.member.namespace' failed to satisfy constraint/);
    expect(await refuse([ok, { ...ok, Id: 'b', Metric: 'REPUTATION_SENT' }])).toMatch(/'queries.2.member.metric'/);
    expect(await refuse([{ ...ok, Dimensions: { REGION: 'x' } }])).toMatch(/EMAIL_IDENTITY, CONFIGURATION_SET, ISP/);
    expect(await refuse([{ ...ok, EndDate: ok.StartDate }])).toBe('StartDate must be before EndDate.');
    expect(await refuse(Array.from({ length: 11 }, (_, i) => ({ ...ok, Id: `q${i}` })))).toMatch(/length between 1 and 10/);
  });
});

describe('countsTowardReputation', () => {
  it('leaves the quiet rule out of the reputation counters', () => {
    const [counts] = sesame.engine.metrics.breakdown({ from: b0, to: b0 + 2 * Q, by: 'configurationSet', metrics: ['SEND', 'REPUTATION_SENT', 'REPUTATION_HARD_BOUNCE'] });
    // 7 recipients; 2 at the simulator, 1 decided by the quiet rule; gone.test's bounce counts.
    expect(counts.counts).toEqual({ SEND: 7, REPUTATION_SENT: 4, REPUTATION_HARD_BOUNCE: 1 });
  });

  it('round-trips through the UI API and is checked there', async () => {
    const ui = (method: string, path: string, body?: unknown) =>
      fetch(`http://127.0.0.1:${sesame.ports.ui}${path}`, {
        method,
        headers: { [TOKEN_HEADER]: TEST_UI_TOKEN, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const created = await ui('POST', '/api/scenario-rules', { name: 'ui', enabled: true, match: { kind: 'domain', pattern: 'ui.test' }, action: { kind: 'hard-bounce' } });
    const rule = (await created.json()) as { id: string; countsTowardReputation: boolean };
    expect(rule.countsTowardReputation).toBe(true);
    const off = await ui('PUT', `/api/scenario-rules/${rule.id}`, { countsTowardReputation: false });
    expect(((await off.json()) as { countsTowardReputation: boolean }).countsTowardReputation).toBe(false);
    const bad = await automation('PUT', `/_sesame/scenario-rules/${rule.id}`, { countsTowardReputation: 'no' });
    expect(bad.status).toBe(400);
    expect(bad.json.message).toMatch(/countsTowardReputation must be true or false/);
  });
});
