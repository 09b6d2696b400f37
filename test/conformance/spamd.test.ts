// The spam score against a REAL SpamAssassin spamd started for this file on a free port (network tests
// off: -L). A GTUBE message scores as spam with rule GTUBE; an ordinary message does not; the route
// answers over the UI API and caches; an unreachable spamd is "not available". Skips visibly when spamd
// is not installed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { createSpamcChecker } from '../../src-main/adapters/spamd/spamc-client';
import type { SpamReport } from '../../src-main/contract/spam';
import { TOKEN_HEADER } from '../../src-main/contract/ui-api';
import { sesv2Client } from '../helpers/sdk-clients';
import { startTestSesame, TEST_UI_TOKEN, type TestSesame } from '../helpers/start-headless';

const SPAMD = ['/usr/sbin/spamd', '/usr/bin/spamd', '/usr/local/bin/spamd', '/opt/homebrew/bin/spamd'].find((p) => existsSync(p));
const GTUBE = 'XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X';

function mail(body: string): Buffer {
  return Buffer.from(
    [
      'From: Alice <alice@example.com>',
      'To: Bob <bob@example.com>',
      'Subject: Lunch on Thursday',
      'Date: Sun, 22 Nov 2026 12:00:00 +0000',
      'Message-ID: <lunch-1@example.com>',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      '',
    ].join('\r\n'),
  );
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string, ms = 45_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`spamd exited (${child.exitCode}):\n${log()}`);
    const ok = await new Promise<boolean>((r) => {
      const c = connect(port, '127.0.0.1');
      c.on('connect', () => (c.destroy(), r(true)));
      c.on('error', () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`spamd did not listen on ${port} within ${ms} ms:\n${log()}`);
}

describe.skipIf(!SPAMD)(`real spamd (${SPAMD ?? 'not installed: apt-get install spamassassin'})`, () => {
  let child: ChildProcess;
  let port: number;
  let dir: string;
  let output = '';
  let sesame: TestSesame | undefined;

  beforeAll(async () => {
    port = await freePort();
    dir = mkdtempSync(join(tmpdir(), 'sesame-spamd-'));
    const args = [`--listen=127.0.0.1:${port}`, '--allowed-ips=127.0.0.1', '--syslog=stderr', '--max-children=1', '-L', `--pidfile=${join(dir, 'spamd.pid')}`];
    if (process.getuid?.() === 0) args.push('-u', 'nobody');
    child = spawn(SPAMD!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    await waitForPort(port, child, () => output);
  });

  afterAll(async () => {
    await sesame?.cleanup();
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('scores a GTUBE message as spam with rule GTUBE', async () => {
    const v = await createSpamcChecker({ host: '127.0.0.1', port }).check(mail(`Hello\r\n\r\n${GTUBE}\r\n`));
    expect(v.available).toBe(true);
    if (!v.available) return;
    expect(v.isSpam).toBe(true);
    expect(v.score).toBeGreaterThanOrEqual(1000);
    expect(v.threshold).toBe(5);
    const gtube = v.rules.find((r) => r.name === 'GTUBE');
    expect(gtube).toMatchObject({ score: 1000, description: expect.stringMatching(/Generic Test for Unsolicited Bulk Email/) });
  });

  it('does not score an ordinary message as spam', async () => {
    const v = await createSpamcChecker({ host: '127.0.0.1', port }).check(mail('Hi Bob,\r\n\r\nShall we have lunch on Thursday at noon?\r\n\r\nAlice'));
    expect(v).toMatchObject({ available: true, isSpam: false });
    if (v.available) {
      expect(v.score).toBeLessThan(5);
      expect(v.rules.some((r) => r.name === 'GTUBE')).toBe(false);
    }
  });

  it('GET /api/messages/:id/spam: a message sent through SES v2 is scored by spamd, then answered from the cache', async () => {
    sesame = await startTestSesame({ inspect: { spamd: `127.0.0.1:${port}` } });
    const v2 = sesv2Client(sesame);
    const sent = await v2.send(
      new SendEmailCommand({
        FromEmailAddress: 'alice@example.com',
        Destination: { ToAddresses: ['bob@example.com'] },
        Content: { Simple: { Subject: { Data: 'Test' }, Body: { Text: { Data: `Hello\n\n${GTUBE}\n` } } } },
      }),
    );
    const get = async (query = ''): Promise<SpamReport> => {
      const res = await fetch(`http://127.0.0.1:${sesame!.ports.ui}/api/messages/${sent.MessageId}/spam${query}`, { headers: { [TOKEN_HEADER]: TEST_UI_TOKEN } });
      expect(res.status).toBe(200);
      return (await res.json()) as SpamReport;
    };
    const first = await get();
    expect(first).toMatchObject({ available: true, isSpam: true, server: `127.0.0.1:${port}` });
    if (first.available) expect(first.rules.map((r) => r.name)).toContain('GTUBE');
    // Cached: spamd stopped answering would not matter; the same object (same checkedAt) comes back.
    const second = await get();
    expect(second).toEqual(first);
    const refreshed = await get('?refresh=1');
    expect(refreshed).toMatchObject({ available: true, isSpam: true });
    const missing = await fetch(`http://127.0.0.1:${sesame.ports.ui}/api/messages/nope/spam`, { headers: { [TOKEN_HEADER]: TEST_UI_TOKEN } });
    expect(missing.status).toBe(404);
  });
});

describe('spamd not reachable', () => {
  it('the route answers "not available" with how to install/enable spamd', async () => {
    const s = await startTestSesame({ inspect: { spamd: `127.0.0.1:${await freePort()}` } });
    try {
      const sent = await sesv2Client(s).send(
        new SendEmailCommand({
          FromEmailAddress: 'alice@example.com',
          Destination: { ToAddresses: ['bob@example.com'] },
          Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hi' } } } },
        }),
      );
      const res = await fetch(`http://127.0.0.1:${s.ports.ui}/api/messages/${sent.MessageId}/spam`, { headers: { [TOKEN_HEADER]: TEST_UI_TOKEN } });
      expect(await res.json()).toMatchObject({ available: false, reason: expect.stringMatching(/Cannot reach spamd/), hint: expect.stringMatching(/spamassassin/) });
      const off = await startTestSesame({ inspect: { spamd: null } });
      try {
        const id = (await sesv2Client(off).send(
          new SendEmailCommand({ FromEmailAddress: 'a@example.com', Destination: { ToAddresses: ['b@example.com'] }, Content: { Simple: { Subject: { Data: 'x' }, Body: { Text: { Data: 'x' } } } } }),
        )).MessageId!;
        expect(await off.engine.inspect.spam(id)).toMatchObject({ available: false, reason: expect.stringMatching(/off/) });
      } finally {
        await off.cleanup();
      }
    } finally {
      await s.cleanup();
    }
  });
});
