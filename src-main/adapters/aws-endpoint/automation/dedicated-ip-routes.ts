// Automation routes for dedicated IPs (core/dedicated-ips). SES leases standard dedicated IPs through the
// console or a support case, not an API operation; Sesame leases them here (and from the UI):
//   GET    /_sesame/dedicated-ips                   → 200 {autoWarmupEnabled, pools: PoolView[], ips: DedicatedIpView[]}
//   POST   /_sesame/dedicated-ips {count, pool?}    → 200 {ips: DedicatedIpView[]}  count: 1–20 standard IPs from
//          198.51.100.0/24, into `pool` (a STANDARD pool) or ses-default-dedicated-pool; warm-up starts at 0 %.
//   DELETE /_sesame/dedicated-ips/{ip}              → 200 {released: ip}  (gives a leased IP back)
// Owns: these bodies' checks. Must not: decide anything about pools or warm-up (core/dedicated-ips does).
import { DEDICATED_IP_LEASE_MAX } from '../../../contract/dedicated-ips';
import type { Engine } from '../../../core/engine-api';
import type { AutomationRoute } from './types';
import { badRequest, objectBody, onlyKnown, optionalNumber, optionalString } from './types';


export const dedicatedIpState = (engine: Engine) => ({
  autoWarmupEnabled: engine.account.get().dedicatedIpAutoWarmupEnabled,
  pools: engine.dedicatedIps.pools(),
  ips: engine.dedicatedIps.ips(),
});

export const dedicatedIpRoutes: readonly AutomationRoute[] = [
  { method: 'GET', path: '/_sesame/dedicated-ips', handle: ({ engine }) => dedicatedIpState(engine) },
  {
    method: 'POST',
    path: '/_sesame/dedicated-ips',
    handle(req) {
      const body = objectBody(req, true);
      onlyKnown(body, ['count', 'pool']);
      const count = optionalNumber(body, 'count', (n) => Number.isInteger(n) && n >= 1 && n <= DEDICATED_IP_LEASE_MAX, `a whole number from 1 to ${DEDICATED_IP_LEASE_MAX}`) ?? 1;
      const pool = optionalString(body, 'pool');
      if (pool === '') throw badRequest('pool must name a pool.');
      return { ips: req.engine.dedicatedIps.lease(count, pool ?? null) };
    },
  },
  {
    method: 'DELETE',
    path: '/_sesame/dedicated-ips/:ip',
    handle({ engine, params }) {
      engine.dedicatedIps.release(params.ip);
      return { released: params.ip };
    },
  },
];
