// startSesame with the real engine, protocol layer and SMTP on port 0: URLs, ports, ServerInfo, idempotent
// close, and a clear error (everything closed again) when a port is taken.
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sesSmtpPassword } from '../../../src-main/adapters/smtp/smtp-password';
import { DEFAULT_CREDENTIALS } from '../../../src-main/core/config';
import { StartupError } from '../../../src-main/hosts/app';
import { startTestSesame } from '../../helpers/start-headless';
import type { TestSesame } from '../../helpers/start-headless';
import { request } from '../../helpers/http';

const open: TestSesame[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.cleanup();
});

async function start(o: Parameters<typeof startTestSesame>[0] = {}) {
  const s = await startTestSesame(o);
  open.push(s);
  return s;
}

function occupy(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

describe('startSesame', () => {
  it('opens every door on free ports and describes them', async () => {
    const s = await start();
    expect(Object.values(s.ports).every((p) => typeof p === 'number' && p > 0)).toBe(true);
    expect(s.urls.aws).toBe(`http://127.0.0.1:${s.ports.aws}`);
    expect(s.urls.ui).toBe(`http://127.0.0.1:${s.ports.ui}/?token=test-token`);
    expect(s.urls.smtp).toBe(`smtp://127.0.0.1:${s.ports.smtp}`);
    expect(s.urls.smtpTls).toBe(`smtps://127.0.0.1:${s.ports.smtpTls}`);
    expect(s.info).toMatchObject({
      name: 'Sesame',
      host: 'headless',
      awsEndpoint: s.urls.aws,
      uiUrl: s.urls.ui,
      dataDir: s.dataDir,
      smtp: { host: '127.0.0.1', port: s.ports.smtp, tlsPort: s.ports.smtpTls, authMode: 'any', username: DEFAULT_CREDENTIALS.accessKeyId, password: sesSmtpPassword(DEFAULT_CREDENTIALS.secretAccessKey, 'us-east-1') },
      credentials: DEFAULT_CREDENTIALS,
    });
    expect(existsSync(join(s.dataDir, 'sesame.db'))).toBe(true);
    expect((await request(`${s.urls.aws}/_sesame/health`)).json()).toEqual({ status: 'ok' });
    const info = await request(`http://127.0.0.1:${s.ports.ui}/api/info`, { headers: { 'x-sesame-token': 'test-token' } });
    expect(info.json()).toEqual(s.info);
  });

  it('generates a 32-hex token when none is fixed, and none when the token is off', async () => {
    const gen = await start({ ui: { token: null } });
    expect(new URL(gen.urls.ui).searchParams.get('token')).toMatch(/^[0-9a-f]{32}$/);
    const off = await start({ uiToken: null, smtp: { tlsPort: null } });
    expect(off.urls.ui).toBe(`http://127.0.0.1:${off.ports.ui}/`);
    expect(off.urls.smtpTls).toBeNull();
    expect(off.ports.smtpTls).toBeNull();
  });

  it('close() closes every door and is idempotent', async () => {
    const s = await start();
    await Promise.all([s.close(), s.close()]);
    await s.close();
    await expect(request(`${s.urls.aws}/_sesame/health`)).rejects.toThrow();
    await expect(request(`http://127.0.0.1:${s.ports.ui}/api/health`)).rejects.toThrow();
  });

  it('names the taken port and the flag/env to change it, closing what it had opened', async () => {
    const { server, port } = await occupy();
    try {
      const err = await startTestSesame({ ui: { port } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StartupError);
      expect((err as StartupError).door).toBe('ui');
      expect((err as Error).message).toMatch(new RegExp(`Port ${port} on 127.0.0.1 \\(the UI\\) is already in use.*--ui-port.*SESAME_UI_PORT`));

      const smtpErr = await startTestSesame({ smtp: { tlsPort: port } }).catch((e: unknown) => e);
      expect((smtpErr as StartupError).door).toBe('smtpTls');
      expect((smtpErr as Error).message).toMatch(/--smtp-tls-port.*SESAME_SMTP_TLS_PORT/);

      const awsErr = await startTestSesame({ aws: { port } }).catch((e: unknown) => e);
      expect((awsErr as Error).message).toMatch(/\(the SES API\).*--aws-port/);
    } finally {
      server.close();
    }
  });
});
