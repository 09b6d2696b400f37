// The spamd address setting: default 127.0.0.1:783, `--spamd host:port|off`, SESAME_SPAMD, the config
// file's `inspect.spamd`, precedence flags > env > file, and bad values named with their source.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPAMD } from '../../../../src-main/core/config';
import { parseCommandLine, resolveConfig } from '../../../../src-main/hosts/config';
import type { Env } from '../../../../src-main/hosts/config';

function build(argv: string[] = [], env: Env = {}, files: Record<string, string> = {}) {
  const flags = parseCommandLine(argv).flags;
  return resolveConfig({ flags, env, cwd: '/work', homeDir: '/home/u', platform: 'linux', readFile: (p) => files[p] ?? null });
}

describe('spamd setting', () => {
  it('defaults to 127.0.0.1:783 (tried lazily)', () => {
    expect(DEFAULT_SPAMD).toBe('127.0.0.1:783');
    expect(build().config.inspect).toEqual({ spamd: '127.0.0.1:783', chromium: 'auto' });
  });
  it('--spamd, SESAME_SPAMD and the file, flags winning', () => {
    expect(build(['--spamd', 'spam.local:7830']).config.inspect.spamd).toBe('spam.local:7830');
    expect(build(['--spamd', 'off']).config.inspect.spamd).toBeNull();
    expect(build([], { SESAME_SPAMD: '[::1]:783' }).config.inspect.spamd).toBe('[::1]:783');
    expect(build(['--spamd', 'off'], { SESAME_SPAMD: '10.0.0.1:783' }).config.inspect.spamd).toBeNull();
    const files = { '/work/cfg.json': JSON.stringify({ inspect: { spamd: 'filehost:1783' } }) };
    expect(build(['--config', '/work/cfg.json'], {}, files).config.inspect.spamd).toBe('filehost:1783');
    expect(build(['--config', '/work/cfg.json'], { SESAME_SPAMD: 'envhost' }, files).config.inspect.spamd).toBe('envhost');
  });
  it('bad values name their source', () => {
    expect(() => build(['--spamd', 'a b'])).toThrow(/--spamd must be host:port/);
    expect(() => build([], { SESAME_SPAMD: 'h:99999' })).toThrow(/SESAME_SPAMD must be host:port/);
    expect(() => build(['--config', '/work/c.json'], {}, { '/work/c.json': '{"inspect":{"spamd":7}}' })).toThrow(/inspect.spamd must be host:port/);
    expect(() => build(['--config', '/work/c.json'], {}, { '/work/c.json': '{"inspect":{"spam":"x"}}' })).toThrow(/unknown setting "inspect.spam"/);
  });
});
