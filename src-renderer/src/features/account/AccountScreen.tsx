// The Account screen: the sandbox badge, the quota and rate, production access and its review, Sesame's
// settings for the account, time travel and reset. Refetches on open and every few seconds while open
// (the quota window and a pending review move with time).
import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useStore } from '../../stores';
import { AccountSettingsCard } from './AccountSettingsCard';
import { ProductionAccessCard } from './ProductionAccessCard';
import { QuotaCard } from './QuotaCard';
import { ResetAccountCard } from './ResetAccountCard';
import { SandboxBadge } from './SandboxBadge';
import { TimeTravel } from './TimeTravel';

const REFRESH_MS = 5_000;

export function AccountScreen() {
  const account = useStore((s) => s.account);
  const error = useStore((s) => s.accountError);
  const load = useStore((s) => s.loadAccount);

  useEffect(() => {
    void load();
    const t = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(t);
  }, [load]);

  return (
    <div className="screen" data-testid="account-screen">
      <header className="screen-head">
        <h1>Account</h1>
        {account && <SandboxBadge sandbox={account.sandbox} />}
        {account && (
          <span className="muted">
            {account.region} · {account.accountId}
          </span>
        )}
      </header>
      <ErrorBanner error={error} />
      {!account ? (
        !error && <EmptyState title="Loading the account…" icon="gauge" />
      ) : (
        <div className="cards">
          <QuotaCard account={account} />
          <section className="card" aria-labelledby="time-title">
            <h2 id="time-title">Sesame&apos;s clock</h2>
            <TimeTravel />
            <p className="hint">
              Moving forward runs scheduled outcomes (retries, delayed complaints), ages the 24-hour quota window and lets a
              pending review decide.
            </p>
          </section>
          <ProductionAccessCard account={account} />
          <AccountSettingsCard account={account} />
          <ResetAccountCard />
        </div>
      )}
    </div>
  );
}
