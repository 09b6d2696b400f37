// UI API: the SES account and Sesame's clock (ses-facts §A.8).
//   GET   /api/account                     → AccountDto
//   PATCH /api/account {AccountPatchBody}  → AccountDto   (sandbox, quota, rate, sending, enforcement, auto-verify)
//   POST  /api/account/production-access {ProductionAccessBody} → AccountDto   (PutAccountDetails; review PENDING)
//   POST  /api/account/reset               → AccountDto   (engine.reset(): a new account, start-up settings re-applied; mail kept)
//   GET   /api/time                        → SesTimeDto
//   POST  /api/time/advance {ms}           → SesTimeDto with `ran` (time travel runs due scheduled outcomes)
// Owns: validating these bodies and shaping the account view for the screen. Must not: apply account rules
// (core/account does: a production-access request and its review live there).
import type { AccountDetailsDto, AccountDto, AccountPatchBody, ProductionAccessBody, SesTimeDto } from '../../contract/ui-api';
import type { AccountDetails } from '../../core/account/api';
import type { Engine } from '../../core/engine-api';
import type { SesCall, SesRouteTable } from './ses-routes';
import { bool, iso, num, oneOf, onlyKnown, readObject, str, strings } from './ses-routes-io';
import { badRequest, methodNotAllowed, notFound, sendJson } from './respond';

const ENFORCEMENT = ['HEALTHY', 'PROBATION', 'SHUTDOWN'] as const;
const REASONS = ['BOUNCE', 'COMPLAINT'] as const;
const MAIL_TYPES = ['MARKETING', 'TRANSACTIONAL'] as const;
/** Ten years: far enough for any test, small enough to stay a sane date. */
const MAX_ADVANCE_MS = 10 * 366 * 24 * 60 * 60 * 1000;
const MAX_LIMIT = 1e9;

function detailsDto(d: AccountDetails | null): AccountDetailsDto | null {
  if (d === null) return null;
  const r = d.review;
  return {
    mailType: d.mailType,
    websiteUrl: d.websiteUrl,
    contactLanguage: d.contactLanguage,
    useCaseDescription: d.useCaseDescription,
    additionalContactEmailAddresses: [...d.additionalContactEmailAddresses],
    review: r ? { status: r.status, caseId: r.caseId, openedAt: iso(r.openedAt)!, decidesAt: iso(r.decidesAt), decidedAt: iso(r.decidedAt) } : null,
  };
}

export function accountDto(engine: Engine): AccountDto {
  const view = engine.account.get();
  return {
    region: engine.region,
    accountId: engine.accountId,
    sandbox: !view.productionAccessEnabled,
    sendingEnabled: view.sendingEnabled,
    enforcementStatus: view.enforcementStatus,
    autoVerify: view.autoVerify,
    suppressedReasons: [...view.suppressedReasons],
    sendQuota: { ...view.sendQuota },
    details: detailsDto(view.details),
  };
}

export function timeDto(engine: Engine, ran?: number): SesTimeDto {
  const out: SesTimeDto = { now: iso(engine.time.now())!, offsetMs: engine.time.offset() };
  if (ran !== undefined) out.ran = ran;
  return out;
}

function parsePatch(body: Record<string, unknown>): AccountPatchBody {
  onlyKnown(body, ['sandbox', 'max24HourSend', 'maxSendRate', 'sendingEnabled', 'enforcementStatus', 'autoVerify', 'suppressedReasons']);
  const patch: AccountPatchBody = {};
  const sandbox = bool(body, 'sandbox');
  if (sandbox !== undefined) patch.sandbox = sandbox;
  const max = num(body, 'max24HourSend', -1, MAX_LIMIT, true);
  if (max !== undefined) patch.max24HourSend = max;
  const rate = num(body, 'maxSendRate', 0.01, MAX_LIMIT);
  if (rate !== undefined) patch.maxSendRate = rate;
  const sending = bool(body, 'sendingEnabled');
  if (sending !== undefined) patch.sendingEnabled = sending;
  const enforcement = oneOf(body, 'enforcementStatus', ENFORCEMENT);
  if (enforcement !== undefined) patch.enforcementStatus = enforcement;
  const autoVerify = bool(body, 'autoVerify');
  if (autoVerify !== undefined) patch.autoVerify = autoVerify;
  const reasons = strings(body, 'suppressedReasons');
  if (reasons !== undefined) patch.suppressedReasons = reasons.map((r) => oneOf({ r }, 'r', REASONS, true));
  return patch;
}

function parseProductionAccess(body: Record<string, unknown>): ProductionAccessBody {
  onlyKnown(body, ['mailType', 'websiteUrl', 'useCaseDescription', 'contactLanguage', 'additionalContactEmailAddresses']);
  const out: ProductionAccessBody = { mailType: oneOf(body, 'mailType', MAIL_TYPES, true), websiteUrl: str(body, 'websiteUrl', true).trim() };
  const useCase = str(body, 'useCaseDescription');
  if (useCase !== undefined && useCase.trim() !== '') out.useCaseDescription = useCase;
  const language = oneOf(body, 'contactLanguage', ['EN', 'JA'] as const);
  if (language !== undefined) out.contactLanguage = language;
  const extra = strings(body, 'additionalContactEmailAddresses');
  if (extra !== undefined && extra.length) out.additionalContactEmailAddresses = extra;
  return out;
}

async function account({ ctx, req, res, method, seg }: SesCall): Promise<void> {
  const { engine } = ctx;
  if (seg.length === 1) {
    if (method === 'GET' || method === 'HEAD') return sendJson(res, 200, accountDto(engine), method);
    if (method !== 'PATCH') throw methodNotAllowed(method, 'GET, PATCH');
    engine.account.update(parsePatch(await readObject(req)));
    return sendJson(res, 200, accountDto(engine));
  }
  if (seg.length === 2 && seg[1] === 'production-access') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    const body = parseProductionAccess(await readObject(req));
    engine.account.putDetails({ ...body, productionAccessEnabled: true });
    return sendJson(res, 200, accountDto(engine));
  }
  if (seg.length === 2 && seg[1] === 'reset') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    engine.reset();
    return sendJson(res, 200, accountDto(engine));
  }
  throw notFound(`No API route /api/${seg.join('/')}.`);
}

async function time({ ctx, req, res, method, seg }: SesCall): Promise<void> {
  const { engine } = ctx;
  if (seg.length === 1) {
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, 'GET');
    return sendJson(res, 200, timeDto(engine), method);
  }
  if (seg.length === 2 && seg[1] === 'advance') {
    if (method !== 'POST') throw methodNotAllowed(method, 'POST');
    const body = await readObject(req);
    onlyKnown(body, ['ms']);
    const ms = num(body, 'ms', 1, MAX_ADVANCE_MS, true);
    if (ms === undefined) throw badRequest('ms is required.');
    const { ran } = engine.time.advance(ms);
    return sendJson(res, 200, timeDto(engine, ran));
  }
  throw notFound(`No API route /api/${seg.join('/')}.`);
}

export const accountRoutes: SesRouteTable = { account, time };
