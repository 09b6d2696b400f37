// The Dedicated IPs screen's IP table: each IP's pool (movable for leased IPs), its warm-up status and a bar
// of the percentage, today's recipients against the day's allowance, and release.
// Owns: that table. Must not: fetch (the slice does).
import type { DedicatedIpDto, DedicatedIpsDto } from '../../../../src-main/contract';
import { useStore } from '../../stores';

const DEFAULT_POOL = 'ses-default-dedicated-pool';

function WarmupBar({ ip }: { ip: DedicatedIpDto }) {
  const pct = ip.warmupStatus === 'NOT_APPLICABLE' ? 100 : ip.warmupPercentage;
  return (
    <div title={`${ip.warmupStatus} ${pct} %`} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label={`Warm-up of ${ip.ip}`}
        style={{
          width: 120,
          height: 8,
          borderRadius: 4,
          background: 'var(--border, #ddd)',
          overflow: 'hidden',
        }}
      >
        <div
          style={{
            width: `${pct}%`,
            height: '100%',
            background: pct >= 100 ? 'var(--ok, #2e8b57)' : 'var(--accent, #d98b00)',
          }}
        />
      </div>
      <span>{ip.warmupStatus === 'NOT_APPLICABLE' ? 'managed by SES' : `${pct} %`}</span>
    </div>
  );
}

export function IpTable({ state, busy }: { state: DedicatedIpsDto; busy: boolean }) {
  const moveIp = useStore((s) => s.moveIp);
  const releaseIp = useStore((s) => s.releaseIp);
  const setWarmup = useStore((s) => s.setIpWarmup);
  const standardPools = [DEFAULT_POOL, ...state.pools.filter((p) => p.scalingMode === 'STANDARD').map((p) => p.poolName)];

  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="dedicated-ips-table">
        <thead>
          <tr>
            <th>IP</th>
            <th>Pool</th>
            <th>Warm-up</th>
            <th>Today</th>
            <th>Total sent</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {state.ips.map((ip) => (
            <tr key={ip.ip} data-testid={`dedicated-ip-${ip.ip}`}>
              <td className="mono">{ip.ip}</td>
              <td>
                {ip.managed ? (
                  ip.poolName
                ) : (
                  <select
                    className="input input-auto"
                    value={ip.poolName}
                    disabled={busy}
                    aria-label={`Pool of ${ip.ip}`}
                    onChange={(e) => void moveIp(ip.ip, e.target.value)}
                    data-testid={`dedicated-ip-pool-${ip.ip}`}
                  >
                    {standardPools.map((p) => (
                      <option key={p} value={p}>
                        {p}
                      </option>
                    ))}
                  </select>
                )}
              </td>
              <td>
                <WarmupBar ip={ip} />
              </td>
              <td data-testid={`dedicated-ip-today-${ip.ip}`}>
                {ip.sentToday}
                {ip.allowanceToday !== null && ` / ${ip.allowanceToday}`}
              </td>
              <td>{ip.totalSent}</td>
              <td className="row-actions">
                <div style={{ display: 'flex', gap: 6 }}>
                  {!ip.managed && ip.warmupStatus !== 'DONE' && (
                    <button type="button" className="btn btn-small" disabled={busy} onClick={() => void setWarmup(ip.ip, 100)}>
                      Mark warmed up
                    </button>
                  )}
                  {!ip.managed && (
                    <button type="button" className="btn btn-small" disabled={busy} onClick={() => void releaseIp(ip.ip)}>
                      Release
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
