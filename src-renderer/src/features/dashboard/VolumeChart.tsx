// Volume over time: one line per counted outcome (sends, deliveries, hard and soft bounces, complaints,
// rejects, opens, clicks) per bucket of the chosen range, with a legend; recharts draws SVG.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { DASHBOARD_METRICS, type DashboardDto } from '../../../../src-main/contract';
import { METRIC_COLOURS, METRIC_LABELS, tickLabel, volumeRows } from './chart-model';

export function VolumeChart({ dashboard }: { dashboard: DashboardDto }) {
  const rows = volumeRows(dashboard);
  const step = dashboard.series.stepMs;
  return (
    <section className="card dash-wide" aria-labelledby="dash-volume-title" data-testid="dash-volume">
      <h2 id="dash-volume-title">Volume over time</h2>
      <div className="dash-chart" style={{ height: 260 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="t" tickFormatter={(t: number) => tickLabel(t, step)} stroke="var(--fg-muted)" minTickGap={32} fontSize={11} />
            <YAxis allowDecimals={false} stroke="var(--fg-muted)" fontSize={11} width={40} />
            <Tooltip
              labelFormatter={(t) => new Date(Number(t)).toLocaleString()}
              contentStyle={{ background: 'var(--bg)', border: '1px solid var(--border)', color: 'var(--fg)' }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {DASHBOARD_METRICS.map((m) => (
              <Line key={m} type="monotone" dataKey={m} name={METRIC_LABELS[m]} stroke={METRIC_COLOURS[m]} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="hint">Counts are per recipient, in {Math.round(step / 60_000)}-minute buckets of Sesame&apos;s time.</p>
    </section>
  );
}
