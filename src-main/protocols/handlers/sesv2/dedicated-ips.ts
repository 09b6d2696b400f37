// SES v2 dedicated IP operations (ses-facts §A.1 "Dedicated IPs & pools"): CreateDedicatedIpPool,
// DeleteDedicatedIpPool, ListDedicatedIpPools, GetDedicatedIpPool, PutDedicatedIpPoolScalingAttributes,
// GetDedicatedIp, GetDedicatedIps, PutDedicatedIpInPool, PutDedicatedIpWarmupAttributes and
// PutAccountDedicatedIpWarmupAttributes. Owns: mapping v2 members onto engine.dedicatedIps / engine.account
// and the ScalingMode enum check (the generated model carries no enums). Must not: decide anything
// (core/dedicated-ips does).
import { dedicatedIpErrors } from '../../../core/errors';
import type { DedicatedIpView, ScalingMode } from '../../../core/dedicated-ips/api';
import type { OperationHandler } from '../../handler-types';
import { toKeyTags, type WireKeyTag } from '../common';

function scalingModeOf(value: unknown, fallback?: ScalingMode): ScalingMode {
  if (value === undefined && fallback) return fallback;
  if (value === 'STANDARD' || value === 'MANAGED') return value;
  throw dedicatedIpErrors.invalidScalingMode(String(value));
}

const pageOf = (input: Record<string, unknown>) => ({
  ...(typeof input.NextToken === 'string' && input.NextToken !== '' ? { nextToken: input.NextToken } : {}),
  ...(typeof input.PageSize === 'number' ? { pageSize: input.PageSize } : {}),
});

const wireIp = (ip: DedicatedIpView) => ({
  Ip: ip.ip,
  WarmupStatus: ip.warmupStatus,
  WarmupPercentage: ip.warmupPercentage,
  PoolName: ip.poolName,
});

export const CreateDedicatedIpPool: OperationHandler = (input, ctx) => {
  ctx.engine.dedicatedIps.createPool(input.PoolName as string, scalingModeOf(input.ScalingMode, 'STANDARD'), toKeyTags(input.Tags as WireKeyTag[] | undefined) ?? []);
  return {};
};

export const DeleteDedicatedIpPool: OperationHandler = (input, ctx) => {
  ctx.engine.dedicatedIps.deletePool(input.PoolName as string);
  return {};
};

export const ListDedicatedIpPools: OperationHandler = (input, ctx) => {
  const page = ctx.engine.dedicatedIps.listPools(pageOf(input));
  return { DedicatedIpPools: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};

export const GetDedicatedIpPool: OperationHandler = (input, ctx) => {
  const pool = ctx.engine.dedicatedIps.getPool(input.PoolName as string);
  return { DedicatedIpPool: { PoolName: pool.poolName, ScalingMode: pool.scalingMode } };
};

export const PutDedicatedIpPoolScalingAttributes: OperationHandler = (input, ctx) => {
  ctx.engine.dedicatedIps.putPoolScaling(input.PoolName as string, scalingModeOf(input.ScalingMode));
  return {};
};

export const GetDedicatedIp: OperationHandler = (input, ctx) => ({ DedicatedIp: wireIp(ctx.engine.dedicatedIps.getIp(input.Ip as string)) });

export const GetDedicatedIps: OperationHandler = (input, ctx) => {
  const pool = typeof input.PoolName === 'string' && input.PoolName !== '' ? input.PoolName : null;
  const page = ctx.engine.dedicatedIps.listIps(pool, pageOf(input));
  return { DedicatedIps: page.items.map(wireIp), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
};

export const PutDedicatedIpInPool: OperationHandler = (input, ctx) => {
  ctx.engine.dedicatedIps.putIpInPool(input.Ip as string, input.DestinationPoolName as string);
  return {};
};

export const PutDedicatedIpWarmupAttributes: OperationHandler = (input, ctx) => {
  ctx.engine.dedicatedIps.putIpWarmup(input.Ip as string, input.WarmupPercentage as number);
  return {};
};

/** Absent AutoWarmupEnabled turns automatic warm-up off (the member is a plain boolean, default false) [verify]. */
export const PutAccountDedicatedIpWarmupAttributes: OperationHandler = (input, ctx) => {
  ctx.engine.account.update({ dedicatedIpAutoWarmupEnabled: input.AutoWarmupEnabled === true });
  return {};
};
