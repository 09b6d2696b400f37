// UI API: reputation (ses-facts §A.8; contract/reputation.ts).
//   GET   /api/reputation                                  → ReputationDto (account, sets with reputation metrics, settings)
//   PATCH /api/reputation/settings {ReputationSettingsPatch} → ReputationDto (core/reputation validates: 400 BadRequestException)
//   POST  /api/reputation/fresh-start {configurationSet?}    → ReputationDto (a set's fresh start, or the account's reinstatement)
// Owns: the routes' shapes. Must not: judge reputation (core/reputation does).
import type { ReputationDto } from '../../contract/reputation';
import type { ReputationSettings } from '../../core/reputation/api';
import type { Engine } from '../../core/engine-api';
import type { SesCall, SesRouteTable } from './ses-routes';
import { onlyKnown, readObject, str } from './ses-routes-io';
import { methodNotAllowed, notFound, sendJson } from './respond';

export function reputationDto(engine: Engine): ReputationDto {
  return {
    account: engine.reputation.account(),
    configurationSets: engine.reputation.configurationSets(),
    settings: engine.reputation.settings(),
  };
}

async function reputation({ ctx, req, res, method, seg }: SesCall): Promise<void> {
  const { engine } = ctx;
  if (seg.length === 1) {
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, 'GET');
    return sendJson(res, 200, reputationDto(engine), method);
  }
  if (seg.length === 2 && seg[1] === 'settings') {
    if (method !== 'PATCH') throw methodNotAllowed(method, 'PATCH');
    engine.reputation.updateSettings((await readObject(req)) as Partial<ReputationSettings>);
    return sendJson(res, 200, reputationDto(engine));
  }
  if (seg.length === 2 && seg[1] === 'fresh-start') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    const body = await readObject(req);
    onlyKnown(body, ['configurationSet']);
    const configurationSet = str(body, 'configurationSet');
    engine.reputation.freshStart(configurationSet === undefined ? {} : { configurationSet });
    return sendJson(res, 200, reputationDto(engine));
  }
  throw notFound(`No API route /api/${seg.join('/')}.`);
}

export const reputationRoutes: SesRouteTable = { reputation };
