// Automation routes for QA scenario rules (core/outcomes; Sesame's own feature, no SES operation):
//   GET    /_sesame/scenario-rules            → 200 {rules: [rule…]} in evaluation order (first match wins)
//   POST   /_sesame/scenario-rules            → 201 rule        body {name?, enabled?, match, action, countsTowardReputation?, position?}
//   POST   /_sesame/scenario-rules/reorder    → 200 {rules}     body {ids: [every rule id, in the new order]}
//   GET    /_sesame/scenario-rules/{id}       → 200 rule
//   PUT    /_sesame/scenario-rules/{id}       → 200 rule        body: the members to change (name, enabled, match, action, countsTowardReputation)
//   DELETE /_sesame/scenario-rules/{id}       → 204
//   DELETE /_sesame/scenario-rules            → 204 (every rule)
// A rule: {id, name, enabled, match: {kind: address|domain|glob|regex, pattern}, action: {kind, …},
// countsTowardReputation (default true: its recipients count toward the reputation rates)} with
// action kinds hard-bounce {bounceSubType, status, diagnosticCode}, soft-bounce {bounceSubType, delayType,
// retries, retryIntervalSeconds, finalOutcome, status, diagnosticCode}, complain {delaySeconds, feedbackType},
// delay {delaySeconds, delayType}, reject {} — missing parameters take defaults, the answer shows them all.
// Invalid input answers 400 `{code: "BadRequestException", message}` naming the member; an unknown id
// 404 `{code: "NotFoundException"}`. Outcomes that lie in the future run when Sesame's clock reaches them
// (POST /_sesame/time/advance moves it).
// Owns: these paths' JSON shapes. Must not: validate rules itself (engine.scenarios does).
import { outcomeErrors } from '../../../core/errors';
import type { AutomationRoute } from './types';
import { objectBody, onlyKnown, optionalNumber, reply } from './types';

const RULE_MEMBERS = ['name', 'enabled', 'match', 'action', 'countsTowardReputation'] as const;

export const scenarioRuleRoutes: readonly AutomationRoute[] = [
  { method: 'GET', path: '/_sesame/scenario-rules', handle: ({ engine }) => ({ rules: engine.scenarios.list() }) },
  {
    method: 'POST',
    path: '/_sesame/scenario-rules',
    handle(req) {
      const body = objectBody(req);
      onlyKnown(body, [...RULE_MEMBERS, 'position']);
      const position = optionalNumber(body, 'position', (n) => Number.isInteger(n) && n >= 0, 'a whole number ≥ 0');
      return reply(201, req.engine.scenarios.create(body, position));
    },
  },
  {
    method: 'DELETE',
    path: '/_sesame/scenario-rules',
    handle({ engine }) {
      engine.scenarios.reset();
      return reply(204);
    },
  },
  {
    method: 'POST',
    path: '/_sesame/scenario-rules/reorder',
    handle(req) {
      const body = objectBody(req);
      onlyKnown(body, ['ids']);
      return { rules: req.engine.scenarios.reorder(body.ids as string[]) };
    },
  },
  {
    method: 'GET',
    path: '/_sesame/scenario-rules/:id',
    handle({ engine, params }) {
      const rule = engine.scenarios.get(params.id);
      if (!rule) throw outcomeErrors.ruleNotFound(params.id);
      return rule;
    },
  },
  {
    method: 'PUT',
    path: '/_sesame/scenario-rules/:id',
    handle(req) {
      const body = objectBody(req);
      onlyKnown(body, RULE_MEMBERS);
      return req.engine.scenarios.update(req.params.id, body);
    },
  },
  {
    method: 'DELETE',
    path: '/_sesame/scenario-rules/:id',
    handle({ engine, params }) {
      if (!engine.scenarios.delete(params.id)) throw outcomeErrors.ruleNotFound(params.id);
      return reply(204);
    },
  },
];
