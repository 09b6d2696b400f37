// A message acknowledged (HTTP 200 / SMTP 250) survives kill -9 of the process: the real CLI, freshly built
// from the current sources, is started, sent to, killed with SIGKILL, restarted on the same data dir, and
// asked for the messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import nodemailer from 'nodemailer';

const dataDir = mkdtempSync(join(tmpdir(), 'sesame-durability-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `bin/sesame.mjs serve` on ephemeral ports and resolves with its ready line. */
function serve(): Promise<{ child: ChildProcess; ready: { aws: string; smtpPort: number } }> {
  const child = spawn(process.execPath, ['bin/sesame.mjs', 'serve', '--data-dir', dataDir, '--aws-port', '0', '--smtp-port', '0', '--smtp-tls-port', '0', '--ui-port', '0', '--auto-verify', '--production', '--max-24-hour-send=-1', '--max-send-rate', '1000000', '--ready-json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) {
        const r = JSON.parse(line).ready;
        resolve({ child, ready: { aws: r.aws, smtpPort: r.ports.smtp } });
      }
    });
    child.on('exit', (code) => reject(new Error(`sesame exited early with ${code}: ${buf}`)));
  });
}

// Never test a stale bundle: build the headless host from the current sources first (about a second).
beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs', 'headless'], { stdio: 'ignore' });
}, 120_000);

describe('kill -9 durability', () => {
  it('keeps every acknowledged message', async () => {
    const first = await serve();
    const client = new SESv2Client({ endpoint: first.ready.aws, region: 'us-east-1', credentials: { accessKeyId: 'AKIAK', secretAccessKey: 's' } });
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const out = await client.send(new SendEmailCommand({
        FromEmailAddress: 'k@example.com', Destination: { ToAddresses: ['d@example.com'] },
        Content: { Simple: { Subject: { Data: `durable ${i}` }, Body: { Text: { Data: 'x' } } } },
      }));
      ids.push(out.MessageId!);
    }
    const smtp = nodemailer.createTransport({ host: '127.0.0.1', port: first.ready.smtpPort, tls: { rejectUnauthorized: false } });
    const info = await smtp.sendMail({ from: 'k@example.com', to: 'd@example.com', subject: 'durable smtp', text: 'x' });
    smtp.close();
    ids.push(/250 Ok (\S+)/.exec(info.response)![1]);
    client.destroy();

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));

    const second = await serve();
    const res = await fetch(`${second.ready.aws}/_aws/ses`);
    const stored = new Set(((await res.json()) as { messages: { Id: string }[] }).messages.map((m) => m.Id));
    for (const id of ids) expect(stored.has(id), id).toBe(true);
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  });
});
