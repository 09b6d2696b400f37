// UI API: QA scenario rules and the mailbox simulator test buttons.
//   GET    /api/scenario-rules                    → ScenarioRuleListDto (evaluation order)
//   POST   /api/scenario-rules {ScenarioRuleInput} → ScenarioRuleDto (201)
//   PUT    /api/scenario-rules/:id {ScenarioRuleInput} → ScenarioRuleDto
//   DELETE /api/scenario-rules/:id                → 204
//   POST   /api/scenario-rules/reorder {ids}      → ScenarioRuleListDto
//   POST   /api/simulator-test {scenario, from?}  → SimulatorTestResultDto: a small SES v2 SendEmail from a
//          verified sender (default: the first verified identity) to `<scenario>@simulator.amazonses.com`.
// Owns: the HTTP shape of these. Must not: validate rule members or decide outcomes (core/outcomes does;
// its refusals come back as SesErrors) — the simulator test goes through the one sending pipeline like any send.
import { randomUUID } from 'node:crypto';
import { SIMULATOR_SCENARIOS } from '../../contract/ui-api';
import type { ScenarioReorderBody, ScenarioRuleDto, ScenarioRuleListDto, SimulatorScenario, SimulatorTestResultDto } from '../../contract/ui-api';
import type { Engine } from '../../core/engine-api';
import type { ScenarioRule, ScenarioRuleInput } from '../../core/outcomes/api';
import { MAX_MESSAGE_BYTES_V2, SIMULATOR_DOMAIN } from '../../core/limits';
import { badRequest, methodNotAllowed, notFound, segment, send, sendJson } from './respond';
import type { SesCall, SesRouteTable } from './ses-routes';
import { oneOf, onlyKnown, readObject, str, strings } from './ses-routes-io';

/** A rule as the screen shows it (the engine's rule is already complete, defaults filled in). */
export function ruleDto(rule: ScenarioRule): ScenarioRuleDto {
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    match: { ...rule.match },
    action: { ...rule.action },
    countsTowardReputation: rule.countsTowardReputation,
  };
}

const listDto = (engine: Engine): ScenarioRuleListDto => ({ items: engine.scenarios.list().map(ruleDto) });

/** The body of a create/update: members checked here for shape, by the engine for meaning. */
function ruleInput(body: Record<string, unknown>): ScenarioRuleInput {
  const members = ['name', 'enabled', 'match', 'action', 'countsTowardReputation'] as const;
  onlyKnown(body, members);
  // Only the members given: an update changes those and keeps the others.
  return Object.fromEntries(members.filter((m) => body[m] !== undefined).map((m) => [m, body[m]])) as ScenarioRuleInput;
}

async function scenarioRules({ ctx, req, res, method, seg }: SesCall): Promise<void> {
  const { engine } = ctx;
  if (seg.length === 1) {
    if (method === 'GET' || method === 'HEAD') return sendJson(res, 200, listDto(engine), method);
    if (method !== 'POST') throw methodNotAllowed(method, 'GET, POST');
    return sendJson(res, 201, ruleDto(engine.scenarios.create(ruleInput(await readObject(req)))));
  }
  if (seg.length === 2 && seg[1] === 'reorder') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    const body = await readObject(req);
    onlyKnown(body, ['ids']);
    const ids: ScenarioReorderBody['ids'] | undefined = strings(body, 'ids');
    if (ids === undefined) throw badRequest('ids is required: every rule id, in the new order.');
    engine.scenarios.reorder(ids);
    return sendJson(res, 200, listDto(engine));
  }
  if (seg.length === 2) {
    const id = segment(seg[1], 'rule id');
    if (method === 'PUT') return sendJson(res, 200, ruleDto(engine.scenarios.update(id, ruleInput(await readObject(req)))));
    if (method === 'DELETE') {
      if (!engine.scenarios.delete(id)) throw notFound(`No scenario rule ${id}.`);
      return send(res, 204, {});
    }
    throw methodNotAllowed(method, 'PUT, DELETE');
  }
  throw notFound(`No API route /api/${seg.join('/')}.`);
}

/** The sender for a test: the given one, else the first verified identity (a domain lends `simulator-test@`). */
function testSender(engine: Engine, from: string | undefined): string {
  if (from !== undefined) return from;
  const verified = engine.identities.list().find((i) => i.verificationStatus === 'SUCCESS');
  if (verified) return verified.type === 'DOMAIN' ? `simulator-test@${verified.identity}` : verified.identity;
  // None verified: with auto-verify any sender passes; otherwise SES's own refusal says what to do.
  return 'simulator-test@example.com';
}

async function simulatorTest({ ctx, req, res, method, seg }: SesCall): Promise<void> {
  const { engine } = ctx;
  if (seg.length !== 1) throw notFound(`No API route /api/${seg.join('/')}.`);
  if (method !== 'POST') throw methodNotAllowed(method, 'POST');
  const body = await readObject(req);
  onlyKnown(body, ['scenario', 'from']);
  const scenario: SimulatorScenario = oneOf(body, 'scenario', SIMULATOR_SCENARIOS, true);
  const from = testSender(engine, str(body, 'from')?.trim() || undefined);
  const to = `${scenario}@${SIMULATOR_DOMAIN}`;
  const { messageId } = await engine.sending.send({
    caller: { door: 'sesv2', operation: 'SendEmail', sourceIp: '127.0.0.1', accessKeyId: null, requestId: randomUUID() },
    from,
    destination: { to: [to] },
    content: {
      kind: 'simple',
      subject: { data: `Sesame simulator test: ${scenario}` },
      text: { data: `A test message to the SES mailbox simulator (${to}), sent from Sesame's UI.\n` },
    },
    maxBytes: MAX_MESSAGE_BYTES_V2,
  });
  const out: SimulatorTestResultDto = { messageId, from, to };
  return sendJson(res, 200, out);
}

export const scenarioRoutes: SesRouteTable = { 'scenario-rules': scenarioRules, 'simulator-test': simulatorTest };
