// The PNG-export browser setting: default `auto` (the first installed Chromium/Chrome of the usual places),
// `--chromium <path>|auto|off`, SESAME_CHROMIUM, the file's `inspect.chromium`, flags winning, bad values
// named with their source; and findChromium's choice (an explicit path must exist; `off` means none).
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../../../src-main/adapters/screenshot/chromium-png';
import { parseCommandLine, resolveConfig } from '../../../../src-main/hosts/config';
import type { Env } from '../../../../src-main/hosts/config';

function build(argv: string[] = [], env: Env = {}, files: Record<string, string> = {}) {
  const flags = parseCommandLine(argv).flags;
  return resolveConfig({ flags, env, cwd: '/work', homeDir: '/home/u', platform: 'linux', readFile: (p) => files[p] ?? null });
}

describe('chromium setting', () => {
  it('defaults to auto; flags > env > file; spamd untouched', () => {
    expect(build().config.inspect.chromium).toBe('auto');
    expect(build(['--chromium', '/opt/chrome/chrome']).config.inspect.chromium).toBe('/opt/chrome/chrome');
    expect(build(['--chromium', 'off']).config.inspect.chromium).toBeNull();
    expect(build([], { SESAME_CHROMIUM: '/usr/bin/chromium-browser', SESAME_SPAMD: 'off' }).config.inspect).toEqual({ spamd: null, chromium: '/usr/bin/chromium-browser' });
    expect(build(['--chromium', 'auto'], { SESAME_CHROMIUM: 'off' }).config.inspect.chromium).toBe('auto');
    const files = { '/work/cfg.json': JSON.stringify({ inspect: { chromium: 'off', spamd: 'filehost' } }) };
    expect(build(['--config', '/work/cfg.json'], {}, files).config.inspect).toEqual({ spamd: 'filehost', chromium: null });
  });
  it('bad values name their source', () => {
    expect(() => build(['--chromium', 'chromium'])).toThrow(/--chromium must be an absolute path/);
    expect(() => build([], { SESAME_CHROMIUM: 'relative/chrome' })).toThrow(/SESAME_CHROMIUM must be an absolute path/);
    expect(() => build(['--config', '/work/c.json'], {}, { '/work/c.json': '{"inspect":{"chromium":1}}' })).toThrow(/inspect.chromium must be an absolute path/);
  });
  it('findChromium: auto takes the first installed candidate, a path must exist, null is off', () => {
    const have = (...paths: string[]) => (p: string) => paths.includes(p);
    expect(findChromium('auto', have('/usr/bin/google-chrome', '/usr/bin/chromium-browser'))).toBe('/usr/bin/chromium-browser');
    expect(findChromium('auto', have())).toBeNull();
    expect(findChromium('/opt/c', have('/opt/c'))).toBe('/opt/c');
    expect(findChromium('/opt/c', have())).toBeNull();
    expect(findChromium(null, have('/usr/bin/chromium'))).toBeNull();
  });
});
