// Shared set-up for the UI API's SES-state route tests (ses-*.test.ts): a real in-memory engine on a fake
// clock (test/unit/core/helpers.ts makeEngine) behind the real UI API server on port 0 with token `tok`,
// and a JSON caller that sends the right Host and token.
import { startUiApi } from '../../../../src-main/adapters/ui-api/server';
import type { UiApi } from '../../../../src-main/adapters/ui-api/server';
import type { EngineOptions } from '../../../../src-main/core/engine';
import { openPreferences } from '../../../../src-main/core/preferences/preferences';
import { request } from '../../../helpers/http';
import type { RawResponse } from '../../../helpers/http';
import { makeEngine, type TestEngine } from '../../core/helpers';
import { fakeInfo, TOKEN } from './setup';

export interface SesHarness extends TestEngine {
  api: UiApi;
  /** JSON in (when `body` is an object), raw response out; `auth: false` leaves the token off. */
  call(method: string, path: string, body?: unknown, opts?: { auth?: boolean; contentType?: string }): Promise<RawResponse>;
  stop(): Promise<void>;
}

/** `account` as makeEngine takes it: default catcher (auto-verify, production), `{}` = a new SES account. */
export async function startSesHarness(over: Partial<EngineOptions> = {}): Promise<SesHarness> {
  const t = makeEngine(over);
  const api = await startUiApi({
    engine: t.engine,
    info: () => fakeInfo,
    preferences: await openPreferences(null),
    host: '127.0.0.1',
    port: 0,
    token: TOKEN,
    rendererDir: null,
    log: () => undefined,
  });
  return {
    ...t,
    api,
    call(method, path, body, opts = {}) {
      const headers: Record<string, string> = { host: `127.0.0.1:${api.port}` };
      if (opts.auth !== false) headers['x-sesame-token'] = TOKEN;
      let payload: string | undefined;
      if (typeof body === 'string') {
        payload = body;
        headers['content-type'] = opts.contentType ?? 'text/plain';
      } else if (body !== undefined) {
        payload = JSON.stringify(body);
        headers['content-type'] = 'application/json';
      }
      return request(`${api.origin}${path}`, { method, headers, body: payload });
    },
    async stop() {
      await api.close();
      t.engine.close();
    },
  };
}
