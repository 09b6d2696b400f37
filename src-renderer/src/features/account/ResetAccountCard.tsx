// "Reset account state": every piece of SES account state back to a new account's (identities,
// suppression list, configuration sets, scenario rules, quotas, Sesame's clock), start-up account settings
// re-applied. Mail is kept. Two-step confirm, like delete-all (no window.confirm).
import { useEffect, useState } from 'react';
import { useStore } from '../../stores';

const ARM_MS = 4_000;

export function ResetAccountCard() {
  const reset = useStore((s) => s.resetAccount);
  const busy = useStore((s) => s.accountBusy);
  const [armed, setArmed] = useState(false);

  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), ARM_MS);
    return () => clearTimeout(t);
  }, [armed]);

  return (
    <section className="card card-danger" aria-labelledby="reset-title">
      <h2 id="reset-title">Reset account state</h2>
      <p className="muted">
        Back to a new SES account — sandbox, 200 per day, 1 per second, unless Sesame was started with other account settings
        (flags, environment, config file), which apply again. No identities, suppressed addresses, configuration sets or
        scenario rules; Sesame&apos;s clock in step again. Captured mail stays.
      </p>
      <div>
        {armed ? (
          <button
            type="button"
            className="btn btn-danger-solid"
            autoFocus
            disabled={busy}
            onBlur={() => setArmed(false)}
            onClick={() => {
              setArmed(false);
              void reset();
            }}
            data-testid="reset-account-confirm"
          >
            Reset everything except mail?
          </button>
        ) : (
          <button type="button" className="btn btn-danger" disabled={busy} onClick={() => setArmed(true)} data-testid="reset-account">
            Reset account state
          </button>
        )}
      </div>
    </section>
  );
}
