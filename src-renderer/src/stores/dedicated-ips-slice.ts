// Dedicated IPs slice: the account's pools and dedicated IPs (with warm-up) as the Dedicated IPs screen shows
// them, and its actions — lease IPs, create/delete pools, change a pool's scaling mode, move an IP, set a
// warm-up percentage, switch automatic warm-up. Every UI API answer is the whole DedicatedIpsDto, kept as is.
// Owns: that state and these HTTP calls (UiRoutes.dedicatedIps*). Must not: render.
import { UiRoutes, type DedicatedIpsDto, type ScalingModeName } from '../../../src-main/contract';
import { json } from '../api/client';
import { fillRoute } from '../lib/bridge';
import { screenError, type ScreenError } from './account-slice';
import { busyAction } from './busy-action';
import type { Slice } from './types';

export interface DedicatedIpsSlice {
  dedicatedIps: DedicatedIpsDto | null;
  dedicatedIpsError: ScreenError | null;
  dedicatedIpsBusy: boolean;
  loadDedicatedIps: () => Promise<void>;
  leaseIps: (count: number, pool: string | null) => Promise<boolean>;
  createIpPool: (poolName: string, scalingMode: ScalingModeName) => Promise<boolean>;
  deleteIpPool: (poolName: string) => Promise<boolean>;
  setPoolScaling: (poolName: string, scalingMode: ScalingModeName) => Promise<boolean>;
  moveIp: (ip: string, poolName: string) => Promise<boolean>;
  setIpWarmup: (ip: string, warmupPercentage: number) => Promise<boolean>;
  releaseIp: (ip: string) => Promise<boolean>;
  setAutoWarmup: (on: boolean) => Promise<boolean>;
}

const poolPath = (pool: string) => fillRoute(UiRoutes.dedicatedIpPool, { pool });
const ipPath = (ip: string) => fillRoute(UiRoutes.dedicatedIp, { ip });

export const createDedicatedIpsSlice: Slice<DedicatedIpsSlice> = (set) => {
  const act = busyAction(set, 'dedicatedIpsBusy', 'dedicatedIpsError');
  /** Runs one call whose answer is the new state. */
  const call = (path: string, method: 'POST' | 'PUT' | 'DELETE' | 'PATCH', body?: unknown) =>
    act(async () => set({ dedicatedIps: await json<DedicatedIpsDto>(path, { method, ...(body === undefined ? {} : { body }) }) }));

  return {
    dedicatedIps: null,
    dedicatedIpsError: null,
    dedicatedIpsBusy: false,
    loadDedicatedIps: async () => {
      try {
        set({ dedicatedIps: await json<DedicatedIpsDto>(UiRoutes.dedicatedIps), dedicatedIpsError: null });
      } catch (err) {
        set({ dedicatedIpsError: screenError(err) });
      }
    },
    leaseIps: (count, pool) => call(UiRoutes.dedicatedIpsLease, 'POST', { count, ...(pool ? { pool } : {}) }),
    createIpPool: (poolName, scalingMode) => call(UiRoutes.dedicatedIpPools, 'POST', { poolName, scalingMode }),
    deleteIpPool: (poolName) => call(poolPath(poolName), 'DELETE'),
    setPoolScaling: (poolName, scalingMode) => call(`${poolPath(poolName)}/scaling`, 'PUT', { scalingMode }),
    moveIp: (ip, poolName) => call(`${ipPath(ip)}/pool`, 'PUT', { poolName }),
    setIpWarmup: (ip, warmupPercentage) => call(`${ipPath(ip)}/warmup`, 'PUT', { warmupPercentage }),
    releaseIp: (ip) => call(ipPath(ip), 'DELETE'),
    setAutoWarmup: (on) => call(UiRoutes.dedicatedIps, 'PATCH', { autoWarmupEnabled: on }),
  };
};
