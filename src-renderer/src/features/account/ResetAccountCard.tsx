// "Reset account state": every piece of SES account state back to a new account's (identities,
// suppression list, configuration sets, scenario rules, quotas, Sesame's clock), start-up account settings
// re-applied. Mail is kept. Two-step confirm, like delete-all (no window.confirm).
import { ConfirmButton } from '../../components/ConfirmButton';
import { useStore } from '../../stores';

export function ResetAccountCard() {
  const reset = useStore((s) => s.resetAccount);
  const busy = useStore((s) => s.accountBusy);

  return (
    <section className="card card-danger" aria-labelledby="reset-title">
      <h2 id="reset-title">Reset account state</h2>
      <p className="muted">
        Back to a new SES account — sandbox, 200 per day, 1 per second, unless Sesame was started with other account settings
        (flags, environment, config file), which apply again. No identities, suppressed addresses, configuration sets or
        scenario rules; Sesame&apos;s clock in step again. Captured mail stays.
      </p>
      <div>
        <ConfirmButton
          idle={{ className: 'btn btn-danger', testId: 'reset-account', disabled: busy, children: 'Reset account state' }}
          armed={{ className: 'btn btn-danger-solid', testId: 'reset-account-confirm', disabled: busy, children: 'Reset everything except mail?' }}
          onConfirm={() => void reset()}
        />
      </div>
    </section>
  );
}
