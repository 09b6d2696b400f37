// The Settings popover's content: theme (system / light / dark), the HTML preview's remote-content
// default, and desktop notifications. Every change is saved at once through the preferences slice
// (PUT /api/preferences → preferences.json in the data folder) and reaches other windows live.
// Then Sesame's clock (time travel) and a way to the SES account's own settings (Account screen).
// Must not: apply the theme to the document (use-apply-theme.ts does) or talk to the API directly.
import { useEffect, useRef } from 'react';
import type { Preferences } from '../../../../src-main/contract';
import { Switch } from '../../components/Switch';
import { useStore } from '../../stores';
import { TimeTravel } from '../account/TimeTravel';

const THEMES: { id: Preferences['theme']; label: string }[] = [
  { id: 'system', label: 'System' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
];

export function SettingsPanel() {
  const prefs = useStore((s) => s.preferences);
  const error = useStore((s) => s.preferencesError);
  const update = useStore((s) => s.updatePreferences);
  const load = useStore((s) => s.loadPreferences);
  const isElectron = useStore((s) => s.info?.host === 'electron');
  const setView = useStore((s) => s.setView);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!prefs) void load();
    // Move focus into the popover so keyboard users land on its first control.
    ref.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
    // Only on open (mount): later renders must not steal focus.
  }, []);

  return (
    <div ref={ref} id="settings-panel" className="settings-panel" role="dialog" aria-labelledby="settings-title" data-testid="settings-panel">
      <h2 id="settings-title">Settings</h2>
      {!prefs && error && (
        <p className="settings-error" role="alert">
          Could not load settings: {error}{' '}
          <button type="button" className="btn-link" onClick={() => void load()}>
            Retry
          </button>
        </p>
      )}

      <section className="settings-row" aria-labelledby="settings-theme">
        <h3 id="settings-theme">Theme</h3>
        <div className="segmented segmented-fill" role="group" aria-labelledby="settings-theme">
          {THEMES.map((t) => (
            <button
              key={t.id}
              type="button"
              aria-pressed={prefs?.theme === t.id}
              className={prefs?.theme === t.id ? 'active' : ''}
              disabled={!prefs}
              onClick={() => void update({ theme: t.id })}
              data-testid={`theme-${t.id}`}
            >
              {t.label}
            </button>
          ))}
        </div>
      </section>

      <section className="settings-row" aria-labelledby="settings-preview">
        <h3 id="settings-preview">HTML preview</h3>
        <Switch
          checked={prefs?.loadRemoteContent ?? false}
          disabled={!prefs}
          onChange={(loadRemoteContent) => void update({ loadRemoteContent })}
          testId="pref-load-remote"
          describedBy="pref-load-remote-hint"
        >
          Load remote content by default
        </Switch>
        <p className="hint" id="pref-load-remote-hint">
          Remote images can tell a sender the mail was opened. Each message&apos;s own switch still overrides this.
        </p>
      </section>

      <section className="settings-row" aria-labelledby="settings-notifications">
        <h3 id="settings-notifications">Notifications</h3>
        <Switch
          checked={prefs?.notifications ?? false}
          disabled={!prefs}
          onChange={(notifications) => void update({ notifications })}
          testId="pref-notifications"
          describedBy="pref-notifications-hint"
        >
          Desktop notifications (app)
        </Switch>
        <p className="hint" id="pref-notifications-hint">
          Only the Sesame desktop app shows these, for new mail while its window is in the background
          {isElectron ? '.' : '; this browser tab never does.'}
        </p>
      </section>

      <section className="settings-row" aria-labelledby="settings-time">
        <h3 id="settings-time">Time travel</h3>
        <TimeTravel compact />
      </section>

      <section className="settings-row" aria-labelledby="settings-account">
        <h3 id="settings-account">SES account</h3>
        <p className="hint">Sandbox, quota, send rate, auto-verify and production access.</p>
        <button type="button" className="btn btn-small settings-link" onClick={() => setView('account')} data-testid="settings-open-account">
          Open account settings
        </button>
      </section>
    </div>
  );
}
