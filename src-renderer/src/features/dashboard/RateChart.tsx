// One reputation rate (hard bounces or complaints) over the range, as a running rate, against the review
// and pause lines from the reputation settings (SES: 5 %/10 % and 0.1 %/0.5 %), with the rate SES would
// judge today (the reputation window) beside the title.
import { CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardDto } from '../../../../src-main/contract';
import { pct, rateAxisMax, tickLabel, type RateRow } from './chart-model';

export interface RateChartProps {
  dashboard: DashboardDto;
  /** runningRates(dashboard), computed once by the screen for both charts. */
  rows: RateRow[];
  kind: 'bounce' | 'complaint';
}

export function RateChart({ dashboard, rows, kind }: RateChartProps) {
  const t = dashboard.thresholds;
  // Percent, rounded off float dust (0.001 × 100 = 0.1).
  const review = Number(((kind === 'bounce' ? t.bounceReview : t.complaintReview) * 100).toPrecision(6));
  const pause = Number(((kind === 'bounce' ? t.bouncePause : t.complaintPause) * 100).toPrecision(6));
  const current = kind === 'bounce' ? dashboard.account.bounceRate : dashboard.account.complaintRate;
  const digits = kind === 'bounce' ? 2 : 3;
  const title = kind === 'bounce' ? 'Bounce rate' : 'Complaint rate';
  const colour = kind === 'bounce' ? 'var(--dash-hard)' : 'var(--dash-complaint)';
  const step = dashboard.series.stepMs;
  // The latest running rate as a dot: with every send in one bucket the line alone would be a single invisible point.
  const last = [...rows].reverse().find((r) => r[kind] !== null);
  return (
    <section className="card" aria-labelledby={`dash-${kind}-title`} data-testid={`dash-rate-${kind}`}>
      <h2 id={`dash-${kind}-title`}>
        {title} <span className="dash-rate-now" data-testid={`dash-rate-${kind}-now`}>{pct(current, digits)}</span>
      </h2>
      <div className="dash-chart" style={{ height: 200 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="t" tickFormatter={(v: number) => tickLabel(v, step)} stroke="var(--fg-muted)" minTickGap={32} fontSize={11} />
            <YAxis domain={[0, rateAxisMax(rows, kind, pause)]} tickFormatter={(v: number) => `${v}%`} stroke="var(--fg-muted)" fontSize={11} width={48} />
            <Tooltip
              labelFormatter={(v) => new Date(Number(v)).toLocaleString()}
              formatter={(v) => [`${Number(v).toFixed(digits)} %`, title]}
              contentStyle={{ background: 'var(--bg)', border: '1px solid var(--border)', color: 'var(--fg)' }}
            />
            <ReferenceLine y={review} stroke="var(--warn)" strokeDasharray="6 3" label={{ value: `review ${review}%`, position: 'insideTopLeft', fill: 'var(--warn)', fontSize: 11 }} />
            <ReferenceLine y={pause} stroke="var(--bad)" strokeDasharray="6 3" label={{ value: `pause ${pause}%`, position: 'insideTopLeft', fill: 'var(--bad)', fontSize: 11 }} />
            {last && <ReferenceDot x={last.t} y={last[kind]!} r={4} fill={colour} stroke="var(--bg)" />}
            <Line type="stepAfter" dataKey={kind} name={title} stroke={colour} strokeWidth={2} dot={false} connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="hint">
        The line is the running rate of this range (all sends); the figure beside the title is the rate SES judges: the reputation window, without
        mailbox-simulator and suppressed recipients.
      </p>
    </section>
  );
}
