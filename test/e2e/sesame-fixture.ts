// Playwright fixture: the real built CLI (`bin/sesame.mjs serve`) on ephemeral ports with a fixed UI token,
// one per test file, plus SDK clients pointed at it. Page objects use data-testid only.
import { test as base, expect as baseExpect, type APIResponse, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ReadyInfo {
  aws: string;
  ui: string;
  ports: { aws: number; smtp: number; smtpTls: number | null; ui: number };
}

export async function startCli(extra: string[] = []): Promise<{ ready: ReadyInfo; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sesame-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/sesame.mjs', 'serve', '--data-dir', dataDir, '--aws-port', '0', '--smtp-port', '0', '--smtp-tls-port', '0', '--ui-port', '0', '--ui-token', 'e2e-token', '--auto-verify', '--production', '--max-24-hour-send=-1', '--max-send-rate', '1000000', '--ready-json', ...extra],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const ready = await new Promise<ReadyInfo>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{"ready"'));
      if (line) resolve(JSON.parse(line).ready);
    });
    child.once('exit', (code) => reject(new Error(`sesame exited early (${code}): ${buf}`)));
  });
  return {
    ready,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<object, { sesame: ReadyInfo }>({
  sesame: [
    // Playwright requires the destructuring pattern for fixture dependencies, even when empty.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const s = await startCli();
      await use(s.ready);
      await s.stop();
    },
    { scope: 'worker' },
  ],
});

/** One Sesame for a whole spec file (its tests share state); the returned object is filled in beforeAll. */
export function sesamePerFile(extra: string[] = []): ReadyInfo {
  const ready = {} as ReadyInfo;
  let stop: (() => Promise<void>) | undefined;
  test.beforeAll(async () => {
    const s = await startCli(extra);
    Object.assign(ready, s.ready);
    stop = s.stop;
  });
  test.afterAll(() => stop?.());
  return ready;
}

/** A UI API call with the e2e token; a non-2xx answer fails the test with the body. */
export async function uiApi(page: Page, sesame: ReadyInfo, method: string, path: string, data?: unknown): Promise<APIResponse> {
  const res = await page.request.fetch(`${new URL(sesame.ui).origin}${path}`, { method, headers: { 'x-sesame-token': 'e2e-token' }, data });
  baseExpect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return res;
}

export { expect } from '@playwright/test';
