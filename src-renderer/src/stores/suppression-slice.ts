// Suppression slice: the account-level suppression list as the Suppression screen pages through it
// (search by address, filter by reason), and adding, removing and importing entries. Owns: that list state.
// Must not: render, or parse CSV (the server does).
import type { SuppressionImportDto, SuppressionEntryDto, SuppressionReasonName } from '../../../src-main/contract';
import { isAbort } from '../api/client';
import { sesApi } from '../api/ses-client';
import { screenError, type ScreenError } from './account-slice';
import { busyAction } from './busy-action';
import { appendPage } from './list-ops';
import type { Slice } from './types';

export const SUPPRESSION_PAGE = 100;

export interface SuppressionSlice {
  suppressed: SuppressionEntryDto[];
  suppressionCursor: string | null;
  suppressionQuery: string;
  suppressionReason: SuppressionReasonName | null;
  suppressionLoaded: boolean;
  suppressionError: ScreenError | null;
  suppressionBusy: boolean;
  lastImport: SuppressionImportDto | null;
  setSuppressionFilter: (q: string, reason: SuppressionReasonName | null) => void;
  loadSuppression: () => Promise<void>;
  loadMoreSuppression: () => Promise<void>;
  suppress: (emailAddress: string, reason: SuppressionReasonName) => Promise<boolean>;
  unsuppress: (emailAddress: string) => Promise<boolean>;
  importSuppression: (csv: string) => Promise<boolean>;
}

let inflight: AbortController | null = null;

export const createSuppressionSlice: Slice<SuppressionSlice> = (set, get) => {
  const act = busyAction(set, 'suppressionBusy', 'suppressionError');

  return {
    suppressed: [],
    suppressionCursor: null,
    suppressionQuery: '',
    suppressionReason: null,
    suppressionLoaded: false,
    suppressionError: null,
    suppressionBusy: false,
    lastImport: null,

    setSuppressionFilter: (suppressionQuery, suppressionReason) => {
      set({ suppressionQuery, suppressionReason });
      void get().loadSuppression();
    },

    loadSuppression: async () => {
      inflight?.abort();
      const ctrl = new AbortController();
      inflight = ctrl;
      const { suppressionQuery: q, suppressionReason: reason } = get();
      try {
        const page = await sesApi.suppression({ q, reason, limit: SUPPRESSION_PAGE }, ctrl.signal);
        set({ suppressed: page.items, suppressionCursor: page.nextCursor, suppressionLoaded: true, suppressionError: null });
      } catch (err) {
        if (!isAbort(err)) set({ suppressionError: screenError(err), suppressionLoaded: true });
      } finally {
        if (inflight === ctrl) inflight = null;
      }
    },

    loadMoreSuppression: async () => {
      const { suppressionCursor: cursor, suppressionQuery: q, suppressionReason: reason } = get();
      if (!cursor) return;
      try {
        const page = await sesApi.suppression({ q, reason, limit: SUPPRESSION_PAGE, cursor });
        set({ suppressed: appendPage(get().suppressed, page.items, (e) => e.emailAddress), suppressionCursor: page.nextCursor });
      } catch (err) {
        set({ suppressionError: screenError(err) });
      }
    },

    suppress: (emailAddress, reason) =>
      act(async () => {
        await sesApi.suppress(emailAddress, reason);
        await get().loadSuppression();
      }),

    unsuppress: (emailAddress) =>
      act(async () => {
        await sesApi.unsuppress(emailAddress);
        set({ suppressed: get().suppressed.filter((e) => e.emailAddress !== emailAddress) });
      }),

    importSuppression: (csv) =>
      act(async () => {
        set({ lastImport: await sesApi.importSuppression(csv) });
        await get().loadSuppression();
      }),
  };
};
