// The account-level suppression list (ses-facts §A.12). Placeholder until the suppression work lands:
// nothing is listed. Must not: decide outcomes (core/outcomes does).
import type { SuppressionService } from './api';

export function createSuppression(): SuppressionService {
  return {
    put: () => {
      throw new Error('suppression list: not built yet');
    },
    get: () => undefined,
    delete: () => false,
    check: () => undefined,
    recordFeedback: () => false,
    reset: () => undefined,
  };
}
