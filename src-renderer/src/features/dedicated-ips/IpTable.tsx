// The Dedicated IPs screen's IP table: each IP's pool (movable for leased IPs), its warm-up status and a bar
// of the percentage, today's recipients against the day's allowance, and release.
// Owns: that table. Must not: fetch (the slice does).
import { DEFAULT_DEDICATED_POOL_NAME, type DedicatedIpDto, type DedicatedIpsDto } from '../../../../src-main/contract';
import { useStore } from '../../stores';

function WarmupBar({ ip }: { ip: DedicatedIpDto }) {
  const pct = ip.warmupStatus === 'NOT_APPLICABLE' ? 100 : ip.warmupPercentage;
  return (
    <div className="warmup" title={`${ip.warmupStatus} ${pct} %`}>
      <div
        className={`gauge ${pct >= 100 ? 'gauge-good' : 'gauge-warn'}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-label={`Warm-up of ${ip.ip}`}
      >
        <span className="gauge-fill" style={{ width: `${pct}%` }} />
      </div>
      <span>{ip.warmupStatus === 'NOT_APPLICABLE' ? 'managed by SES' : `${pct} %`}</span>
    </div>
  );
}

export function IpTable({ state, busy }: { state: DedicatedIpsDto; busy: boolean }) {
  const moveIp = useStore((s) => s.moveIp);
  const releaseIp = useStore((s) => s.releaseIp);
  const setWarmup = useStore((s) => s.setIpWarmup);
  const standardPools = [DEFAULT_DEDICATED_POOL_NAME, ...state.pools.filter((p) => p.scalingMode === 'STANDARD').map((p) => p.poolName)];

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
