// App preferences (theme, remote-content default, window bounds) in a small human-readable JSON file
// via lowdb. DESIGN "Store": lowdb keeps app preferences only — never mail, events or SES state (SQLite).
// Owns: the preference shape, defaults, validation of updates, and persistence to <dataDir>/preferences.json.
import { Low, Memory } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { join } from 'node:path';
import type { Preferences } from '../../contract/preferences';

export const DEFAULT_PREFERENCES: Preferences = {
  theme: 'system',
  loadRemoteContent: false,
  notifications: true,
  window: null,
};

/** An invalid preference value (the message says which and why); write failures are other errors. */
export class InvalidPreferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPreferenceError';
  }
}

export interface PreferencesStore {
  get(): Preferences;
  /** Applies a validated partial update and writes the file; throws InvalidPreferenceError on invalid values. */
  update(patch: Partial<Preferences>): Promise<Preferences>;
}

/** Opens `<dataDir>/preferences.json` (created on first write), or an in-memory store when dataDir is null. */
export async function openPreferences(dataDir: string | null): Promise<PreferencesStore> {
  const db = new Low<Preferences>(dataDir ? new JSONFile(join(dataDir, 'preferences.json')) : new Memory(), DEFAULT_PREFERENCES);
  try {
    await db.read();
  } catch {
    // A corrupt preferences file must never stop Sesame from starting: fall back to defaults.
    db.data = { ...DEFAULT_PREFERENCES };
  }
  db.data = sanitize({ ...DEFAULT_PREFERENCES, ...(db.data ?? {}) });
  return {
    get: () => ({ ...db.data }),
    async update(patch) {
      db.data = sanitize({ ...db.data, ...validate(patch) });
      await db.write();
      return { ...db.data };
    },
  };
}

function validate(patch: Partial<Preferences>): Partial<Preferences> {
  const out: Partial<Preferences> = {};
  if (patch.theme !== undefined) {
    if (!['system', 'light', 'dark'].includes(patch.theme)) throw new InvalidPreferenceError('theme must be system, light or dark');
    out.theme = patch.theme;
  }
  if (patch.loadRemoteContent !== undefined) {
    if (typeof patch.loadRemoteContent !== 'boolean') throw new InvalidPreferenceError('loadRemoteContent must be a boolean');
    out.loadRemoteContent = patch.loadRemoteContent;
  }
  if (patch.notifications !== undefined) {
    if (typeof patch.notifications !== 'boolean') throw new InvalidPreferenceError('notifications must be a boolean');
    out.notifications = patch.notifications;
  }
  if (patch.window !== undefined) {
    const w = patch.window;
    const ok = w === null || (['x', 'y', 'width', 'height'] as const).every((k) => Number.isFinite(w[k]));
    if (!ok) throw new InvalidPreferenceError('window must be null or {x, y, width, height}');
    out.window = w;
  }
  return out;
}

/** Drops unknown keys from a file written by another version. */
function sanitize(p: Preferences): Preferences {
  return { theme: p.theme, loadRemoteContent: p.loadRemoteContent, notifications: p.notifications, window: p.window };
}
