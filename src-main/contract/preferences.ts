// App preferences as the UI API returns them (GET/PUT /api/preferences). Kept by lowdb, not SQLite.
export interface Preferences {
  theme: 'system' | 'light' | 'dark';
  /** Load remote content in HTML previews by default. */
  loadRemoteContent: boolean;
  /** Native notifications on new mail (Electron). */
  notifications: boolean;
  /** Last main-window bounds (Electron). */
  window: { x: number; y: number; width: number; height: number } | null;
}
