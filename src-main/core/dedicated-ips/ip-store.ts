// The dedicated IP tables (migration 011): plain reads and writes, no rules. Kept in the capability's folder
// (issue 6 file ownership) rather than core/store/. Owns: SQL and row mapping. Must not: decide anything.
import type { Db } from '../store/database';
import type { ScalingMode } from './api';

export interface PoolRow {
  name: string;
  scalingMode: ScalingMode;
  tags: { key: string; value: string }[];
  createdAt: number;
}

export interface IpRow {
  ip: string;
  /** null = ses-default-dedicated-pool. */
  pool: string | null;
  managed: boolean;
  warmupPercentage: number;
  day: number;
  daySent: number;
  /** The warm-up percentage when `day` began: the day's allowance follows it. */
  dayPercentage: number;
  totalSent: number;
  leasedAt: number;
}

interface RawIp {
  ip: string;
  pool: string | null;
  managed: number;
  warmup_percentage: number;
  day: number;
  day_sent: number;
  day_percentage: number;
  total_sent: number;
  leased_at: number;
}
interface RawPool {
  name: string;
  scaling_mode: string;
  tags_json: string;
  created_at: number;
}

const ipOf = (r: RawIp): IpRow => ({
  ip: r.ip,
  pool: r.pool,
  managed: r.managed === 1,
  warmupPercentage: r.warmup_percentage,
  day: r.day,
  daySent: r.day_sent,
  dayPercentage: r.day_percentage,
  totalSent: r.total_sent,
  leasedAt: r.leased_at,
});
const poolOf = (r: RawPool): PoolRow => ({
  name: r.name,
  scalingMode: r.scaling_mode as ScalingMode,
  tags: JSON.parse(r.tags_json) as PoolRow['tags'],
  createdAt: r.created_at,
});

/** IPv4 addresses sort by their numbers, not as text (198.51.100.10 after .9). */
const ipKey = (ip: string) => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
export const byAddress = (a: { ip: string }, b: { ip: string }) => ipKey(a.ip) - ipKey(b.ip);

export function createIpStore(db: Db) {
  const q = {
    pools: db.prepare('SELECT * FROM dedicated_ip_pools ORDER BY name'),
    pool: db.prepare('SELECT * FROM dedicated_ip_pools WHERE name = ?'),
    insertPool: db.prepare('INSERT INTO dedicated_ip_pools (name, scaling_mode, tags_json, created_at) VALUES (?, ?, ?, ?)'),
    deletePool: db.prepare('DELETE FROM dedicated_ip_pools WHERE name = ?'),
    setScaling: db.prepare('UPDATE dedicated_ip_pools SET scaling_mode = ? WHERE name = ?'),
    ips: db.prepare('SELECT * FROM dedicated_ips'),
    ipsIn: db.prepare('SELECT * FROM dedicated_ips WHERE pool IS ?'),
    ip: db.prepare('SELECT * FROM dedicated_ips WHERE ip = ?'),
    insertIp: db.prepare('INSERT INTO dedicated_ips (ip, pool, managed, warmup_percentage, leased_at) VALUES (?, ?, ?, ?, ?)'),
    deleteIp: db.prepare('DELETE FROM dedicated_ips WHERE ip = ?'),
    saveIp: db.prepare(
      'UPDATE dedicated_ips SET pool = ?, managed = ?, warmup_percentage = ?, day = ?, day_sent = ?, day_percentage = ?, total_sent = ? WHERE ip = ?',
    ),
  };
  // Whether the account has any dedicated IP, known after the first ask and forgotten on every change: every
  // send asks (route), and almost every account has none.
  let any: boolean | null = null;
  const anyIp = db.prepare('SELECT EXISTS (SELECT 1 FROM dedicated_ips) AS any');
  return {
    hasIps: (): boolean => (any ??= (anyIp.get() as { any: number }).any === 1),
    pools: (): PoolRow[] => (q.pools.all() as RawPool[]).map(poolOf),
    pool: (name: string): PoolRow | null => {
      const r = q.pool.get(name) as RawPool | undefined;
      return r ? poolOf(r) : null;
    },
    insertPool: (p: PoolRow) => q.insertPool.run(p.name, p.scalingMode, JSON.stringify(p.tags), p.createdAt),
    deletePool: (name: string) => q.deletePool.run(name),
    setScaling: (name: string, mode: ScalingMode) => q.setScaling.run(mode, name),
    ips: (): IpRow[] => (q.ips.all() as RawIp[]).map(ipOf).sort(byAddress),
    /** The IPs of one pool (null: ses-default-dedicated-pool), by address. */
    ipsIn: (pool: string | null): IpRow[] => (q.ipsIn.all(pool) as RawIp[]).map(ipOf).sort(byAddress),
    ip: (ip: string): IpRow | null => {
      const r = q.ip.get(ip) as RawIp | undefined;
      return r ? ipOf(r) : null;
    },
    insertIp: (r: Pick<IpRow, 'ip' | 'pool' | 'managed' | 'warmupPercentage' | 'leasedAt'>) => {
      any = null;
      return q.insertIp.run(r.ip, r.pool, r.managed ? 1 : 0, r.warmupPercentage, r.leasedAt);
    },
    deleteIp: (ip: string) => {
      any = null;
      return q.deleteIp.run(ip);
    },
    saveIp: (r: IpRow) => q.saveIp.run(r.pool, r.managed ? 1 : 0, r.warmupPercentage, r.day, r.daySent, r.dayPercentage, r.totalSent, r.ip),
    clear: () => {
      any = null;
      db.exec('DELETE FROM dedicated_ips; DELETE FROM dedicated_ip_pools;');
    },
  };
}
