// Acknowledged means stored: a child process runs the real engine on a file database and reports each
// MessageId as send() resolves; it is killed with SIGKILL mid-stream; a new engine on the same file must
// have every reported message — row, raw MIME, events — and find it by search (the index catches up).
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../../src-main/core/engine';

const here = fileURLToPath(new URL('.', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sesame-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('durability', () => {
  it('keeps every acknowledged message across kill -9', async () => {
    const dbPath = join(dir, 'sesame.db');
    const child = fork(join(here, 'fixtures/durability-child.ts'), [dbPath], {
      execArgv: ['--no-warnings', '--experimental-strip-types', '--import', join(here, 'fixtures/register-ts.mjs')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const acked: string[] = [];
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.on('message', (m: { messageId: string }) => {
        acked.push(m.messageId);
        if (acked.length === 300) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`child exited early (${code}) after ${acked.length} messages`)));
    });
    expect(await exited).toBe('SIGKILL');

    const engine = createEngine({ account: { autoVerify: true, sandbox: false, max24HourSend: -1, maxSendRate: 1_000_000 }, region: 'us-east-1', accountId: '123456789012', dbPath, maxMessages: 100_000 });
    try {
      for (const id of acked) {
        const d = await engine.messages.get(id);
        expect(d, id).toBeDefined();
        expect(d!.events.map((e) => e.eventType)).toEqual(['Send', 'Delivery']);
        expect((await engine.messages.raw(id))!.toString()).toContain('must survive kill -9');
      }
      expect(engine.messages.list({ q: 'durable' }).total).toBeGreaterThanOrEqual(acked.length);
      expect(engine.account.quota().sentLast24Hours).toBeGreaterThanOrEqual(acked.length);
    } finally {
      engine.close();
    }
  }, 30_000);
});
