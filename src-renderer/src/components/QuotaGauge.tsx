// The sending quota as a gauge, shared by the Account screen's quota card and the dashboard's quota panel:
// SentLast24Hours against Max24HourSend (rolling 24 hours, recipients; -1 = unlimited) with a meter toned
// good/warn (80 %)/bad (full), then facts — the maximum send rate, whether sending is enabled, and any the
// caller adds as children. Test ids: `${testIdPrefix}-sent|-max|-gauge|-rate`.
// Owns: that markup and the fraction/tone maths. Must not: fetch or read the store.
import type { ReactNode } from 'react';
import { formatLimit } from '../lib/duration';

interface Props {
  max: number;
  sent: number;
  maxSendRate: number;
  sendingEnabled: boolean;
  testIdPrefix: string;
  /** The Sending chip's test id, when the caller has one. */
  sendingTestId?: string;
  /** More facts (`<div className="fact">`) after Maximum send rate and Sending. */
  children?: ReactNode;
}

export function QuotaGauge({ max, sent, maxSendRate, sendingEnabled, testIdPrefix, sendingTestId, children }: Props) {
  const fraction = max < 0 ? 0 : max === 0 ? 1 : Math.min(1, sent / max);
  const tone = fraction >= 1 ? 'bad' : fraction >= 0.8 ? 'warn' : 'good';
  return (
    <>
      <div className="gauge-line">
        <span className="gauge-value" data-testid={`${testIdPrefix}-sent`}>
          {sent.toLocaleString('en')}
        </span>
        <span className="muted">
          of <span data-testid={`${testIdPrefix}-max`}>{formatLimit(max)}</span> in the last 24 hours
        </span>
      </div>
      <div
        className={`gauge gauge-${tone}`}
        role="meter"
        aria-label="Daily quota used"
        aria-valuemin={0}
        aria-valuemax={max < 0 ? undefined : max}
        aria-valuenow={sent}
        data-testid={`${testIdPrefix}-gauge`}
      >
        <span className="gauge-fill" style={{ width: `${Math.round(fraction * 100)}%` }} />
      </div>
      <dl className="facts">
        <div className="fact">
          <dt>Maximum send rate</dt>
          <dd data-testid={`${testIdPrefix}-rate`}>{maxSendRate.toLocaleString('en')} per second</dd>
        </div>
        <div className="fact">
          <dt>Sending</dt>
          <dd>
            <span className={`chip ${sendingEnabled ? 'chip-good' : 'chip-bad'}`} data-testid={sendingTestId}>
              {sendingEnabled ? 'Enabled' : 'Disabled'}
            </span>
          </dd>
        </div>
        {children}
      </dl>
    </>
  );
}
