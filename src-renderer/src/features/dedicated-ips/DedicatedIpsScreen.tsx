// The Dedicated IPs screen (core/dedicated-ips, simulated): the account's pools with their scaling mode, its
// dedicated IPs with warm-up bars (today's volume against the day's allowance), and the actions SES offers —
// lease IPs (SES: console/support; Sesame: a button), create or delete a pool, switch a pool to MANAGED, move
// an IP to a pool, set a warm-up percentage, toggle automatic warm-up. Sends take a dedicated IP when their
// configuration set's SendingPoolName names a pool with IPs (or none is named and the account has unpooled
// IPs); see each message's X-SES-Outgoing header and Delivery event `ses:outgoing-ip`.
// Owns: this screen's layout. Must not: decide routing or warm-up (the engine does).
import { useEffect, useState, type FormEvent } from 'react';
import { DEDICATED_IP_LEASE_MAX, type ScalingModeName } from '../../../../src-main/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useStore } from '../../stores';
import { IpTable } from './IpTable';

export function DedicatedIpsScreen() {
  const state = useStore((s) => s.dedicatedIps);
  const error = useStore((s) => s.dedicatedIpsError);
  const busy = useStore((s) => s.dedicatedIpsBusy);
  const load = useStore((s) => s.loadDedicatedIps);
  const lease = useStore((s) => s.leaseIps);
  const createPool = useStore((s) => s.createIpPool);
  const deletePool = useStore((s) => s.deleteIpPool);
  const setScaling = useStore((s) => s.setPoolScaling);
  const setAutoWarmup = useStore((s) => s.setAutoWarmup);
  const [poolName, setPoolName] = useState('');
  const [mode, setMode] = useState<ScalingModeName>('STANDARD');
  const [count, setCount] = useState(1);

  useEffect(() => {
    void load();
  }, [load]);

  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    if (await createPool(poolName.trim(), mode)) setPoolName('');
  };

  return (
    <div className="screen" data-testid="dedicated-ips-screen">
      <header className="screen-head">
        <h1>Dedicated IPs</h1>
      </header>
      <p className="callout">
        Simulated: leased IPs come from 198.51.100.0/24, managed ones from 203.0.113.0/24. A send uses its configuration set&apos;s sending pool; while an IP
        warms up (automatic warm-up on), mail above its daily allowance goes out on the shared pool (54.240.9.183).
      </p>
      <ErrorBanner error={error} />
      <div className="toolbar-row">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={state?.autoWarmupEnabled ?? false}
            disabled={busy || !state}
            onChange={(e) => void setAutoWarmup(e.target.checked)}
            data-testid="dedicated-auto-warmup"
          />{' '}
          Automatic warm-up
        </label>
        <span className="toolbar-spacer" />
        <label className="sr-only" htmlFor="lease-count">
          IPs to lease
        </label>
        <input
          id="lease-count"
          className="input input-auto"
          type="number"
          min={1}
          max={DEDICATED_IP_LEASE_MAX}
          value={count}
          onChange={(e) => setCount(Math.max(1, Math.min(DEDICATED_IP_LEASE_MAX, Number(e.target.value) || 1)))}
          data-testid="dedicated-lease-count"
        />
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void lease(count, null)} data-testid="dedicated-lease">
          Lease IPs
        </button>
      </div>
      <h2 className="section-title">Pools</h2>
      <form className="form form-inline" onSubmit={(e) => void onCreate(e)} data-testid="dedicated-pool-form">
        <label className="sr-only" htmlFor="pool-name">
          Pool name
        </label>
        <input
          id="pool-name"
          className="input"
          placeholder="pool name"
          value={poolName}
          onChange={(e) => setPoolName(e.target.value)}
          data-testid="dedicated-pool-name"
        />
        <select
          className="input input-auto"
          value={mode}
          onChange={(e) => setMode(e.target.value as ScalingModeName)}
          aria-label="Scaling mode"
          data-testid="dedicated-pool-mode"
        >
          <option value="STANDARD">STANDARD</option>
          <option value="MANAGED">MANAGED</option>
        </select>
        <button type="submit" className="btn" disabled={busy || poolName.trim() === ''} data-testid="dedicated-pool-create">
          Create pool
        </button>
      </form>
      {state && state.pools.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="dedicated-pools-table">
            <thead>
              <tr>
                <th>Pool</th>
                <th>Scaling mode</th>
                <th>IPs</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {state.pools.map((p) => (
                <tr key={p.poolName} data-testid={`dedicated-pool-${p.poolName}`}>
                  <td>{p.poolName}</td>
                  <td>{p.scalingMode}</td>
                  <td>{p.ips.length ? p.ips.join(', ') : '—'}</td>
                  <td className="row-actions">
                    <div style={{ display: 'flex', gap: 6 }}>
                      {p.scalingMode === 'STANDARD' && (
                        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void setScaling(p.poolName, 'MANAGED')}>
                          Make managed
                        </button>
                      )}
                      <button
                        type="button"
                        className="btn btn-small"
                        disabled={busy}
                        onClick={() => void deletePool(p.poolName)}
                        data-testid={`dedicated-pool-delete-${p.poolName}`}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 className="section-title">IPs</h2>
      {state && state.ips.length === 0 ? (
        <EmptyState title="No dedicated IPs" icon="globe" testId="dedicated-ips-empty">
          <p>Every send goes out from SES&apos;s shared pool. Lease IPs, or create a MANAGED pool, to send from dedicated ones.</p>
        </EmptyState>
      ) : (
        state && <IpTable state={state} busy={busy} />
      )}
    </div>
  );
}
