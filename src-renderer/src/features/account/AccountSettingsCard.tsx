// Sesame's settings for the account, set directly (no review): sandbox, the daily quota and send rate,
// sending enabled, enforcement status, auto-verify for CI, and the account-level suppression reasons.
// Switches apply at once; the two numbers apply with their button. Must not: validate limits beyond the
// form (the UI API refuses bad values and the answer is shown).
import { useEffect, useState, type FormEvent } from 'react';
import type { AccountDto, EnforcementStatusName, SuppressionReasonName } from '../../../../src-main/contract';
import { Switch } from '../../components/Switch';
import { useStore } from '../../stores';

const ENFORCEMENT: EnforcementStatusName[] = ['HEALTHY', 'PROBATION', 'SHUTDOWN'];
const REASONS: SuppressionReasonName[] = ['BOUNCE', 'COMPLAINT'];

export function AccountSettingsCard({ account }: { account: AccountDto }) {
  const update = useStore((s) => s.updateAccount);
  const busy = useStore((s) => s.accountBusy);
  const [max, setMax] = useState(String(account.sendQuota.max24HourSend));
  const [rate, setRate] = useState(String(account.sendQuota.maxSendRate));

  // Follow the server when it changes underneath (a granted review, a reset, another window).
  useEffect(() => setMax(String(account.sendQuota.max24HourSend)), [account.sendQuota.max24HourSend]);
  useEffect(() => setRate(String(account.sendQuota.maxSendRate)), [account.sendQuota.maxSendRate]);

  const applyLimits = (e: FormEvent) => {
    e.preventDefault();
    void update({ max24HourSend: Number(max), maxSendRate: Number(rate) });
  };
  const toggleReason = (reason: SuppressionReasonName, on: boolean) => {
    const next = REASONS.filter((r) => (r === reason ? on : account.suppressedReasons.includes(r)));
    void update({ suppressedReasons: next });
  };

  return (
    <section className="card" aria-labelledby="account-settings-title" data-testid="account-settings">
      <h2 id="account-settings-title">Settings</h2>
      <div className="switch-list">
        <Switch checked={account.sandbox} disabled={busy} onChange={(sandbox) => void update({ sandbox })} testId="setting-sandbox">
          Sandbox (verified recipients only)
        </Switch>
        <Switch checked={account.sendingEnabled} disabled={busy} onChange={(sendingEnabled) => void update({ sendingEnabled })} testId="setting-sending">
          Sending enabled
        </Switch>
        <Switch checked={account.autoVerify} disabled={busy} onChange={(autoVerify) => void update({ autoVerify })} testId="setting-auto-verify" describedBy="auto-verify-hint">
          Auto-verify identities (CI)
        </Switch>
        <p className="hint" id="auto-verify-hint">
          New identities are verified at once and every address counts as verified.
        </p>
      </div>

      <form className="limits-form" onSubmit={applyLimits} data-testid="limits-form">
        <label className="field">
          <span>Max per 24 hours (−1 = unlimited)</span>
          <input className="input" type="number" min={-1} step={1} required value={max} onChange={(e) => setMax(e.target.value)} data-testid="setting-max-24h" />
        </label>
        <label className="field">
          <span>Max send rate (per second)</span>
          <input className="input" type="number" min={0.01} step="any" required value={rate} onChange={(e) => setRate(e.target.value)} data-testid="setting-rate" />
        </label>
        <button type="submit" className="btn" disabled={busy} data-testid="setting-limits-apply">
          Apply limits
        </button>
      </form>

      <div className="field">
        <span id="enforcement-label">Enforcement status</span>
        <div className="segmented" role="group" aria-labelledby="enforcement-label">
          {ENFORCEMENT.map((status) => (
            <button
              key={status}
              type="button"
              aria-pressed={account.enforcementStatus === status}
              className={account.enforcementStatus === status ? 'active' : ''}
              disabled={busy}
              onClick={() => void update({ enforcementStatus: status })}
              data-testid={`setting-enforcement-${status}`}
            >
              {status}
            </button>
          ))}
        </div>
      </div>

      <div className="field">
        <span>Account suppression list applies to</span>
        <div className="switch-row">
          {REASONS.map((reason) => (
            <Switch
              key={reason}
              checked={account.suppressedReasons.includes(reason)}
              disabled={busy}
              onChange={(on) => toggleReason(reason, on)}
              testId={`setting-suppress-${reason}`}
            >
              {reason === 'BOUNCE' ? 'Bounces' : 'Complaints'}
            </Switch>
          ))}
        </div>
      </div>
    </section>
  );
}
