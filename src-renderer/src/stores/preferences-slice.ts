// Preferences slice: the app preferences (theme, remote-content default, notifications) as the UI API
// keeps them (GET/PUT /api/preferences, lowdb on the server), kept current by the live stream's
// `preferences.updated` (another window or tab may change them).
// Owns: loading, optimistic updates and reconciling them with the server. Must not: render, or touch the
// DOM (features/settings applies the theme).
import type { Preferences, PreferencesPatch } from '../../../src-main/contract';
import { api, errorText } from '../api/client';
import type { Slice } from './types';

export interface PreferencesSlice {
  /** null until the first load answers. */
  preferences: Preferences | null;
  preferencesError: string | null;
  loadPreferences: () => Promise<void>;
  /** Shows the change at once, then takes the server's answer; on refusal reloads and says why. */
  updatePreferences: (patch: PreferencesPatch) => Promise<void>;
  /** `preferences.updated` from the live stream. */
  preferencesChanged: (p: Preferences) => void;
}

// Updates in flight (outside the state: bookkeeping must not render). While one is pending, answers and
// live echoes of earlier updates would briefly undo the optimistic value, so only the last one applies.
let inFlight = 0;
let loadSeq = 0;

export const createPreferencesSlice: Slice<PreferencesSlice> = (set, get) => ({
  preferences: null,
  preferencesError: null,

  loadPreferences: async () => {
    const seq = ++loadSeq;
    try {
      const preferences = await api.getPreferences();
      if (seq === loadSeq && inFlight === 0) set({ preferences, preferencesError: null });
    } catch (err) {
      if (seq === loadSeq) set({ preferencesError: errorText(err) });
    }
  },

  updatePreferences: async (patch) => {
    const before = get().preferences;
    if (before) set({ preferences: { ...before, ...patch } });
    inFlight++;
    try {
      const updated = await api.updatePreferences(patch);
      inFlight--;
      if (inFlight === 0) set({ preferences: updated, preferencesError: null });
    } catch (err) {
      inFlight--;
      get().notify('error', `Could not save settings: ${errorText(err)}`);
      if (inFlight === 0) await get().loadPreferences();
    }
  },

  preferencesChanged: (preferences) => {
    if (inFlight === 0) set({ preferences, preferencesError: null });
  },
});
