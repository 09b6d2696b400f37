// UI API: dedicated IPs for the Dedicated IPs screen (core/dedicated-ips; contract/dedicated-ips.ts). Every
// call answers the whole DedicatedIpsDto, so the screen redraws from one answer:
//   GET    /api/dedicated-ips                        → DedicatedIpsDto
//   PATCH  /api/dedicated-ips {autoWarmupEnabled}    → PutAccountDedicatedIpWarmupAttributes
//   POST   /api/dedicated-ips/lease {count, pool?}   → leases standard IPs (1 to DEDICATED_IP_LEASE_MAX)
//   POST   /api/dedicated-ips/pools {poolName, scalingMode}      CreateDedicatedIpPool
//   DELETE /api/dedicated-ips/pools/:pool                        DeleteDedicatedIpPool
//   PUT    /api/dedicated-ips/pools/:pool/scaling {scalingMode}  PutDedicatedIpPoolScalingAttributes
//   PUT    /api/dedicated-ips/ips/:ip/pool {poolName}            PutDedicatedIpInPool
//   PUT    /api/dedicated-ips/ips/:ip/warmup {warmupPercentage}  PutDedicatedIpWarmupAttributes (required, 0–100)
//   DELETE /api/dedicated-ips/ips/:ip                            releases a leased IP
// Engine failures (NotFound, AlreadyExists, …) answer with SES's code and text (ses-routes.ts).
// Owns: body checks and the DTO. Must not: decide anything about pools or warm-up.
import { DEDICATED_IP_LEASE_MAX } from '../../contract/dedicated-ips';
import type { DedicatedIpsDto } from '../../contract/ui-api';
import type { Engine } from '../../core/engine-api';
import { badRequest, methodNotAllowed, notFound, segment, sendJson } from './respond';
import type { SesCall, SesRouteTable } from './ses-routes';
import { bool, iso, num, oneOf, onlyKnown, readObject, str } from './ses-routes-io';

const MODES = ['STANDARD', 'MANAGED'] as const;

function dedicatedIpsDto(engine: Engine): DedicatedIpsDto {
  return {
    autoWarmupEnabled: engine.account.get().dedicatedIpAutoWarmupEnabled,
    pools: engine.dedicatedIps.pools().map((p) => ({ poolName: p.poolName, scalingMode: p.scalingMode, createdAt: iso(p.createdAt) ?? '', ips: [...p.ips] })),
    ips: engine.dedicatedIps.ips().map((i) => ({ ...i, leasedAt: iso(i.leasedAt) ?? '' })),
  };
}

async function dedicatedIps({ ctx, req, res, method, seg }: SesCall): Promise<void> {
  const { engine } = ctx;
  const d = engine.dedicatedIps;
  const done = () => sendJson(res, 200, dedicatedIpsDto(engine));
  if (seg.length === 1) {
    if (method === 'GET' || method === 'HEAD') return sendJson(res, 200, dedicatedIpsDto(engine), method);
    if (method !== 'PATCH') throw methodNotAllowed(method, 'GET, PATCH');
    const body = await readObject(req);
    onlyKnown(body, ['autoWarmupEnabled']);
    const on = bool(body, 'autoWarmupEnabled');
    if (on !== undefined) engine.account.update({ dedicatedIpAutoWarmupEnabled: on });
    return done();
  }
  if (seg.length === 2 && seg[1] === 'lease') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    const body = await readObject(req);
    onlyKnown(body, ['count', 'pool']);
    d.lease(num(body, 'count', 1, DEDICATED_IP_LEASE_MAX, true) ?? 1, str(body, 'pool') ?? null);
    return done();
  }
  if (seg.length === 2 && seg[1] === 'pools') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    const body = await readObject(req);
    onlyKnown(body, ['poolName', 'scalingMode']);
    d.createPool(str(body, 'poolName', true).trim(), oneOf(body, 'scalingMode', MODES) ?? 'STANDARD');
    return done();
  }
  if (seg[1] === 'pools' && (seg.length === 3 || (seg.length === 4 && seg[3] === 'scaling'))) {
    const pool = segment(seg[2], 'pool');
    if (seg.length === 3) {
      if (method !== 'DELETE') throw methodNotAllowed(method, 'DELETE');
      d.deletePool(pool);
      return done();
    }
    if (method !== 'PUT') throw methodNotAllowed(method, 'PUT');
    const body = await readObject(req);
    onlyKnown(body, ['scalingMode']);
    d.putPoolScaling(pool, oneOf(body, 'scalingMode', MODES, true));
    return done();
  }
  if (seg[1] === 'ips' && (seg.length === 3 || seg.length === 4)) {
    const ip = segment(seg[2], 'ip');
    if (seg.length === 3) {
      if (method !== 'DELETE') throw methodNotAllowed(method, 'DELETE');
      d.release(ip);
      return done();
    }
    if (method !== 'PUT') throw methodNotAllowed(method, 'PUT');
    const body = await readObject(req);
    if (seg[3] === 'pool') {
      onlyKnown(body, ['poolName']);
      d.putIpInPool(ip, str(body, 'poolName', true));
      return done();
    }
    if (seg[3] === 'warmup') {
      onlyKnown(body, ['warmupPercentage']);
      // Any number from 0 to 100 (core takes fractions); absent is refused rather than read as 0 %.
      const percentage = num(body, 'warmupPercentage', 0, 100);
      if (percentage === undefined) throw badRequest('warmupPercentage is required.');
      d.putIpWarmup(ip, percentage);
      return done();
    }
  }
  throw notFound(`No API route /api/${seg.join('/')}.`);
}

export const dedicatedIpRoutes: SesRouteTable = { 'dedicated-ips': dedicatedIps };
