// Automation routes for the SES account (ses-facts §A.8) and for starting over:
//   POST  /_sesame/reset[?messages=1]  → 200 {reset: true, messagesDeleted}   engine.reset(): every piece of SES
//                                        account state back to a new account's (the start-up overrides apply
//                                        again); mail is kept unless `messages=1` (or `true`) asks to delete it.
//   GET   /_sesame/account             → 200 AutomationAccount (below)
//   PATCH /_sesame/account {sandbox?, max24HourSend?, maxSendRate?, sendingEnabled?, enforcementStatus?,
//                           autoVerify?, suppressedReasons?}  → 200 AutomationAccount
//         max24HourSend: −1 (unlimited) or a whole number ≥ 0; maxSendRate: > 0 recipients per second;
//         enforcementStatus: HEALTHY | PROBATION | SHUTDOWN; suppressedReasons: [] or BOUNCE/COMPLAINT.
// Owns: these bodies' checks and the account's JSON here. Must not: apply account rules (core/account does).
import type { AccountPatch, AccountView, EnforcementStatus, SuppressionReason } from '../../../core/account/api';
import type { Engine } from '../../../core/engine-api';
import type { AutomationRoute } from './types';
import { badRequest, iso, objectBody, onlyKnown, optionalBoolean, optionalEnum, optionalNumber } from './types';

const ENFORCEMENT: readonly EnforcementStatus[] = ['HEALTHY', 'PROBATION', 'SHUTDOWN'];
const REASONS: readonly SuppressionReason[] = ['BOUNCE', 'COMPLAINT'];
const PATCH_MEMBERS = ['sandbox', 'max24HourSend', 'maxSendRate', 'sendingEnabled', 'enforcementStatus', 'autoVerify', 'suppressedReasons'];
const TRUE_FLAGS = ['1', 'true', 'yes'];

/** The account as the automation API reports it: GetAccount's facts plus Sesame's (auto-verify, rate debt, review timing). */
export function automationAccount(engine: Engine) {
  const a: AccountView = engine.account.get();
  const d = a.details;
  return {
    region: engine.region,
    accountId: engine.accountId,
    sandbox: !a.productionAccessEnabled,
    productionAccessEnabled: a.productionAccessEnabled,
    sendingEnabled: a.sendingEnabled,
    enforcementStatus: a.enforcementStatus,
    autoVerify: a.autoVerify,
    suppressedReasons: [...a.suppressedReasons],
    sendQuota: { ...a.sendQuota },
    /** Milliseconds until the send rate admits the next 1-recipient send. */
    rateWaitMs: engine.account.rateWaitMs(),
    details: d
      ? {
          mailType: d.mailType,
          websiteUrl: d.websiteUrl,
          contactLanguage: d.contactLanguage,
          useCaseDescription: d.useCaseDescription,
          additionalContactEmailAddresses: [...d.additionalContactEmailAddresses],
          review: d.review
            ? {
                status: d.review.status,
                caseId: d.review.caseId,
                openedAt: iso(d.review.openedAt),
                decidesAt: iso(d.review.decidesAt),
                decidedAt: iso(d.review.decidedAt),
              }
            : null,
        }
      : null,
  };
}

function parsePatch(body: Record<string, unknown>): AccountPatch {
  onlyKnown(body, PATCH_MEMBERS);
  const patch: AccountPatch = {};
  const sandbox = optionalBoolean(body, 'sandbox');
  if (sandbox !== undefined) patch.sandbox = sandbox;
  const max = optionalNumber(body, 'max24HourSend', (n) => n === -1 || (Number.isInteger(n) && n >= 0), '-1 (unlimited) or a whole number ≥ 0');
  if (max !== undefined) patch.max24HourSend = max;
  const rate = optionalNumber(body, 'maxSendRate', (n) => n > 0, 'a number > 0 (recipients per second)');
  if (rate !== undefined) patch.maxSendRate = rate;
  const sending = optionalBoolean(body, 'sendingEnabled');
  if (sending !== undefined) patch.sendingEnabled = sending;
  const enforcement = optionalEnum(body, 'enforcementStatus', ENFORCEMENT);
  if (enforcement !== undefined) patch.enforcementStatus = enforcement;
  const autoVerify = optionalBoolean(body, 'autoVerify');
  if (autoVerify !== undefined) patch.autoVerify = autoVerify;
  const reasons = body.suppressedReasons;
  if (reasons !== undefined) {
    if (!Array.isArray(reasons) || reasons.some((r) => !REASONS.includes(r as SuppressionReason))) {
      throw badRequest(`suppressedReasons must be a list of ${REASONS.join(', ')} (or empty).`);
    }
    patch.suppressedReasons = reasons as SuppressionReason[];
  }
  return patch;
}

export const accountRoutes: readonly AutomationRoute[] = [
  {
    method: 'POST',
    path: '/_sesame/reset',
    handle({ engine, query }) {
      const flag = query.get('messages');
      const deleteMail = flag !== null && TRUE_FLAGS.includes(flag.toLowerCase());
      engine.reset();
      return { reset: true, messagesDeleted: deleteMail ? engine.messages.deleteAll() : 0 };
    },
  },
  { method: 'GET', path: '/_sesame/account', handle: ({ engine }) => automationAccount(engine) },
  {
    method: 'PATCH',
    path: '/_sesame/account',
    handle(req) {
      req.engine.account.update(parsePatch(objectBody(req)));
      return automationAccount(req.engine);
    },
  },
];
