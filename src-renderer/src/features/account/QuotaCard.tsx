// Sending quota as GetAccount reports it: a gauge of SentLast24Hours against Max24HourSend (rolling 24 hours,
// recipients not messages), the maximum send rate, and whether the account may send at all.
import type { AccountDto } from '../../../../src-main/contract';
import { formatLimit } from '../../lib/duration';

const ENFORCEMENT_TONE = { HEALTHY: 'good', PROBATION: 'warn', SHUTDOWN: 'bad' } as const;
const ENFORCEMENT_LABEL = { HEALTHY: 'Healthy', PROBATION: 'Under review', SHUTDOWN: 'Sending paused' } as const;

export function QuotaCard({ account }: { account: AccountDto }) {
  const { max24HourSend: max, sentLast24Hours: sent, maxSendRate } = account.sendQuota;
  const fraction = max < 0 ? 0 : max === 0 ? 1 : Math.min(1, sent / max);
  const tone = fraction >= 1 ? 'bad' : fraction >= 0.8 ? 'warn' : 'good';
  return (
    <section className="card" aria-labelledby="quota-title" data-testid="quota-card">
      <h2 id="quota-title">Sending quota</h2>
      <div className="gauge-line">
        <span className="gauge-value" data-testid="quota-sent">
          {sent.toLocaleString('en')}
        </span>
        <span className="muted">
          of <span data-testid="quota-max">{formatLimit(max)}</span> in the last 24 hours
        </span>
      </div>
      <div
        className={`gauge gauge-${tone}`}
        role="meter"
        aria-label="Daily quota used"
        aria-valuemin={0}
        aria-valuemax={max < 0 ? undefined : max}
        aria-valuenow={sent}
        data-testid="quota-gauge"
      >
        <span className="gauge-fill" style={{ width: `${Math.round(fraction * 100)}%` }} />
      </div>
      <dl className="facts">
        <div className="fact">
          <dt>Maximum send rate</dt>
          <dd data-testid="quota-rate">{maxSendRate.toLocaleString('en')} per second</dd>
        </div>
        <div className="fact">
          <dt>Sending</dt>
          <dd>
            <span className={`chip ${account.sendingEnabled ? 'chip-good' : 'chip-bad'}`} data-testid="sending-enabled">
              {account.sendingEnabled ? 'Enabled' : 'Disabled'}
            </span>
          </dd>
        </div>
        <div className="fact">
          <dt>Enforcement status</dt>
          <dd>
            <span className={`chip chip-${ENFORCEMENT_TONE[account.enforcementStatus]}`} data-testid="enforcement-status">
              {ENFORCEMENT_LABEL[account.enforcementStatus]} ({account.enforcementStatus})
            </span>
          </dd>
        </div>
        <div className="fact">
          <dt>Suppression list</dt>
          <dd>{account.suppressedReasons.length ? account.suppressedReasons.join(', ') : 'off'}</dd>
        </div>
      </dl>
      <p className="hint">Quotas count recipients, not messages. Mailbox simulator sends count toward the rate only.</p>
    </section>
  );
}
