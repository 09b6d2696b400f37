// The UI API's SES-state routes (contract/ui-api.ts UiRoutes.account … simulatorTest), behind the same guard
// and token as every /api route (routes.ts sends /api/{account,time,identities,suppression,scenario-rules,
// simulator-test}/* here):
//   account, production access, reset, time travel      ses-routes-account.ts
//   identities (DNS records, status, local zone)         ses-routes-identities.ts
//   suppression list (search, add, remove, CSV)          ses-routes-suppression.ts
//   scenario rules, mailbox simulator test sends         ses-routes-scenarios.ts
//   SNS topics, subscriptions, delivery log              ses-routes-sns.ts
//   event stream, message timeline                       ses-routes-events.ts
//   templates, live render, preview documents            ses-routes-templates.ts
//   reputation and statistics dashboard                  ses-routes-dashboard.ts
//   reputation: rates, settings, fresh starts            ses-routes-reputation.ts
//   dedicated IPs: pools, leases, warm-up                ses-routes-dedicated-ips.ts
// Owns: dispatching by first path segment and turning failures into `{code, message}`: an engine SesError
// answers with SES v2's status and error name (`MessageRejected`, `NotFoundException`, …) so the UI shows
// SES's own code and text; the routes' own refusals are respond.ts ApiErrors, answered by server.ts.
// Must not: decide anything SES decides (the engine does) or touch the message routes (routes.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSesError } from '../../core/errors';
import { sesv2Model } from '../../protocols/generated';
import { restJsonErrorStatus } from '../../protocols/wire-protocol';
import { sendError } from './respond';
import type { ApiContext } from './routes';
import { accountRoutes } from './ses-routes-account';
import { identityRoutes } from './ses-routes-identities';
import { scenarioRoutes } from './ses-routes-scenarios';
import { suppressionRoutes } from './ses-routes-suppression';
import { snsRoutes } from './ses-routes-sns';
import { eventRoutes } from './ses-routes-events';
import { templateRoutes } from './ses-routes-templates';
import { dashboardRoutes } from './ses-routes-dashboard';
import { reputationRoutes } from './ses-routes-reputation';
import { dedicatedIpRoutes } from './ses-routes-dedicated-ips';

/** One call into these routes; `seg` is the path after `/api/` split on `/` (still percent-encoded). */
export interface SesCall {
  ctx: ApiContext;
  req: IncomingMessage;
  res: ServerResponse;
  method: string;
  seg: string[];
  query: URLSearchParams;
}

export type SesRouteTable = Record<string, (call: SesCall) => Promise<void> | void>;

const TABLE: SesRouteTable = {
  ...accountRoutes,
  ...identityRoutes,
  ...suppressionRoutes,
  ...scenarioRoutes,
  ...snsRoutes,
  ...eventRoutes,
  ...templateRoutes,
  ...dashboardRoutes,
  ...reputationRoutes,
  ...dedicatedIpRoutes,
};

/** True when `seg` (after `/api/`) belongs to these routes. */
export function isSesPath(seg: string[]): boolean {
  return seg.length > 0 && Object.hasOwn(TABLE, seg[0]);
}

export async function handleSesApi(
  ctx: ApiContext,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  seg: string[],
  query: URLSearchParams,
): Promise<void> {
  try {
    await TABLE[seg[0]]({ ctx, req, res, method, seg, query });
  } catch (err) {
    // Our own failures stay 500s (the server logs them); a refusal is SES's answer, shown as SES words it.
    if (isSesError(err) && err.fault === 'client') return sendError(res, restJsonErrorStatus(sesv2Model, err), err.wire.v2, err.message);
    throw err;
  }
}
