// Building the one validated config: defaults < config file < env SESAME_* < flags, and clear errors.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS, DEFAULT_PORTS } from '../../../src-main/core/config';
import { buildConfig, defaultDataDir, parseCommandLine, resolveConfig, UsageError } from '../../../src-main/hosts/config';
import type { Env } from '../../../src-main/hosts/config';

const HOME = '/home/u';

function build(argv: string[] = [], env: Env = {}, files: Record<string, string> = {}) {
  const { flags } = parseCommandLine(argv);
  return resolveConfig({ flags, env, cwd: '/work', homeDir: HOME, platform: 'linux', readFile: (p) => files[p] ?? null });
}

describe('defaults', () => {
  it('uses ~/.sesame, loopback, the default ports and a required per-launch token', () => {
    const { config, configFile } = build();
    expect(configFile).toBeNull();
    expect(config.dataDir).toBe('/home/u/.sesame');
    expect(config.aws).toEqual({ host: '127.0.0.1', port: DEFAULT_PORTS.aws });
    expect(config.smtp).toEqual({ host: '127.0.0.1', port: DEFAULT_PORTS.smtp, tlsPort: DEFAULT_PORTS.smtpTls, authMode: 'any' });
    expect(config.ui).toEqual({ host: '127.0.0.1', port: DEFAULT_PORTS.ui, tokenRequired: true, token: null });
    expect(config.credentials).toEqual([DEFAULT_CREDENTIALS]);
  });

  it('has a platform data folder', () => {
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe('/Users/u/.sesame');
    expect(defaultDataDir('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'C:\\Users\\u')).toBe('C:\\Users\\u\\AppData\\Local\\Sesame');
  });
});

describe('precedence', () => {
  const file = JSON.stringify({ region: 'eu-west-1', accountId: '111111111111', aws: { port: 1001 }, smtp: { port: 1002, authMode: 'strict' }, ui: { port: 1003 }, retention: { maxMessages: 10 } });

  it('reads <dataDir>/config.json over the defaults', () => {
    const { config, configFile } = build([], {}, { '/home/u/.sesame/config.json': file });
    expect(configFile).toBe('/home/u/.sesame/config.json');
    expect(config).toMatchObject({ region: 'eu-west-1', accountId: '111111111111', aws: { port: 1001 }, smtp: { port: 1002, authMode: 'strict' }, ui: { port: 1003 }, retention: { maxMessages: 10 } });
  });

  it('env beats the file, flags beat env', () => {
    const files = { '/data/config.json': file };
    const env = { SESAME_DATA_DIR: '/data', SESAME_REGION: 'us-west-2', SESAME_AWS_PORT: '2001', SESAME_SMTP_AUTH: 'any', SESAME_MAX_MESSAGES: '20' };
    const viaEnv = build([], env, files).config;
    expect(viaEnv).toMatchObject({ dataDir: '/data', region: 'us-west-2', aws: { port: 2001 }, smtp: { port: 1002, authMode: 'any' }, retention: { maxMessages: 20 } });
    const viaFlags = build(['--region', 'ap-south-1', '--aws-port=3001', '--smtp-port', '3002', '--max-messages', '30'], env, files).config;
    expect(viaFlags).toMatchObject({ region: 'ap-south-1', aws: { port: 3001 }, smtp: { port: 3002 }, ui: { port: 1003 }, retention: { maxMessages: 30 } });
  });

  it('finds the file in the data folder named by env or flag, or at --config', () => {
    const files = { '/a/config.json': '{"region":"eu-central-1"}', '/work/my.json': '{"region":"sa-east-1"}' };
    expect(build(['--data-dir', '/a']).config.region).toBe('us-east-1');
    expect(build(['--data-dir', '/a'], {}, files).config.region).toBe('eu-central-1');
    expect(build([], { SESAME_DATA_DIR: '/a' }, files).config.region).toBe('eu-central-1');
    expect(build(['--config', 'my.json'], {}, files).config.region).toBe('sa-east-1');
    expect(build([], { SESAME_CONFIG: '/work/my.json' }, files).config.region).toBe('sa-east-1');
  });

  it('--host / SESAME_HOST binds every door; a door host in the file is overridden by a later --host', () => {
    const files = { '/home/u/.sesame/config.json': '{"host":"0.0.0.0","ui":{"host":"127.0.0.1"}}' };
    const fromFile = build([], {}, files).config;
    expect([fromFile.aws.host, fromFile.smtp.host, fromFile.ui.host]).toEqual(['0.0.0.0', '0.0.0.0', '127.0.0.1']);
    const c = build(['--host', '::1'], { SESAME_HOST: '0.0.0.0' }, files).config;
    expect([c.aws.host, c.smtp.host, c.ui.host]).toEqual(['::1', '::1', '::1']);
  });

  it('SMTP TLS port "off" disables it', () => {
    expect(build(['--smtp-tls-port', 'off']).config.smtp.tlsPort).toBeNull();
    expect(build([], { SESAME_SMTP_TLS_PORT: 'off' }).config.smtp.tlsPort).toBeNull();
    expect(build([], {}, { '/home/u/.sesame/config.json': '{"smtp":{"tlsPort":null}}' }).config.smtp.tlsPort).toBeNull();
  });

  it('UI token: fixed, turned off, and a later source turning it back on', () => {
    expect(build(['--ui-token', 'abc']).config.ui).toMatchObject({ token: 'abc', tokenRequired: true });
    expect(build(['--no-ui-token']).config.ui).toMatchObject({ token: null, tokenRequired: false });
    expect(build([], { SESAME_UI_NO_TOKEN: '1' }).config.ui).toMatchObject({ token: null, tokenRequired: false });
    expect(build([], { SESAME_UI_NO_TOKEN: '0', SESAME_UI_TOKEN: 'e' }).config.ui).toMatchObject({ token: 'e', tokenRequired: true });
    expect(build(['--ui-token', 'f'], { SESAME_UI_NO_TOKEN: '1' }).config.ui).toMatchObject({ token: 'f', tokenRequired: true });
    expect(build(['--no-ui-token'], { SESAME_UI_TOKEN: 'e' }).config.ui).toMatchObject({ token: null, tokenRequired: false });
  });

  it('access keys from env replace the default pair; from the file as a list', () => {
    expect(build([], { SESAME_ACCESS_KEY_ID: 'AKIAME', SESAME_SECRET_ACCESS_KEY: 'sec' }).config.credentials).toEqual([{ accessKeyId: 'AKIAME', secretAccessKey: 'sec' }]);
    const f = { '/home/u/.sesame/config.json': '{"credentials":[{"accessKeyId":"A1","secretAccessKey":"S1"},{"accessKeyId":"A2","secretAccessKey":"S2"}]}' };
    expect(build([], {}, f).config.credentials.map((k) => k.accessKeyId)).toEqual(['A1', 'A2']);
  });

  it('accepts port 0 everywhere (any free port)', () => {
    const c = build(['--aws-port', '0', '--smtp-port', '0', '--smtp-tls-port', '0', '--ui-port', '0']).config;
    expect([c.aws.port, c.smtp.port, c.smtp.tlsPort, c.ui.port]).toEqual([0, 0, 0, 0]);
  });

  it('resolves relative and ~ data folders', () => {
    expect(build(['--data-dir', 'rel']).config.dataDir).toBe('/work/rel');
    expect(build([], { SESAME_DATA_DIR: '~/mail' }).config.dataDir).toBe('/home/u/mail');
    expect(build(['--config', '/etc/s/c.json'], {}, { '/etc/s/c.json': '{"dataDir":"d"}' }).config.dataDir).toBe('/etc/s/d');
  });

  it('buildConfig (the hosts\' entry) takes flags-only argv and a default data folder', () => {
    const c = buildConfig({ argv: ['--ui-port', '0'], env: {}, defaultDataDir: '/electron/userData', homeDir: HOME, readFile: () => null });
    expect(c.dataDir).toBe('/electron/userData');
    expect(c.ui.port).toBe(0);
  });
});

describe('errors', () => {
  const fails = (argv: string[], env: Env = {}, files: Record<string, string> = {}) => {
    try {
      build(argv, env, files);
    } catch (err) {
      return err as Error;
    }
    throw new Error('expected a failure');
  };

  it('names unknown flags and commands', () => {
    expect(() => parseCommandLine(['--nope'])).toThrow(UsageError);
    expect(() => parseCommandLine(['--nope'])).toThrow('Unknown option --nope.');
    expect(() => parseCommandLine(['frobnicate'])).toThrow(/Unknown command: frobnicate/);
    expect(() => parseCommandLine(['--aws-port'])).toThrow(UsageError);
    expect(() => parseCommandLine(['--ui-token', 'a', '--no-ui-token'])).toThrow(/contradict/);
  });

  it('parses commands', () => {
    expect(parseCommandLine([]).command).toBe('serve');
    expect(parseCommandLine(['serve', '--ready-json'])).toMatchObject({ command: 'serve', readyJson: true });
    expect(parseCommandLine(['--help']).command).toBe('help');
    expect(parseCommandLine(['-v']).command).toBe('version');
  });

  it('reports every bad value with its source', () => {
    const err = fails(['--aws-port', '70000', '--smtp-auth', 'maybe'], { SESAME_UI_PORT: 'x', SESAME_MAX_MESSAGES: '0' });
    expect(err.message).toContain('--aws-port must be a port number 0..65535 (got "70000")');
    expect(err.message).toContain('--smtp-auth must be "any" or "strict" (got "maybe")');
    expect(err.message).toContain('SESAME_UI_PORT must be a port number');
    expect(err.message).toContain('SESAME_MAX_MESSAGES must be a whole number ≥ 1');
  });

  it('rejects a bad region/account id through validateConfig', () => {
    expect(fails(['--region', 'mars', '--account-id', '12']).message).toMatch(/region looks wrong: mars[\s\S]*accountId must be 12 digits/);
  });

  it('rejects half an access key, bad tokens and bad booleans', () => {
    expect(fails([], { SESAME_ACCESS_KEY_ID: 'A' }).message).toMatch(/must be set together/);
    expect(fails(['--ui-token', 'has space']).message).toMatch(/--ui-token must be/);
    expect(fails([], { SESAME_UI_NO_TOKEN: 'perhaps' }).message).toMatch(/SESAME_UI_NO_TOKEN must be 1 or 0/);
  });

  it('explains config file problems: missing explicit file, bad JSON, unknown or mistyped settings', () => {
    expect(fails(['--config', '/x.json']).message).toBe('The config file /x.json (from --config) does not exist.');
    expect(fails([], {}, { '/home/u/.sesame/config.json': '{nope' }).message).toMatch(/is not valid JSON/);
    const bad = fails([], {}, { '/home/u/.sesame/config.json': '{"awsPort":1,"smtp":{"prot":2},"ui":{"port":"x"}}' }).message;
    expect(bad).toContain('unknown setting "awsPort"');
    expect(bad).toContain('unknown setting "smtp.prot"');
    expect(bad).toContain('ui.port must be a port number');
    expect(fails([], {}, { '/home/u/.sesame/config.json': '[]' }).message).toMatch(/must hold a JSON object/);
  });
});
