// The UI API's dedicated IP shapes (UiRoutes.dedicatedIps*; core/dedicated-ips): pools, IPs with their
// warm-up, and the account's automatic warm-up switch, for the Dedicated IPs screen and the dashboard's cost
// panel. Must not: import anything.

export type ScalingModeName = 'STANDARD' | 'MANAGED';
export type WarmupStatusName = 'IN_PROGRESS' | 'DONE' | 'NOT_APPLICABLE';

export interface DedicatedIpDto {
  ip: string;
  poolName: string;
  managed: boolean;
  warmupStatus: WarmupStatusName;
  warmupPercentage: number;
  sentToday: number;
  /** Today's warm-up allowance; null when nothing limits the IP (warmed up, managed, or auto warm-up off). */
  allowanceToday: number | null;
  totalSent: number;
  leasedAt: string;
}

export interface DedicatedIpPoolDto {
  poolName: string;
  scalingMode: ScalingModeName;
  createdAt: string;
  ips: string[];
}

export interface DedicatedIpsDto {
  autoWarmupEnabled: boolean;
  pools: DedicatedIpPoolDto[];
  ips: DedicatedIpDto[];
}

export interface LeaseIpsBody {
  count: number;
  pool?: string | null;
}
export interface CreatePoolBody {
  poolName: string;
  scalingMode: ScalingModeName;
}

/** SES's pool for dedicated IPs not placed in a pool of the account's own. */
export const DEFAULT_DEDICATED_POOL_NAME = 'ses-default-dedicated-pool';
/** The most standard IPs one lease request takes (Sesame's limit for its simulated leases). */
export const DEDICATED_IP_LEASE_MAX = 20;
