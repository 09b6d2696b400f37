// Quota used against Max24HourSend (rolling 24 hours, recipients) as a gauge, and the maximum send rate
// (components/QuotaGauge, shared with the Account screen's quota card).
import type { DashboardQuotaDto } from '../../../../src-main/contract';
import { QuotaGauge } from '../../components/QuotaGauge';

export function QuotaPanel({ quota }: { quota: DashboardQuotaDto }) {
  return (
    <section className="card" aria-labelledby="dash-quota-title" data-testid="dash-quota">
      <h2 id="dash-quota-title">Quota and rate</h2>
      <QuotaGauge
        max={quota.max24HourSend}
        sent={quota.sentLast24Hours}
        maxSendRate={quota.maxSendRate}
        sendingEnabled={quota.sendingEnabled}
        testIdPrefix="dash-quota"
      />
    </section>
  );
}
