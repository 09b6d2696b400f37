// Sending quota as GetAccount reports it: a gauge of SentLast24Hours against Max24HourSend (rolling 24 hours,
// recipients not messages), the maximum send rate, and whether the account may send at all
// (components/QuotaGauge, shared with the dashboard), with the enforcement status and the suppression list.
import type { AccountDto } from '../../../../src-main/contract';
import { QuotaGauge } from '../../components/QuotaGauge';
import { STATUS_TONE, STATUS_WORDS } from '../dashboard/chart-model';

export function QuotaCard({ account }: { account: AccountDto }) {
  const { max24HourSend, sentLast24Hours, maxSendRate } = account.sendQuota;
  return (
    <section className="card" aria-labelledby="quota-title" data-testid="quota-card">
      <h2 id="quota-title">Sending quota</h2>
      <QuotaGauge
        max={max24HourSend}
        sent={sentLast24Hours}
        maxSendRate={maxSendRate}
        sendingEnabled={account.sendingEnabled}
        testIdPrefix="quota"
        sendingTestId="sending-enabled"
      >
        <div className="fact">
          <dt>Enforcement status</dt>
          <dd>
            <span className={`chip chip-${STATUS_TONE[account.enforcementStatus]}`} data-testid="enforcement-status">
              {STATUS_WORDS[account.enforcementStatus]} ({account.enforcementStatus})
            </span>
          </dd>
        </div>
        <div className="fact">
          <dt>Suppression list</dt>
          <dd>{account.suppressedReasons.length ? account.suppressedReasons.join(', ') : 'off'}</dd>
        </div>
      </QuotaGauge>
      <p className="hint">Quotas count recipients, not messages. Mailbox simulator sends count toward the rate only.</p>
    </section>
  );
}
