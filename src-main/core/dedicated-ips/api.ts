// The dedicated IPs capability's public surface (issue 6 "Dedicated IPs, simulated"; ses-facts §A.1): pools
// (STANDARD and MANAGED scaling), the account's dedicated IPs with their warm-up, and the route each send
// takes (a dedicated IP of the configuration set's pool, or SES's shared pool). The dashboard's cost panel
// reads ips() and pools(). Owns: shapes and the service interface (dedicated-ips.ts implements it).
// Must not: hold behaviour.
import { DEFAULT_DEDICATED_POOL_NAME } from '../../contract/dedicated-ips';

export type ScalingMode = 'STANDARD' | 'MANAGED';
export type WarmupStatus = 'IN_PROGRESS' | 'DONE' | 'NOT_APPLICABLE';

/** SES's own pools: unpooled dedicated IPs, and the IPs shared by all SES customers (doc managing-ip-pools). */
export const DEFAULT_DEDICATED_POOL = DEFAULT_DEDICATED_POOL_NAME;
export const SHARED_POOL = 'ses-shared-pool';
/**
 * Where Sesame's dedicated IPs come from (RFC 5737 documentation ranges): leased standard IPs, and the IPs
 * SES assigns to MANAGED pools. SPF/inspection code that lists SES's sending IPs should include both.
 */
export const DEDICATED_IP_NETWORKS = { standard: '198.51.100.0/24', managed: '203.0.113.0/24' } as const;

export interface DedicatedIpView {
  ip: string;
  /** The pool it belongs to; unpooled standard IPs are in ses-default-dedicated-pool. */
  poolName: string;
  /** True for IPs SES manages (a MANAGED pool's); false for IPs the account leased. */
  managed: boolean;
  warmupStatus: WarmupStatus;
  /** 0–100, whole percent as SES reports it. */
  warmupPercentage: number;
  /** Recipients sent through it on Sesame's current UTC day, and today's warm-up allowance (null: no limit). */
  sentToday: number;
  allowanceToday: number | null;
  /** Recipients sent through it ever. */
  totalSent: number;
  leasedAt: number;
}

export interface PoolView {
  poolName: string;
  scalingMode: ScalingMode;
  createdAt: number;
  /** IPs in the pool (managed pools: the ones SES assigned so far). */
  ips: string[];
  tags: { key: string; value: string }[];
}

/** Where one send goes out: the IP in X-SES-Outgoing and the Delivery event's `ses:outgoing-ip`. */
export interface SendingRoute {
  ip: string;
  /** The pool the IP was taken from (ses-shared-pool for shared IPs). */
  poolName: string;
  dedicated: boolean;
  /** Why, in words (shown in the message detail and the UI). */
  reason: string;
}

/** A chosen route plus the bookkeeping to run in the accepting transaction. */
export interface PlannedRoute extends SendingRoute {
  /** Counts the recipients against the IP's day and warm-up; called once, inside the store transaction. */
  commit(): void;
}

export interface PageInput {
  nextToken?: string;
  pageSize?: number;
}
export interface Page<T> {
  items: T[];
  nextToken: string | null;
}

export interface DedicatedIpService {
  /** All pools the account created (not SES's own two), by name. */
  pools(): PoolView[];
  /** Every dedicated IP of the account (leased and managed), by address. */
  ips(): DedicatedIpView[];
  listPools(page: PageInput): Page<string>;
  getPool(name: string): PoolView;
  createPool(name: string, scalingMode: ScalingMode, tags?: { key: string; value: string }[]): PoolView;
  deletePool(name: string): void;
  putPoolScaling(name: string, scalingMode: ScalingMode): void;
  getIp(ip: string): DedicatedIpView;
  /** GetDedicatedIps: all IPs, or a pool's (NotFound for an unknown pool). */
  listIps(pool: string | null, page: PageInput): Page<DedicatedIpView>;
  putIpInPool(ip: string, pool: string): void;
  putIpWarmup(ip: string, percentage: number): void;
  /**
   * Leases `count` standard dedicated IPs (SES: through the console or a support case; Sesame: the automation
   * API and the UI), into `pool` or ses-default-dedicated-pool. Each starts its warm-up at 0 %.
   */
  lease(count: number, pool?: string | null): DedicatedIpView[];
  /** Gives a leased IP back (the UI's "release"); NotFound when unknown. */
  release(ip: string): void;
  /** The route a send of `recipients` through `configurationSetPool` (its SendingPoolName) takes at `at`. */
  route(configurationSetPool: string | null, recipients: number, at: number): PlannedRoute;
  reset(): void;
}
