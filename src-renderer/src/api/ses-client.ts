// The typed client of the UI API's SES-state routes (account, time, identities, suppression, scenario
// rules, simulator tests), built from src-main/contract like api/client.ts, plus how their failures read.
// Owns: these HTTP calls and `sesErrorParts`. Must not: hold state (stores/ do).
import {
  UiRoutes,
  type AccountDto,
  type AccountPatchBody,
  type IdentityDto,
  type IdentityListDto,
  type IdentityStatusBody,
  type ProductionAccessBody,
  type ScenarioRuleDto,
  type ScenarioRuleInput,
  type ScenarioRuleListDto,
  type SesTimeDto,
  type SimulatorTestBody,
  type SimulatorTestResultDto,
  type SuppressionEntryDto,
  type SuppressionImportDto,
  type SuppressionPageDto,
  type SuppressionReasonName,
} from '../../../src-main/contract';
import { apiUrl, fillRoute } from '../lib/bridge';
import { ApiError, json, request } from './client';

export interface SuppressionQuery {
  q?: string;
  reason?: SuppressionReasonName | null;
  limit?: number;
  cursor?: string | null;
}

const identityPath = (route: string, identity: string) => fillRoute(route, { identity });

export const sesApi = {
  account: (signal?: AbortSignal) => json<AccountDto>(UiRoutes.account, { signal }),
  updateAccount: (patch: AccountPatchBody) => json<AccountDto>(UiRoutes.account, { method: 'PATCH', body: patch }),
  requestProductionAccess: (body: ProductionAccessBody) => json<AccountDto>(UiRoutes.productionAccess, { method: 'POST', body }),
  resetAccount: () => json<AccountDto>(UiRoutes.accountReset, { method: 'POST' }),

  time: (signal?: AbortSignal) => json<SesTimeDto>(UiRoutes.time, { signal }),
  advanceTime: (ms: number) => json<SesTimeDto>(UiRoutes.timeAdvance, { method: 'POST', body: { ms } }),

  identities: (signal?: AbortSignal) => json<IdentityListDto>(UiRoutes.identities, { signal }),
  createIdentity: (identity: string) => json<IdentityDto>(UiRoutes.identities, { method: 'POST', body: { identity } }),
  deleteIdentity: (identity: string) => request(identityPath(UiRoutes.identity, identity), 'none', { method: 'DELETE' }),
  setIdentityStatus: (identity: string, status: IdentityStatusBody['status']) =>
    json<IdentityDto>(identityPath(UiRoutes.identityStatus, identity), { method: 'POST', body: { status } }),
  publishIdentity: (identity: string) => json<IdentityDto>(identityPath(UiRoutes.identityPublish, identity), { method: 'POST' }),

  suppression: (query: SuppressionQuery, signal?: AbortSignal) =>
    json<SuppressionPageDto>(UiRoutes.suppression, {
      signal,
      query: { q: query.q?.trim(), reason: query.reason, limit: query.limit, cursor: query.cursor },
    }),
  suppress: (emailAddress: string, reason: SuppressionReasonName) =>
    json<SuppressionEntryDto>(UiRoutes.suppression, { method: 'POST', body: { emailAddress, reason } }),
  unsuppress: (emailAddress: string) =>
    request(fillRoute(UiRoutes.suppressionEntry, { address: emailAddress }), 'none', { method: 'DELETE' }),
  importSuppression: (csv: string) =>
    json<SuppressionImportDto>(UiRoutes.suppressionImport, { method: 'POST', text: { data: csv, type: 'text/csv; charset=utf-8' } }),

  scenarioRules: (signal?: AbortSignal) => json<ScenarioRuleListDto>(UiRoutes.scenarioRules, { signal }),
  createRule: (rule: ScenarioRuleInput) => json<ScenarioRuleDto>(UiRoutes.scenarioRules, { method: 'POST', body: rule }),
  updateRule: (id: string, rule: Partial<ScenarioRuleInput>) =>
    json<ScenarioRuleDto>(fillRoute(UiRoutes.scenarioRule, { id }), { method: 'PUT', body: rule }),
  deleteRule: (id: string) => request(fillRoute(UiRoutes.scenarioRule, { id }), 'none', { method: 'DELETE' }),
  reorderRules: (ids: string[]) => json<ScenarioRuleListDto>(UiRoutes.scenarioReorder, { method: 'POST', body: { ids } }),

  simulatorTest: (body: SimulatorTestBody) => json<SimulatorTestResultDto>(UiRoutes.simulatorTest, { method: 'POST', body }),
};

/** Loaded by the browser itself: a download link. */
export const sesUrls = {
  suppressionExport: () => apiUrl(UiRoutes.suppressionExport, {}, true),
};

/** The UI API's own generic codes; anything else is SES's error name (MessageRejected, NotFoundException, …). */
const GENERIC_CODES = new Set(['BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'MethodNotAllowed', 'PayloadTooLarge', 'InternalError', 'NetworkError']);

/** A failure as `{code, message}`: SES's own code when SES refused, else null code (just the text). */
export function sesErrorParts(err: unknown): { code: string | null; message: string } {
  if (err instanceof ApiError) return { code: GENERIC_CODES.has(err.code) || err.code.startsWith('Http') ? null : err.code, message: err.message };
  return { code: null, message: err instanceof Error ? err.message : String(err) };
}
