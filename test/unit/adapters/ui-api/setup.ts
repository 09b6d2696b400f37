// Shared set-up for the UI API tests: a fake engine with a few messages, in-memory preferences, a server on
// port 0 with token `tok`, and helpers that send the right Host and token.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startUiApi } from '../../../../src-main/adapters/ui-api/server';
import type { UiApi } from '../../../../src-main/adapters/ui-api/server';
import type { ServerInfo } from '../../../../src-main/contract/ui-api';
import { openPreferences } from '../../../../src-main/core/preferences/preferences';
import type { PreferencesStore } from '../../../../src-main/core/preferences/preferences';
import { createFakeEngine, makeMessage } from '../../../helpers/fake-engine';
import type { FakeEngine } from '../../../helpers/fake-engine';
import { request } from '../../../helpers/http';
import type { RawRequest } from '../../../helpers/http';

export const TOKEN = 'tok';

/** Lines the server logged (unexpected failures). */
export const logged: string[] = [];

export const fakeInfo = { name: 'Sesame', version: '0.0.0-test' } as unknown as ServerInfo;

export interface Harness {
  api: UiApi;
  engine: FakeEngine;
  /** In-memory (no data dir): nothing is written to disk. */
  preferences: PreferencesStore;
  rendererDir: string;
  /** Request with a correct Host header and (unless `auth: false`) the token header. */
  call(path: string, opts?: RawRequest & { auth?: boolean }): ReturnType<typeof request>;
  stop(): Promise<void>;
}

export function seedMessages() {
  const png = Buffer.from('89504e470d0a1a0a', 'hex');
  const withHtml = makeMessage(
    'html-1',
    {
      html: '<p>Hi <img src="cid:logo@example.com"> <img src=\'cid:unknown@x\'></p><div style="background:url(cid:LOGO@example.com)"></div>',
    },
    [
      { filename: 'logo.png', contentType: 'image/png', content: png },
      { filename: 'réport "q1".pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4') },
      { filename: null, contentType: 'text/html', content: Buffer.from('<script>alert(1)</script>') },
    ],
  );
  withHtml.detail.attachments[0].contentId = '<logo@example.com>';
  withHtml.detail.attachments[0].disposition = 'inline';
  const full = makeMessage('html-2', { html: '<html><head><title>t</title></head><body>x</body></html>' });
  const plain = makeMessage('plain-1');
  return [withHtml, full, plain];
}

export async function startHarness(opts: { token?: string | null; withRenderer?: boolean; heartbeatMs?: number } = {}): Promise<Harness> {
  const engine = createFakeEngine(seedMessages());
  const rendererDir = mkdtempSync(join(tmpdir(), 'sesame-renderer-'));
  if (opts.withRenderer !== false) {
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sesame UI</title><div id="root"></div>');
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'assets', 'index-AbCd1234.js'), 'console.log(1)');
    writeFileSync(join(rendererDir, 'assets', 'style-ZZyy9988.css'), 'body{}');
    writeFileSync(join(rendererDir, 'favicon.svg'), '<svg/>');
  }
  const token = opts.token === undefined ? TOKEN : opts.token;
  const preferences = await openPreferences(null);
  const api = await startUiApi({
    engine,
    info: () => fakeInfo,
    preferences,
    host: '127.0.0.1',
    port: 0,
    token,
    rendererDir: opts.withRenderer === false ? null : rendererDir,
    log: (line) => logged.push(line),
    ...(opts.heartbeatMs ? { heartbeatMs: opts.heartbeatMs } : {}),
  });
  return {
    api,
    engine,
    preferences,
    rendererDir,
    call(path, o = {}) {
      const headers: Record<string, string> = { host: `127.0.0.1:${api.port}`, ...o.headers };
      if (o.auth !== false && token !== null && headers['x-sesame-token'] === undefined) headers['x-sesame-token'] = token;
      return request(`${api.origin}${path}`, { ...o, headers });
    },
    async stop() {
      await api.close();
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}
