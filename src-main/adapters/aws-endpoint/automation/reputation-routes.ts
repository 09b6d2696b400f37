// Automation routes for reputation (ses-facts §A.8; core/reputation):
//   GET   /_sesame/reputation                 → 200 {account, configurationSets, settings}: rates (fractions), counts,
//                                               status (HEALTHY | PROBATION | SHUTDOWN), explanation, ISO times
//   PATCH /_sesame/reputation/settings {bounceReview?, bouncePause?, complaintReview?, complaintPause?, volume?,
//                                       minimumVolume?, maxAgeMs?, pauseConfigurationSets?} → 200 the same document
//         (400 BadRequestException naming every problem: fractions in (0, 1], review ≤ pause, positive integers)
//   POST  /_sesame/reputation/fresh-start {configurationSet?} → 200 the same document: a set's fresh start
//         (LastFreshStart = now, sending re-enabled if reputation paused it; 404 for an unknown set), or the
//         account's reinstatement when no set is named (HEALTHY, sending enabled, rates from now).
// Owns: these bodies' checks and the JSON here. Must not: judge reputation (core/reputation does).
import type { Engine } from '../../../core/engine-api';
import type { ReputationSettings, ReputationView } from '../../../core/reputation/api';
import type { AutomationRoute } from './types';
import { iso, objectBody, onlyKnown, optionalString } from './types';

const viewJson = (v: ReputationView) => ({ ...v, windowStart: iso(v.windowStart), lastFreshStart: iso(v.lastFreshStart) });

export function automationReputation(engine: Engine) {
  return {
    account: viewJson(engine.reputation.account()),
    configurationSets: engine.reputation.configurationSets().map(viewJson),
    settings: engine.reputation.settings(),
  };
}

export const reputationRoutes: readonly AutomationRoute[] = [
  { method: 'GET', path: '/_sesame/reputation', handle: ({ engine }) => automationReputation(engine) },
  {
    method: 'PATCH',
    path: '/_sesame/reputation/settings',
    handle(req) {
      req.engine.reputation.updateSettings(objectBody(req) as Partial<ReputationSettings>);
      return automationReputation(req.engine);
    },
  },
  {
    method: 'POST',
    path: '/_sesame/reputation/fresh-start',
    handle(req) {
      const body = objectBody(req, true);
      onlyKnown(body, ['configurationSet']);
      const configurationSet = optionalString(body, 'configurationSet');
      req.engine.reputation.freshStart(configurationSet === undefined ? {} : { configurationSet });
      return automationReputation(req.engine);
    },
  },
];
