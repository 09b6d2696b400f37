// Quota used against Max24HourSend (rolling 24 hours, recipients) as a gauge, and the maximum send rate.
import type { DashboardQuotaDto } from '../../../../src-main/contract';
import { formatLimit } from '../../lib/duration';

export function QuotaPanel({ quota }: { quota: DashboardQuotaDto }) {
  const { max24HourSend: max, sentLast24Hours: sent } = quota;
  const fraction = max < 0 ? 0 : max === 0 ? 1 : Math.min(1, sent / max);
  const tone = fraction >= 1 ? 'bad' : fraction >= 0.8 ? 'warn' : 'good';
  return (
    <section className="card" aria-labelledby="dash-quota-title" data-testid="dash-quota">
      <h2 id="dash-quota-title">Quota and rate</h2>
      <div className="gauge-line">
        <span className="gauge-value" data-testid="dash-quota-sent">
          {sent.toLocaleString('en')}
        </span>
        <span className="muted">of {formatLimit(max)} in the last 24 hours</span>
      </div>
      <div className={`gauge gauge-${tone}`} role="meter" aria-label="Daily quota used" aria-valuemin={0} aria-valuemax={max < 0 ? undefined : max} aria-valuenow={sent}>
        <span className="gauge-fill" style={{ width: `${Math.round(fraction * 100)}%` }} />
      </div>
      <dl className="facts">
        <div className="fact">
          <dt>Maximum send rate</dt>
          <dd data-testid="dash-quota-rate">{quota.maxSendRate.toLocaleString('en')} per second</dd>
        </div>
        <div className="fact">
          <dt>Sending</dt>
          <dd>
            <span className={`chip ${quota.sendingEnabled ? 'chip-good' : 'chip-bad'}`}>{quota.sendingEnabled ? 'Enabled' : 'Disabled'}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
