// The account-level suppression list through real clients (ses-facts §A.12): @aws-sdk/client-sesv2 for the
// whole v2 surface (CRUD, filters, paging, errors, account attributes) and the AWS CLI / boto3 as a user
// would type it.
import { awsPeerEnv } from '../helpers/python-peers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import {
  DeleteSuppressedDestinationCommand,
  GetAccountCommand,
  GetSuppressedDestinationCommand,
  ListSuppressedDestinationsCommand,
  PutAccountSuppressionAttributesCommand,
  PutSuppressedDestinationCommand,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import { rejection } from '../helpers/rejection';
import { sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, type TestSesame } from '../helpers/start-headless';

// The server runs in this process: child processes are awaited asynchronously, never *Sync.
const run = promisify(execFile);
const hasCli = spawnSync('aws', ['--version']).status === 0;
const hasBoto3 = spawnSync('python3', ['-c', 'import boto3']).status === 0;

let sesame: TestSesame;
let v2: SESv2Client;
beforeAll(async () => {
  sesame = await startTestSesame();
  v2 = sesv2Client(sesame);
});
afterAll(async () => {
  v2?.destroy();
  await sesame?.cleanup();
});

const put = (EmailAddress: string, Reason: 'BOUNCE' | 'COMPLAINT') => v2.send(new PutSuppressedDestinationCommand({ EmailAddress, Reason }));
const second = 1000;

describe('suppression list with @aws-sdk/client-sesv2', () => {
  it('PutSuppressedDestination, GetSuppressedDestination, re-put, DeleteSuppressedDestination', async () => {
    sesame.engine.reset();
    const start = sesame.engine.time.now();
    expect((await put('Listed@Example.com', 'BOUNCE')).$metadata.httpStatusCode).toBe(200);
    const got = (await v2.send(new GetSuppressedDestinationCommand({ EmailAddress: 'listed@example.com' }))).SuppressedDestination!;
    expect(got).toMatchObject({ EmailAddress: 'Listed@Example.com', Reason: 'BOUNCE', Attributes: {} });
    expect(got.LastUpdateTime).toBeInstanceOf(Date);
    expect(Math.abs(got.LastUpdateTime!.getTime() - start)).toBeLessThan(5 * second);

    sesame.engine.time.advance(3600 * second);
    await put('listed@example.com', 'COMPLAINT');
    const again = (await v2.send(new GetSuppressedDestinationCommand({ EmailAddress: 'LISTED@example.com' }))).SuppressedDestination!;
    expect(again.Reason).toBe('COMPLAINT');
    expect(again.LastUpdateTime!.getTime() - got.LastUpdateTime!.getTime()).toBeGreaterThanOrEqual(3600 * second);

    await v2.send(new DeleteSuppressedDestinationCommand({ EmailAddress: 'listed@example.com' }));
    for (const cmd of [
      new GetSuppressedDestinationCommand({ EmailAddress: 'listed@example.com' }),
      new DeleteSuppressedDestinationCommand({ EmailAddress: 'listed@example.com' }),
    ]) {
      const err = await rejection(v2.send(cmd as GetSuppressedDestinationCommand));
      expect(err.name).toBe('NotFoundException');
      expect(err.$metadata.httpStatusCode).toBe(404);
      expect(err.message).toBe('Email address listed@example.com does not exist on your suppression list.');
    }
  });

  it('reports the message and feedback that listed an address (Attributes)', async () => {
    sesame.engine.reset();
    sesame.engine.suppression.recordFeedback('hard@example.com', 'BOUNCE', { messageId: 'msg-1', feedbackId: 'fb-1' }, ['BOUNCE']);
    const got = await v2.send(new GetSuppressedDestinationCommand({ EmailAddress: 'hard@example.com' }));
    expect(got.SuppressedDestination!.Attributes).toEqual({ MessageId: 'msg-1', FeedbackId: 'fb-1' });
  });

  it('refuses a reason outside BOUNCE | COMPLAINT and an address that is not one', async () => {
    const bad = await rejection(v2.send(new PutSuppressedDestinationCommand({ EmailAddress: 'a@example.com', Reason: 'SPAM' as 'BOUNCE' })));
    expect(bad.name).toBe('BadRequestException');
    expect(bad.message).toBe("1 validation error detected: Value at 'reason' failed to satisfy constraint: Member must satisfy enum value set: [BOUNCE, COMPLAINT]");
    const addr = await rejection(put('not-an-address', 'BOUNCE'));
    expect(addr.name).toBe('BadRequestException');
    expect(addr.message).toBe('Invalid email address not-an-address.');
  });

  it('ListSuppressedDestinations: newest first, Reason filter, StartDate/EndDate, PageSize and NextToken', async () => {
    sesame.engine.reset();
    const t0 = sesame.engine.time.now();
    for (let i = 0; i < 5; i++) {
      await put(`l${i}@example.com`, i % 2 ? 'COMPLAINT' : 'BOUNCE');
      sesame.engine.time.advance(60 * second);
    }
    const all = await v2.send(new ListSuppressedDestinationsCommand({}));
    expect(all.SuppressedDestinationSummaries!.map((s) => s.EmailAddress)).toEqual(['l4@example.com', 'l3@example.com', 'l2@example.com', 'l1@example.com', 'l0@example.com']);
    expect(all.SuppressedDestinationSummaries![0]).toEqual({ EmailAddress: 'l4@example.com', Reason: 'BOUNCE', LastUpdateTime: expect.any(Date) });
    expect(all.NextToken).toBeUndefined();

    const complaints = await v2.send(new ListSuppressedDestinationsCommand({ Reasons: ['COMPLAINT'] }));
    expect(complaints.SuppressedDestinationSummaries!.map((s) => s.EmailAddress)).toEqual(['l3@example.com', 'l1@example.com']);

    const window = await v2.send(new ListSuppressedDestinationsCommand({ StartDate: new Date(t0 + 30 * second), EndDate: new Date(t0 + 150 * second) }));
    expect(window.SuppressedDestinationSummaries!.map((s) => s.EmailAddress)).toEqual(['l2@example.com', 'l1@example.com']);

    const seen: string[] = [];
    let NextToken: string | undefined;
    do {
      const page = await v2.send(new ListSuppressedDestinationsCommand({ Reasons: ['BOUNCE', 'COMPLAINT'], PageSize: 2, NextToken }));
      expect(page.SuppressedDestinationSummaries!.length).toBeLessThanOrEqual(2);
      seen.push(...page.SuppressedDestinationSummaries!.map((s) => s.EmailAddress!));
      NextToken = page.NextToken;
    } while (NextToken);
    expect(seen).toEqual(all.SuppressedDestinationSummaries!.map((s) => s.EmailAddress));

    const first = await v2.send(new ListSuppressedDestinationsCommand({ PageSize: 1 }));
    const replayed = await rejection(v2.send(new ListSuppressedDestinationsCommand({ PageSize: 1, Reasons: ['BOUNCE'], NextToken: first.NextToken })));
    expect(replayed.name).toBe('InvalidNextTokenException');
    expect(replayed.$metadata.httpStatusCode).toBe(400);
    const badReason = await rejection(v2.send(new ListSuppressedDestinationsCommand({ Reasons: ['NOPE' as 'BOUNCE'] })));
    expect(badReason.name).toBe('BadRequestException');
  });

  it('PutAccountSuppressionAttributes changes what GetAccount reports', async () => {
    sesame.engine.reset();
    await v2.send(new PutAccountSuppressionAttributesCommand({ SuppressedReasons: ['COMPLAINT'] }));
    expect((await v2.send(new GetAccountCommand({}))).SuppressionAttributes).toEqual({ SuppressedReasons: ['COMPLAINT'] });
    await v2.send(new PutAccountSuppressionAttributesCommand({ SuppressedReasons: [] }));
    expect((await v2.send(new GetAccountCommand({}))).SuppressionAttributes).toEqual({ SuppressedReasons: [] });
    expect(sesame.engine.account.get().suppressedReasons).toEqual([]);
    const err = await rejection(v2.send(new PutAccountSuppressionAttributesCommand({ SuppressedReasons: ['BOUNCE', 'OTHER' as 'BOUNCE'] })));
    expect(err.message).toBe(
      "1 validation error detected: Value at 'suppressedReasons' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [BOUNCE, COMPLAINT]]",
    );
  });
});

const awsEnv = () => awsPeerEnv('AKIACLI');

describe.skipIf(!hasCli)('suppression list with the AWS CLI' + (hasCli ? '' : ' (skipped: the aws command is not installed)'), () => {
  const aws = async (...args: string[]) => {
    const { stdout } = await run('aws', [...args, '--endpoint-url', sesame.urls.aws, '--output', 'json'], { env: awsEnv(), encoding: 'utf8' });
    return stdout.trim() ? JSON.parse(stdout) : {};
  };

  it('aws sesv2 put-suppressed-destination, list-suppressed-destinations, get and delete', async () => {
    sesame.engine.reset();
    await aws('sesv2', 'put-suppressed-destination', '--email-address', 'cli-bounce@example.com', '--reason', 'BOUNCE');
    sesame.engine.time.advance(second);
    await aws('sesv2', 'put-suppressed-destination', '--email-address', 'cli-complaint@example.com', '--reason', 'COMPLAINT');
    const listed = await aws('sesv2', 'list-suppressed-destinations');
    expect(listed.SuppressedDestinationSummaries.map((s: { EmailAddress: string }) => s.EmailAddress)).toEqual(['cli-complaint@example.com', 'cli-bounce@example.com']);
    const bounces = await aws('sesv2', 'list-suppressed-destinations', '--reasons', 'BOUNCE');
    expect(bounces.SuppressedDestinationSummaries).toEqual([{ EmailAddress: 'cli-bounce@example.com', Reason: 'BOUNCE', LastUpdateTime: expect.anything() }]);
    const got = await aws('sesv2', 'get-suppressed-destination', '--email-address', 'cli-bounce@example.com');
    expect(got.SuppressedDestination.Reason).toBe('BOUNCE');
    await aws('sesv2', 'delete-suppressed-destination', '--email-address', 'cli-bounce@example.com');
    expect(sesame.engine.suppression.get('cli-bounce@example.com')).toBeUndefined();
    const failed = await run('aws', ['sesv2', 'get-suppressed-destination', '--email-address', 'cli-bounce@example.com', '--endpoint-url', sesame.urls.aws], {
      env: awsEnv(),
      encoding: 'utf8',
    }).then(
      () => null,
      (e: { stderr: string }) => e.stderr,
    );
    expect(failed).toContain('NotFoundException');
    expect(failed).toContain('Email address cli-bounce@example.com does not exist on your suppression list.');
  });
});

const BOTO3_SCRIPT = `
import json, sys, boto3
v2 = boto3.client('sesv2', endpoint_url=sys.argv[1])
v2.put_suppressed_destination(EmailAddress='py@example.com', Reason='COMPLAINT')
got = v2.get_suppressed_destination(EmailAddress='py@example.com')['SuppressedDestination']
v2.put_account_suppression_attributes(SuppressedReasons=['BOUNCE'])
print(json.dumps({'reason': got['Reason'], 'when': got['LastUpdateTime'].isoformat(), 'account': v2.get_account()['SuppressionAttributes']}))
`;

describe.skipIf(!hasBoto3)('suppression list with boto3' + (hasBoto3 ? '' : ' (skipped: python3 with boto3 is not installed)'), () => {
  it('put, get (timestamps parse) and account attributes', async () => {
    sesame.engine.reset();
    const { stdout } = await run('python3', ['-c', BOTO3_SCRIPT, sesame.urls.aws], { env: awsEnv(), encoding: 'utf8' });
    const out = JSON.parse(stdout);
    expect(out.reason).toBe('COMPLAINT');
    expect(Math.abs(Date.parse(out.when) - sesame.engine.time.now())).toBeLessThan(60 * second);
    expect(out.account).toEqual({ SuppressedReasons: ['BOUNCE'] });
  });
});
