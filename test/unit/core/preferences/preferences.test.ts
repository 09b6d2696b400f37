import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PREFERENCES, openPreferences } from '../../../../src-main/core/preferences/preferences';

describe('preferences (lowdb)', () => {
  it('starts from defaults and persists validated updates to preferences.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefs-'));
    try {
      const prefs = await openPreferences(dir);
      expect(prefs.get()).toEqual(DEFAULT_PREFERENCES);
      await prefs.update({ theme: 'dark', window: { x: 1, y: 2, width: 800, height: 600 } });
      const onDisk = JSON.parse(readFileSync(join(dir, 'preferences.json'), 'utf8'));
      expect(onDisk.theme).toBe('dark');
      const reopened = await openPreferences(dir);
      expect(reopened.get()).toMatchObject({ theme: 'dark', window: { width: 800 } });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects invalid values and keeps the old ones', async () => {
    const prefs = await openPreferences(null);
    await expect(prefs.update({ theme: 'purple' as never })).rejects.toThrow(/theme/);
    await expect(prefs.update({ window: { x: 1 } as never })).rejects.toThrow(/window/);
    expect(prefs.get().theme).toBe('system');
  });

  it('survives a corrupt file by falling back to defaults', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'prefs-'));
    try {
      writeFileSync(join(dir, 'preferences.json'), '{ not json');
      const prefs = await openPreferences(dir);
      expect(prefs.get()).toEqual(DEFAULT_PREFERENCES);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
