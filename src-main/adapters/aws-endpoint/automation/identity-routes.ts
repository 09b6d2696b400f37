// Automation routes that settle an identity's verification without DNS or a click (QA, CI):
//   POST /_sesame/identities/{identity}/verify                      → 200 {identity, verificationStatus: "SUCCESS"}
//   POST /_sesame/identities/{identity}/fail [{status?: FAILED | TEMPORARY_FAILURE}] → 200 {identity, verificationStatus}
//   404 {code: "NotFound"} when no such identity exists (nothing is created).
// `{identity}` is an email address or a domain, URI-encoded or not (`a%40example.com`, `a@example.com`).
// Owns: these paths' bodies. Must not: change identities itself (engine.identities.setVerificationStatus does).
import type { VerificationStatus } from '../../../core/identities/api';
import type { AutomationRequest, AutomationRoute } from './types';
import { notFound, objectBody, onlyKnown, optionalEnum } from './types';

const FAILURES: readonly VerificationStatus[] = ['FAILED', 'TEMPORARY_FAILURE'];

function settle(req: AutomationRequest, status: VerificationStatus) {
  const identity = req.params.identity;
  if (!req.engine.identities.get(identity)) throw notFound(`Identity ${identity} does not exist.`);
  const view = req.engine.identities.setVerificationStatus(identity, status);
  return { identity: view.identity, verificationStatus: view.verificationStatus };
}

export const identityRoutes: readonly AutomationRoute[] = [
  { method: 'POST', path: '/_sesame/identities/:identity/verify', handle: (req) => settle(req, 'SUCCESS') },
  {
    method: 'POST',
    path: '/_sesame/identities/:identity/fail',
    handle(req) {
      const body = objectBody(req, true);
      onlyKnown(body, ['status']);
      return settle(req, optionalEnum(body, 'status', FAILURES) ?? 'FAILED');
    },
  },
];
