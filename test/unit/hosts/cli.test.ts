// The headless CLI with injected I/O and a fake startSesame: help, version, usage errors, config errors,
// start-up errors, the banner, the ready line, and shutdown on signals.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, defaultConfig } from '../../../src-main/core/config';
import type { SesameConfig } from '../../../src-main/core/config';
import type { SesameHandle } from '../../../src-main/hosts/app';
import { StartupError } from '../../../src-main/hosts/app';
import { formatBanner, installShutdown, readyLine, runCli } from '../../../src-main/hosts/headless/cli';
import type { CliIo } from '../../../src-main/hosts/headless/cli';
import { createFakeEngine } from '../../helpers/fake-engine';
import { DEFAULT_PREFERENCES } from '../../../src-main/core/preferences/preferences';

function fakeHandle(config: SesameConfig, closeLog: string[] = []): SesameHandle {
  const token = config.ui.tokenRequired ? (config.ui.token ?? 'generated') : null;
  const ui = token ? `http://127.0.0.1:4578/?token=${token}` : 'http://127.0.0.1:4578/';
  return {
    config,
    engine: createFakeEngine(),
    preferences: { get: () => DEFAULT_PREFERENCES, update: async () => DEFAULT_PREFERENCES },
    urls: { aws: 'http://127.0.0.1:4577', ui, smtp: 'smtp://127.0.0.1:2587', smtpTls: config.smtp.tlsPort === null ? null : 'smtps://127.0.0.1:2465' },
    ports: { aws: 4577, smtp: 2587, smtpTls: config.smtp.tlsPort === null ? null : 2465, ui: 4578 },
    info: {
      name: 'Sesame',
      version: '1.2.3',
      region: config.region,
      accountId: config.accountId,
      awsEndpoint: 'http://127.0.0.1:4577',
      smtp: { host: '127.0.0.1', port: 2587, tlsPort: config.smtp.tlsPort === null ? null : 2465, authMode: config.smtp.authMode, username: DEFAULT_CREDENTIALS.accessKeyId, password: 'SMTPPASSWORD' },
      credentials: DEFAULT_CREDENTIALS,
      uiUrl: ui,
      retention: config.retention,
      dataDir: config.dataDir,
      host: 'headless',
      pngExport: false,
    },
    close: async () => void closeLog.push('closed'),
  };
}

function io(over: Partial<CliIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const started: SesameConfig[] = [];
  const base: CliIo = {
    env: {},
    cwd: '/work',
    homeDir: '/home/u',
    platform: 'linux',
    readFile: () => null,
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    rendererDir: null,
    version: '1.2.3',
    start: async (config) => {
      started.push(config);
      return fakeHandle(config);
    },
    ...over,
  };
  return { io: base, out, err, started };
}

describe('runCli', () => {
  it('prints help and version', async () => {
    const a = io();
    expect(await runCli(['--help'], a.io)).toEqual({ kind: 'exit', code: 0 });
    expect(a.out.join('\n')).toMatch(/^Usage: sesame/);
    const b = io();
    expect(await runCli(['--version'], b.io)).toEqual({ kind: 'exit', code: 0 });
    expect(b.out).toEqual(['1.2.3']);
  });

  it('exits 2 with the message and usage on an unknown flag', async () => {
    const a = io();
    expect(await runCli(['serve', '--frobnicate'], a.io)).toEqual({ kind: 'exit', code: 2 });
    expect(a.err[0]).toMatch(/^sesame: Unknown option --frobnicate\.\n\nUsage: sesame/);
    expect(a.started).toHaveLength(0);
  });

  it('exits 1 on an invalid config, naming the bad value', async () => {
    const a = io({ env: { SESAME_AWS_PORT: 'eighty' } });
    expect(await runCli([], a.io)).toEqual({ kind: 'exit', code: 1 });
    expect(a.err[0]).toContain('SESAME_AWS_PORT must be a port number');
  });

  it('exits 1 with the start-up error (port in use names the flag)', async () => {
    const a = io({
      start: async () => {
        throw new StartupError('Port 4577 on 127.0.0.1 (the SES API) is already in use. Choose another with --aws-port', 'aws', 4577, 'EADDRINUSE', null);
      },
    });
    expect(await runCli([], a.io)).toEqual({ kind: 'exit', code: 1 });
    expect(a.err[0]).toMatch(/could not start: Port 4577 .* --aws-port/);
  });

  it('serves with the built config and prints the banner, plus a ready line with --ready-json', async () => {
    const a = io({ env: { SESAME_UI_TOKEN: 'tkn' } });
    const outcome = await runCli(['serve', '--aws-port', '0', '--ready-json'], a.io);
    expect(outcome.kind).toBe('serving');
    expect(a.started[0]).toMatchObject({ aws: { port: 0 }, ui: { token: 'tkn' } });
    const banner = a.out[0];
    expect(banner).toContain('http://127.0.0.1:4577');
    expect(banner).toContain('AWS_ENDPOINT_URL_SES=http://127.0.0.1:4577');
    expect(banner).toContain('AWS_ENDPOINT_URL_SESV2=http://127.0.0.1:4577');
    expect(banner).toContain('http://127.0.0.1:4578/?token=tkn');
    expect(banner).toContain(`username ${DEFAULT_CREDENTIALS.accessKeyId}`);
    expect(banner).toContain('password SMTPPASSWORD');
    expect(banner).toMatch(/port 2587 \(STARTTLS\) · 2465 \(TLS\) · auth any/);
    expect(banner).toContain('/home/u/.sesame (keeps the newest 50000 messages)');
    expect(banner).not.toContain('WARNING');
    const ready = JSON.parse(a.out[1]);
    expect(a.out[1].startsWith('{"ready"')).toBe(true);
    expect(ready.ready).toMatchObject({ aws: 'http://127.0.0.1:4577', ui: 'http://127.0.0.1:4578/?token=tkn', token: 'tkn', ports: { aws: 4577, smtp: 2587, smtpTls: 2465, ui: 4578 } });
  });
});

describe('banner', () => {
  it('warns when the token is off and when bound beyond loopback, and shows a disabled TLS port', () => {
    const c = defaultConfig('/d');
    c.ui = { ...c.ui, tokenRequired: false, token: null };
    c.smtp = { ...c.smtp, tlsPort: null, host: '0.0.0.0' };
    const text = formatBanner(fakeHandle(c));
    expect(text).toContain('WARNING: the UI token is off');
    expect(text).toContain('TLS port off');
    expect(text).toContain('bound to');
    expect(JSON.parse(readyLine(fakeHandle(c))).ready.token).toBeNull();
  });
});

describe('installShutdown', () => {
  class FakeProcess extends EventEmitter {
    codes: number[] = [];
    exit(code: number) {
      this.codes.push(code);
    }
  }

  it('closes everything and exits 0 on SIGTERM; a second signal forces exit', async () => {
    const proc = new FakeProcess();
    const closed: string[] = [];
    const handle = fakeHandle(defaultConfig('/d'), closed);
    let release!: () => void;
    handle.close = () => new Promise<void>((r) => (release = () => (closed.push('closed'), r())));
    const log: string[] = [];
    installShutdown(handle, proc, (t) => log.push(t));
    proc.emit('SIGTERM');
    proc.emit('SIGINT');
    expect(proc.codes).toEqual([130]);
    release();
    await new Promise((r) => setImmediate(r));
    expect(closed).toEqual(['closed']);
    expect(proc.codes).toEqual([130, 0]);
    expect(log[0]).toMatch(/shutting down/);
  });

  it('uninstalls its handlers', () => {
    const proc = new FakeProcess();
    const off = installShutdown(fakeHandle(defaultConfig('/d')), proc, () => undefined);
    expect(proc.listenerCount('SIGINT')).toBe(1);
    off();
    expect(proc.listenerCount('SIGINT')).toBe(0);
    expect(proc.listenerCount('SIGTERM')).toBe(0);
  });
});
