// The Suppression screen: the account-level suppression list (newest first) with a search by address and a
// reason filter, each entry removable; add, import and export in the toolbar. Refetches on open and after
// every action.
import { useEffect, useState } from 'react';
import type { SuppressionReasonName } from '../../../../src-main/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { longTime, shortTime } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useStore } from '../../stores';
import { SuppressionToolbar } from './SuppressionToolbar';

const FILTERS: { id: SuppressionReasonName | null; label: string }[] = [
  { id: null, label: 'All' },
  { id: 'BOUNCE', label: 'Bounce' },
  { id: 'COMPLAINT', label: 'Complaint' },
];

export function SuppressionScreen() {
  const entries = useStore((s) => s.suppressed);
  const cursor = useStore((s) => s.suppressionCursor);
  const loaded = useStore((s) => s.suppressionLoaded);
  const error = useStore((s) => s.suppressionError);
  const busy = useStore((s) => s.suppressionBusy);
  const reason = useStore((s) => s.suppressionReason);
  const lastImport = useStore((s) => s.lastImport);
  const setFilter = useStore((s) => s.setSuppressionFilter);
  const load = useStore((s) => s.loadSuppression);
  const loadMore = useStore((s) => s.loadMoreSuppression);
  const remove = useStore((s) => s.unsuppress);
  const [text, setText] = useState(() => useStore.getState().suppressionQuery);
  const q = useDebouncedValue(text, 200).trim();

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (q !== useStore.getState().suppressionQuery) setFilter(q, useStore.getState().suppressionReason);
  }, [q, setFilter]);

  return (
    <div className="screen" data-testid="suppression-screen">
      <header className="screen-head">
        <h1>Suppression list</h1>
      </header>
      <SuppressionToolbar />
      <ErrorBanner error={error} />
      {lastImport && (
        <p className="callout" data-testid="suppression-import-result">
          Imported: {lastImport.added} added, {lastImport.updated} updated
          {lastImport.errors.length > 0 && `, ${lastImport.errors.length} refused`}.
          {lastImport.errors.slice(0, 5).map((e) => (
            <span key={e} className="callout-line">
              {e}
            </span>
          ))}
        </p>
      )}
      <div className="toolbar-row">
        <label className="sr-only" htmlFor="suppression-search">
          Search addresses
        </label>
        <input id="suppression-search" className="input input-wide" type="search" placeholder="Search addresses" value={text} onChange={(e) => setText(e.target.value)} data-testid="suppression-search" />
        <div className="segmented" role="group" aria-label="Reason">
          {FILTERS.map((f) => (
            <button key={f.label} type="button" aria-pressed={reason === f.id} className={reason === f.id ? 'active' : ''} onClick={() => setFilter(q, f.id)} data-testid={`suppression-filter-${f.label.toLowerCase()}`}>
              {f.label}
            </button>
          ))}
        </div>
      </div>
      {loaded && entries.length === 0 ? (
        <EmptyState title={q || reason ? 'No matching addresses' : 'The suppression list is empty'} icon="ban" testId="suppression-empty">
          <p>Hard bounces and complaints add addresses here (for the reasons the account suppresses); sends to them are accepted and not delivered.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="data-table" data-testid="suppression-table">
            <thead>
              <tr>
                <th scope="col">Email address</th>
                <th scope="col">Reason</th>
                <th scope="col">Last update</th>
                <th scope="col">Message</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.emailAddress} data-testid="suppression-row" data-address={e.emailAddress}>
                  <td className="wrap-anywhere">{e.emailAddress}</td>
                  <td>
                    <span className={`chip ${e.reason === 'BOUNCE' ? 'chip-bad' : 'chip-warn'}`}>{e.reason}</span>
                  </td>
                  <td title={longTime(e.lastUpdateTime)}>{shortTime(e.lastUpdateTime)}</td>
                  <td className="muted wrap-anywhere">{e.messageId ?? '—'}</td>
                  <td className="cell-actions">
                    <button type="button" className="btn btn-ghost btn-small btn-danger" disabled={busy} onClick={() => void remove(e.emailAddress)} aria-label={`Remove ${e.emailAddress}`} data-testid="suppression-remove">
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {cursor && (
            <button type="button" className="btn load-more" onClick={() => void loadMore()} data-testid="suppression-more">
              Load more
            </button>
          )}
        </div>
      )}
    </div>
  );
}
