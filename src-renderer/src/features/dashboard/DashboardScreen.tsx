// The Dashboard screen (issue 6): what the account sent and what became of it over 24 hours, 7 or 14 days —
// volume, bounce and complaint rates against the review/pause lines, the enforcement status in words with
// fresh starts, quota and rate, per-set and per-identity tables and the SES cost of the same traffic.
// Loads on open, refreshes (debounced) when the live stream reports sends and events, and every half
// minute (time moves the window). Must not: compute anything the server computes.
import { useEffect, useMemo, useState } from 'react';
import { DASHBOARD_RANGES } from '../../../../src-main/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useStore } from '../../stores';
import { BreakdownTable } from './BreakdownTable';
import { runningRates } from './chart-model';
import { CostPanel } from './CostPanel';
import { EnforcementCard } from './EnforcementCard';
import { QuotaPanel } from './QuotaPanel';
import { ReputationSettingsCard } from './ReputationSettingsCard';
import { RateChart } from './RateChart';
import { VolumeChart } from './VolumeChart';
import '../../styles/dashboard.css';

const REFRESH_MS = 30_000;
const RANGE_LABELS = { '24h': '24 hours', '7d': '7 days', '14d': '14 days' } as const;

function Filters() {
  const filter = useStore((s) => s.dashboardFilter);
  const setFilter = useStore((s) => s.setDashboardFilter);
  const [set_, setSet] = useState(filter.configurationSet);
  const [identity, setIdentity] = useState(filter.identity);
  useEffect(() => {
    setSet(filter.configurationSet);
    setIdentity(filter.identity);
  }, [filter]);
  return (
    <form
      className="dash-filters"
      onSubmit={(e) => {
        e.preventDefault();
        setFilter({ configurationSet: set_, identity });
      }}
    >
      <input className="input" placeholder="Configuration set" aria-label="Configuration set" value={set_} onChange={(e) => setSet(e.target.value)} data-testid="dash-filter-set" />
      <input className="input" placeholder="Identity" aria-label="Identity" value={identity} onChange={(e) => setIdentity(e.target.value)} data-testid="dash-filter-identity" />
      <button type="submit" className="btn btn-small">
        Filter
      </button>
      {(filter.configurationSet || filter.identity) && (
        <button type="button" className="btn btn-small btn-ghost" onClick={() => setFilter({ configurationSet: '', identity: '' })}>
          Clear
        </button>
      )}
    </form>
  );
}

export function DashboardScreen() {
  const dashboard = useStore((s) => s.dashboard);
  const error = useStore((s) => s.dashboardError);
  const range = useStore((s) => s.dashboardRange);
  const setRange = useStore((s) => s.setDashboardRange);
  const setFilter = useStore((s) => s.setDashboardFilter);
  // Both rate charts draw from the same running rates.
  const rates = useMemo(() => (dashboard ? runningRates(dashboard) : []), [dashboard]);

  useEffect(() => {
    const s = useStore.getState();
    s.setDashboardActive(true);
    void s.loadDashboard();
    const t = setInterval(() => void useStore.getState().loadDashboard(), REFRESH_MS);
    return () => {
      clearInterval(t);
      useStore.getState().setDashboardActive(false);
    };
  }, []);

  return (
    <div className="screen screen-wide dash" data-testid="dashboard-screen">
      <header className="screen-head">
        <h1>Dashboard</h1>
        <div className="segmented" role="group" aria-label="Range">
          {DASHBOARD_RANGES.map((r) => (
            <button key={r} type="button" className={r === range ? 'active' : ''} aria-pressed={r === range} onClick={() => setRange(r)} data-testid={`dash-range-${r}`}>
              {RANGE_LABELS[r]}
            </button>
          ))}
        </div>
        <Filters />
      </header>
      <ErrorBanner error={error} />
      {!dashboard ? (
        !error && <EmptyState title="Loading the dashboard…" icon="chart" />
      ) : (
        <div className="dash-grid">
          <VolumeChart dashboard={dashboard} />
          <RateChart dashboard={dashboard} rows={rates} kind="bounce" />
          <RateChart dashboard={dashboard} rows={rates} kind="complaint" />
          <EnforcementCard dashboard={dashboard} />
          <QuotaPanel quota={dashboard.quota} />
          <ReputationSettingsCard thresholds={dashboard.thresholds} />
          <BreakdownTable title="By configuration set" testId="dash-by-set" rows={dashboard.byConfigurationSet} noneLabel="(no configuration set)" onPick={(k) => setFilter({ configurationSet: k })} />
          <BreakdownTable title="By identity" testId="dash-by-identity" rows={dashboard.byIdentity} noneLabel="(unknown)" onPick={(k) => setFilter({ identity: k })} />
          <CostPanel cost={dashboard.cost} />
        </div>
      )}
    </div>
  );
}
