// The enforcement status in words — Healthy, Under review, Sending paused — for the account and for each
// configuration set with reputation metrics, with the rates behind it, what happens next and a "Fresh start"
// button (the reputation capability's route: rates count from now, sending re-enabled).
import type { DashboardDto, DashboardReputationDto } from '../../../../src-main/contract';
import { useStore } from '../../stores';
import { nextStep, pct, STATUS_TONE, STATUS_WORDS } from './chart-model';

function StatusRow({ view, dashboard }: { view: DashboardReputationDto; dashboard: DashboardDto }) {
  const freshStart = useStore((s) => s.freshStart);
  const busy = useStore((s) => s.dashboardBusy);
  const isSet = view.configurationSet !== null;
  const id = isSet ? `set-${view.configurationSet}` : 'account';
  return (
    <div className="dash-status" data-testid={`dash-status-${id}`} data-status={view.status}>
      <div className="dash-status-head">
        <strong>{isSet ? view.configurationSet : 'Account'}</strong>
        <span className={`chip chip-${STATUS_TONE[view.status]}`} data-testid={`dash-status-${id}-chip`}>
          {STATUS_WORDS[view.status]}
        </span>
        <span className="muted">
          bounces {pct(view.bounceRate)} · complaints {pct(view.complaintRate, 3)} · {view.sent.toLocaleString('en')} counted
        </span>
        <button
          type="button"
          className="btn btn-small dash-fresh"
          disabled={busy}
          onClick={() => void freshStart(view.configurationSet)}
          data-testid={`dash-fresh-${id}`}
          title="Count the rates from now and re-enable sending"
        >
          Fresh start
        </button>
      </div>
      <p className="dash-explain">{view.explanation}</p>
      <p className="hint">{nextStep(view.status, dashboard.thresholds, isSet)}</p>
    </div>
  );
}

export function EnforcementCard({ dashboard }: { dashboard: DashboardDto }) {
  return (
    <section className="card" aria-labelledby="dash-enforcement-title" data-testid="dash-enforcement">
      <h2 id="dash-enforcement-title">Reputation status</h2>
      <StatusRow view={dashboard.account} dashboard={dashboard} />
      {dashboard.configurationSets.map((v) => (
        <StatusRow key={v.configurationSet} view={v} dashboard={dashboard} />
      ))}
      {dashboard.configurationSets.length === 0 && <p className="hint">No configuration set has reputation metrics enabled, so only the account is judged.</p>}
    </section>
  );
}
