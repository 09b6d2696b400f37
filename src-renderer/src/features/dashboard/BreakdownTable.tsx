// A per-configuration-set or per-identity table of the range's counts (from the metrics breakdown), biggest
// senders first, with hard-bounce and complaint rates per row. Clicking a row filters the dashboard to it.
import { DASHBOARD_METRICS, type DashboardBreakdownRowDto } from '../../../../src-main/contract';
import { METRIC_LABELS, pct } from './chart-model';

export interface BreakdownTableProps {
  title: string;
  testId: string;
  rows: DashboardBreakdownRowDto[];
  noneLabel: string;
  onPick?: (key: string) => void;
}

export function BreakdownTable({ title, testId, rows, noneLabel, onPick }: BreakdownTableProps) {
  return (
    <section className="card dash-wide" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">Nothing counted in this range.</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table dash-table">
            <thead>
              <tr>
                <th>Name</th>
                {DASHBOARD_METRICS.map((m) => (
                  <th key={m} className="num">
                    {METRIC_LABELS[m]}
                  </th>
                ))}
                <th className="num">Bounce rate</th>
                <th className="num">Complaint rate</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-testid={`${testId}-row`} data-key={r.key}>
                  <td>
                    {onPick && r.key ? (
                      <button type="button" className="btn-link" onClick={() => onPick(r.key)} title="Show only this">
                        {r.key}
                      </button>
                    ) : (
                      r.key || <span className="muted">{noneLabel}</span>
                    )}
                  </td>
                  {DASHBOARD_METRICS.map((m) => (
                    <td key={m} className="num">
                      {r.counts[m].toLocaleString('en')}
                    </td>
                  ))}
                  <td className="num">{r.counts.SEND ? pct(r.counts.PERMANENT_BOUNCE / r.counts.SEND) : '—'}</td>
                  <td className="num">{r.counts.SEND ? pct(r.counts.COMPLAINT / r.counts.SEND, 3) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
