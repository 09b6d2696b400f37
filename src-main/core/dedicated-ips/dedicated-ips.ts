// Dedicated IPs, simulated (issue 6; ses-facts §A.1; doc managing-ip-pools, dedicated-ip-warming,
// managed-dedicated-sending). Standard pools hold IPs the account leased (Sesame hands out TEST-NET-2
// addresses, 198.51.100.0/24, RFC 5737); unpooled leased IPs form ses-default-dedicated-pool, which carries
// every send whose configuration set names no pool. MANAGED pools get IPs from SES (Sesame: TEST-NET-3,
// 203.0.113.0/24): one when the pool is created, and one more whenever a day's recipients through the pool
// exceed MANAGED_IP_DAILY_CAPACITY per IP; their warm-up is SES's business (NOT_APPLICABLE [verify]).
// Routing, deterministic: the pool's IP with the fewest recipients today (then the lowest address) that can
// take the whole send; with automatic warm-up on, an IP still warming up takes only its day's allowance, and
// a send that fits no IP goes out on the shared pool (SES "sends the remaining messages through the shared
// IPs" while warming up [verify]). A pool that does not exist or has no IPs also sends from the shared pool.
// Owns: pools, IPs, warm-up bookkeeping and the route. Must not: touch mail or events (pipeline.ts writes
// the chosen IP into X-SES-Outgoing and `ses:outgoing-ip`).
import type { Clock } from '../clock';
import { dedicatedIpErrors, errors } from '../errors';
import { DEDICATED_IP_POOLS_PER_ACCOUNT, DEDICATED_IPS_PAGE_DEFAULT, DEDICATED_IPS_PAGE_MAX, MANAGED_IP_DAILY_CAPACITY } from '../limits';
import { decodePageToken, encodePageToken } from '../paging';
import { OUTGOING_IP } from '../sending/ses-headers';
import type { Db } from '../store/database';
import {
  DEDICATED_IP_NETWORKS,
  DEFAULT_DEDICATED_POOL,
  SHARED_POOL,
  type DedicatedIpService,
  type DedicatedIpView,
  type Page,
  type PageInput,
  type PlannedRoute,
  type PoolView,
  type ScalingMode,
} from './api';
import { byAddress, createIpStore, type IpRow, type PoolRow } from './ip-store';
import { advance, allowanceAt, dayOf, reportedPercentage } from './warmup';

export interface DedicatedIpDeps {
  db: Db;
  clock: Clock;
  /** The account's DedicatedIpAutoWarmupEnabled. */
  autoWarmup: () => boolean;
  /** Recipients a day per managed IP before another is added (tests pass a small one). */
  managedIpCapacity?: number;
}

/** `198.51.100.` from `198.51.100.0/24`: addresses .1–.254 of each range are handed out. */
const prefixOf = (cidr: string) => cidr.replace(/0\/24$/, '');
const STANDARD_NET = prefixOf(DEDICATED_IP_NETWORKS.standard);
const MANAGED_NET = prefixOf(DEDICATED_IP_NETWORKS.managed);
const RESERVED = new Set([DEFAULT_DEDICATED_POOL, SHARED_POOL]);

export function createDedicatedIps(deps: DedicatedIpDeps): DedicatedIpService {
  const store = createIpStore(deps.db);
  const capacity = deps.managedIpCapacity ?? MANAGED_IP_DAILY_CAPACITY;
  const today = () => dayOf(deps.clock.now());
  /** The row as of `day`: yesterday's count does not carry over; a new day's allowance follows today's percentage. */
  const asOf = (r: IpRow, day: number): IpRow => (r.day === day ? r : { ...r, day, daySent: 0, dayPercentage: r.warmupPercentage });

  /** `limited`: the account's automatic warm-up is on (read once per call, not per IP). */
  const view = (r: IpRow, limited: boolean): DedicatedIpView => {
    const row = asOf(r, today());
    const done = row.warmupPercentage >= 100;
    return {
      ip: row.ip,
      poolName: row.pool ?? DEFAULT_DEDICATED_POOL,
      managed: row.managed,
      warmupStatus: row.managed ? 'NOT_APPLICABLE' : done ? 'DONE' : 'IN_PROGRESS',
      warmupPercentage: row.managed ? 100 : reportedPercentage(row.warmupPercentage),
      sentToday: row.daySent,
      allowanceToday: row.managed || !limited ? null : allowanceAt(row.dayPercentage),
      totalSent: row.totalSent,
      leasedAt: row.leasedAt,
    };
  };
  const poolView = (p: PoolRow, members: IpRow[]): PoolView => ({
    poolName: p.name,
    scalingMode: p.scalingMode,
    createdAt: p.createdAt,
    ips: members.map((r) => r.ip),
    tags: p.tags.map((t) => ({ ...t })),
  });
  const viewsOf = (rows: IpRow[]) => {
    const limited = deps.autoWarmup();
    return rows.map((r) => view(r, limited));
  };
  const requirePool = (name: string) => {
    if (RESERVED.has(name)) throw dedicatedIpErrors.reservedPool(name);
    const p = store.pool(name);
    if (!p) throw dedicatedIpErrors.poolNotFound(name);
    return p;
  };
  const requireIp = (ip: string) => {
    const r = store.ip(ip);
    if (!r) throw dedicatedIpErrors.ipNotFound(ip);
    return r;
  };
  /** The lowest free address of a range (.1–.254); `taken` (every IP of the account) gets it added. */
  const nextAddress = (net: string, taken = new Set(store.ips().map((r) => r.ip))): string => {
    for (let n = 1; n <= 254; n++) {
      if (!taken.has(net + n)) {
        taken.add(net + n);
        return net + n;
      }
    }
    throw dedicatedIpErrors.noAddressesLeft();
  };
  const addManagedIp = (pool: string) =>
    store.insertIp({ ip: nextAddress(MANAGED_NET), pool, managed: true, warmupPercentage: 100, leasedAt: deps.clock.now() });

  function paged<T>(all: T[], page: PageInput): Page<T> {
    const start = page.nextToken ? decodePageToken(page.nextToken) : 0;
    if (start === undefined) throw errors.invalidNextToken(page.nextToken ?? '');
    const size = Math.min(Math.max(1, page.pageSize ?? DEDICATED_IPS_PAGE_DEFAULT), DEDICATED_IPS_PAGE_MAX);
    const items = all.slice(start, start + size);
    return { items, nextToken: start + size < all.length ? encodePageToken(start + size) : null };
  }

  const shared = (reason: string): PlannedRoute => ({ ip: OUTGOING_IP, poolName: SHARED_POOL, dedicated: false, reason, commit() {} });

  function route(poolName: string | null, recipients: number, at: number): PlannedRoute {
    if (poolName === SHARED_POOL) return shared('The configuration set sends from ses-shared-pool.');
    const named = poolName !== null && poolName !== DEFAULT_DEDICATED_POOL;
    const pool = named ? store.pool(poolName) : null;
    if (named && !pool) return shared(`Pool ${poolName} does not exist: sent from the shared pool.`);
    const noIps = () => shared(named ? `Pool ${poolName} has no IPs: sent from the shared pool.` : 'The account has no dedicated IPs: sent from the shared pool.');
    if (!store.hasIps()) return noIps();
    const day = dayOf(at);
    const members = store
      .ipsIn(named ? poolName : null)
      .map((r) => asOf(r, day))
      .sort((a, b) => a.daySent - b.daySent || byAddress(a, b));
    const label = named ? poolName : DEFAULT_DEDICATED_POOL;
    if (!members.length) return noIps();
    const limited = deps.autoWarmup();
    const fits = (r: IpRow) => {
      const allowance = r.managed || !limited ? null : allowanceAt(r.dayPercentage);
      return allowance === null || r.daySent + recipients <= allowance;
    };
    const chosen = members.find(fits);
    if (!chosen) return shared(`Every IP of ${label} used its warm-up allowance for today: sent from the shared pool.`);
    return {
      ip: chosen.ip,
      poolName: label,
      dedicated: true,
      reason: chosen.warmupPercentage < 100 && !chosen.managed ? `Dedicated IP of ${label}, warming up.` : `Dedicated IP of ${label}.`,
      commit() {
        const now = asOf(store.ip(chosen.ip) ?? chosen, day);
        store.saveIp({
          ...now,
          daySent: now.daySent + recipients,
          totalSent: now.totalSent + recipients,
          warmupPercentage: now.managed ? now.warmupPercentage : advance(now.warmupPercentage, recipients),
        });
        if (pool?.scalingMode === 'MANAGED') {
          const sentToday = store.ipsIn(pool.name).reduce((n, r) => n + asOf(r, day).daySent, 0);
          if (sentToday > members.length * capacity) addManagedIp(pool.name);
        }
      },
    };
  }

  return {
    pools: () => {
      const all = store.ips();
      return store.pools().map((p) => poolView(p, all.filter((r) => r.pool === p.name)));
    },
    ips: () => viewsOf(store.ips()),
    listPools: (page) => paged(store.pools().map((p) => p.name), page),
    getPool(name) {
      const p = requirePool(name);
      return poolView(p, store.ipsIn(p.name));
    },
    createPool(name, scalingMode: ScalingMode, tags = []) {
      if (RESERVED.has(name)) throw dedicatedIpErrors.reservedPool(name);
      if (store.pool(name)) throw dedicatedIpErrors.poolAlreadyExists(name);
      if (store.pools().length >= DEDICATED_IP_POOLS_PER_ACCOUNT) throw dedicatedIpErrors.tooManyPools(DEDICATED_IP_POOLS_PER_ACCOUNT);
      deps.db.transaction(() => {
        store.insertPool({ name, scalingMode, tags, createdAt: deps.clock.now() });
        if (scalingMode === 'MANAGED') addManagedIp(name);
      })();
      return poolView(store.pool(name)!, store.ipsIn(name));
    },
    deletePool(name) {
      const pool = requirePool(name);
      const members = store.ipsIn(name);
      // A STANDARD pool must be emptied first; a MANAGED pool's IPs go back to SES with it.
      if (pool.scalingMode === 'STANDARD' && members.length) throw dedicatedIpErrors.poolNotEmpty(name, members.length);
      deps.db.transaction(() => {
        for (const r of members) store.deleteIp(r.ip);
        store.deletePool(name);
      })();
    },
    putPoolScaling(name, scalingMode) {
      const p = requirePool(name);
      if (p.scalingMode === scalingMode) return;
      if (p.scalingMode === 'MANAGED') throw dedicatedIpErrors.managedToStandard(name);
      deps.db.transaction(() => {
        store.setScaling(name, scalingMode);
        // Its IPs become SES's to manage; an empty pool gets its first managed IP.
        const members = store.ipsIn(name);
        for (const r of members) store.saveIp({ ...r, managed: true });
        if (!members.length) addManagedIp(name);
      })();
    },
    getIp: (ip) => view(requireIp(ip), deps.autoWarmup()),
    listIps(pool, page) {
      if (pool !== null && pool !== DEFAULT_DEDICATED_POOL) requirePool(pool);
      const rows = pool === null ? store.ips() : store.ipsIn(pool === DEFAULT_DEDICATED_POOL ? null : pool);
      return paged(viewsOf(rows), page);
    },
    putIpInPool(ip, destination) {
      const r = requireIp(ip);
      if (r.managed) throw dedicatedIpErrors.managedIp(ip);
      const target = destination === DEFAULT_DEDICATED_POOL ? null : requirePool(destination);
      if (target?.scalingMode === 'MANAGED') throw dedicatedIpErrors.managedDestination(destination);
      store.saveIp({ ...r, pool: target ? target.name : null });
    },
    putIpWarmup(ip, percentage) {
      const r = requireIp(ip);
      if (!Number.isFinite(percentage) || percentage < 0 || percentage > 100) throw dedicatedIpErrors.warmupPercentage(percentage);
      if (!r.managed) store.saveIp({ ...asOf(r, today()), warmupPercentage: percentage, dayPercentage: percentage });
    },
    lease(count, pool = null) {
      const target = pool && pool !== DEFAULT_DEDICATED_POOL ? requirePool(pool) : null;
      if (target?.scalingMode === 'MANAGED') throw dedicatedIpErrors.managedDestination(target.name);
      const leased: string[] = [];
      const taken = new Set(store.ips().map((r) => r.ip));
      deps.db.transaction(() => {
        for (let i = 0; i < count; i++) {
          const ip = nextAddress(STANDARD_NET, taken);
          store.insertIp({ ip, pool: target?.name ?? null, managed: false, warmupPercentage: 0, leasedAt: deps.clock.now() });
          leased.push(ip);
        }
      })();
      return viewsOf(leased.map((ip) => store.ip(ip)!));
    },
    release(ip) {
      requireIp(ip);
      store.deleteIp(ip);
    },
    route,
    reset: () => store.clear(),
  };
}
