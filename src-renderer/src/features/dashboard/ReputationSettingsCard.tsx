// The reputation settings on the dashboard: the review and pause thresholds (shown in percent, kept as
// fractions), the representative volume, the minimum volume judged, the window's age limit (days) and whether
// configuration sets are paused on their own. SES's values are the defaults; "SES defaults" puts them back.
// Saving re-judges at once (the reputation routes). Must not: validate beyond the form (the server refuses bad
// values and the answer is shown above the dashboard).
import { useEffect, useState, type FormEvent } from 'react';
import type { DashboardThresholdsDto } from '../../../../src-main/contract';
import { Switch } from '../../components/Switch';
import { useStore } from '../../stores';

const DAY_MS = 86_400_000;
/** SES's thresholds (ses-facts §A.8); Sesame's volumes and window (core/limits.ts REPUTATION_*). */
const SES_DEFAULTS: DashboardThresholdsDto = {
  bounceReview: 0.05,
  bouncePause: 0.1,
  complaintReview: 0.001,
  complaintPause: 0.005,
  volume: 500,
  minimumVolume: 100,
  maxAgeMs: 14 * DAY_MS,
  pauseConfigurationSets: true,
};

type Form = Record<'bounceReview' | 'bouncePause' | 'complaintReview' | 'complaintPause' | 'volume' | 'minimumVolume' | 'maxAgeDays', string>;

/** 0.001 → "0.1" (percent, without float noise). */
const percentText = (fraction: number) => String(Number((fraction * 100).toFixed(4)));
const formOf = (t: DashboardThresholdsDto): Form => ({
  bounceReview: percentText(t.bounceReview),
  bouncePause: percentText(t.bouncePause),
  complaintReview: percentText(t.complaintReview),
  complaintPause: percentText(t.complaintPause),
  volume: String(t.volume),
  minimumVolume: String(t.minimumVolume),
  maxAgeDays: String(Number((t.maxAgeMs / DAY_MS).toFixed(3))),
});

const FIELDS: { key: keyof Form; label: string; step: string }[] = [
  { key: 'bounceReview', label: 'Bounce rate: under review at (%)', step: 'any' },
  { key: 'bouncePause', label: 'Bounce rate: sending paused at (%)', step: 'any' },
  { key: 'complaintReview', label: 'Complaint rate: under review at (%)', step: 'any' },
  { key: 'complaintPause', label: 'Complaint rate: sending paused at (%)', step: 'any' },
  { key: 'volume', label: 'Representative volume (recent recipients)', step: '1' },
  { key: 'minimumVolume', label: 'Judge from (recipients)', step: '1' },
  { key: 'maxAgeDays', label: 'Window at most (days)', step: 'any' },
];

export function ReputationSettingsCard({ thresholds }: { thresholds: DashboardThresholdsDto }) {
  const update = useStore((s) => s.updateReputationSettings);
  const busy = useStore((s) => s.dashboardBusy);
  const [form, setForm] = useState<Form>(() => formOf(thresholds));
  // Follow the server when it changes underneath (another window, a reset); the key is its whole state.
  const serverKey = JSON.stringify(thresholds);
  useEffect(() => setForm(formOf(thresholds)), [serverKey]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    void update({
      bounceReview: Number(form.bounceReview) / 100,
      bouncePause: Number(form.bouncePause) / 100,
      complaintReview: Number(form.complaintReview) / 100,
      complaintPause: Number(form.complaintPause) / 100,
      volume: Number(form.volume),
      minimumVolume: Number(form.minimumVolume),
      maxAgeMs: Math.round(Number(form.maxAgeDays) * DAY_MS),
    });
  };

  return (
    <section className="card" aria-labelledby="dash-settings-title" data-testid="dash-settings">
      <h2 id="dash-settings-title">Reputation settings</h2>
      <form className="limits-form" onSubmit={save} data-testid="dash-settings-form">
        {FIELDS.map((f) => (
          <label className="field" key={f.key}>
            <span>{f.label}</span>
            <input
              className="input"
              type="number"
              min={0}
              step={f.step}
              required
              value={form[f.key]}
              onChange={(e) => setForm({ ...form, [f.key]: e.target.value })}
              data-testid={`dash-setting-${f.key}`}
            />
          </label>
        ))}
        <button type="submit" className="btn" disabled={busy} data-testid="dash-settings-save">
          Save and re-judge
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => void update(SES_DEFAULTS)} data-testid="dash-settings-defaults">
          SES defaults
        </button>
      </form>
      <Switch
        checked={thresholds.pauseConfigurationSets}
        disabled={busy}
        onChange={(pauseConfigurationSets) => void update({ pauseConfigurationSets })}
        testId="dash-setting-pause-sets"
      >
        Pause configuration sets with reputation metrics on their own
      </Switch>
      <p className="hint">SES publishes the thresholds, not the volume or window it judges over; those are Sesame&apos;s choices.</p>
    </section>
  );
}
