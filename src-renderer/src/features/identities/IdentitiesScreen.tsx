// The Identities screen: create an email address or domain identity, the list (type, verification and
// DKIM status), and the open identity's details. Refetches on open and after every action.
import { useEffect, useState, type FormEvent } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useStore } from '../../stores';
import { IdentityDetail } from './IdentityDetail';
import { VerificationChip } from './VerificationChip';

function CreateIdentityForm() {
  const create = useStore((s) => s.createIdentity);
  const busy = useStore((s) => s.identitiesBusy);
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const identity = text.trim();
    if (identity) void create(identity).then((ok) => ok && setText(''));
  };
  return (
    <form className="form form-inline" onSubmit={submit} data-testid="identity-create-form">
      <label className="sr-only" htmlFor="identity-new">
        Email address or domain
      </label>
      <input id="identity-new" className="input input-wide" placeholder="sender@example.com or example.com" value={text} onChange={(e) => setText(e.target.value)} data-testid="identity-input" />
      <button type="submit" className="btn btn-primary" disabled={busy || text.trim() === ''} data-testid="identity-create">
        Create identity
      </button>
    </form>
  );
}

export function IdentitiesScreen() {
  const identities = useStore((s) => s.identities);
  const loaded = useStore((s) => s.identitiesLoaded);
  const error = useStore((s) => s.identitiesError);
  const open = useStore((s) => s.openIdentity);
  const setOpen = useStore((s) => s.setOpenIdentity);
  const load = useStore((s) => s.loadIdentities);

  useEffect(() => {
    void load();
  }, [load]);

  const current = identities.find((i) => i.identity === open) ?? null;

  return (
    <div className="screen screen-split" data-testid="identities-screen">
      <header className="screen-head">
        <h1>Identities</h1>
        <CreateIdentityForm />
      </header>
      <ErrorBanner error={error} />
      {loaded && identities.length === 0 ? (
        <EmptyState title="No identities yet" icon="badge" testId="identities-empty">
          <p>
            Create an email address or a domain. Until it is verified, sending from it is refused as SES refuses it — unless
            auto-verify is on (Account → Settings).
          </p>
        </EmptyState>
      ) : (
        <div className="split">
          <ul className="identity-list" aria-label="Identities" data-testid="identity-list">
            {identities.map((i) => (
              <li key={i.identity}>
                <button
                  type="button"
                  className={`identity-row ${i.identity === open ? 'is-selected' : ''}`}
                  aria-current={i.identity === open ? 'true' : undefined}
                  onClick={() => setOpen(i.identity)}
                  data-testid="identity-row"
                  data-identity={i.identity}
                  data-status={i.verificationStatus}
                >
                  <span className="identity-name">{i.identity}</span>
                  <span className="identity-meta">
                    <span className="chip chip-plain">{i.type === 'DOMAIN' ? 'Domain' : 'Email'}</span>
                    <VerificationChip status={i.verificationStatus} testId="identity-status" />
                    {i.type === 'DOMAIN' && <VerificationChip status={i.dkim.status} prefix="DKIM" />}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <div className="split-detail">{current ? <IdentityDetail identity={current} /> : <EmptyState title="Select an identity" icon="badge" />}</div>
        </div>
      )}
    </div>
  );
}
