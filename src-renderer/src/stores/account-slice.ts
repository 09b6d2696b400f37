// Account slice: the SES account (sandbox, quotas, sending, production access) and Sesame's clock, for the
// Account screen and the settings popover's time travel. Every change goes to the UI API and the answer
// replaces what is shown. Owns: that state and its actions. Must not: render or decide account rules.
import type { AccountDto, AccountPatchBody, ProductionAccessBody, SesTimeDto } from '../../../src-main/contract';
import { sesApi, sesErrorParts } from '../api/ses-client';
import { busyAction } from './busy-action';
import type { Slice } from './types';

/** A failure as the screens show it: SES's own code (null for Sesame's own refusals) and text. */
export interface ScreenError {
  code: string | null;
  message: string;
}

export const screenError = (err: unknown): ScreenError => sesErrorParts(err);

export interface AccountSlice {
  account: AccountDto | null;
  accountError: ScreenError | null;
  sesTime: SesTimeDto | null;
  /** When sesTime was read (this machine's clock), so the shown time can tick between reads. */
  sesTimeAt: number;
  /** An action is in flight (buttons disable). */
  accountBusy: boolean;
  loadAccount: () => Promise<void>;
  updateAccount: (patch: AccountPatchBody) => Promise<boolean>;
  requestProductionAccess: (body: ProductionAccessBody) => Promise<boolean>;
  resetAccount: () => Promise<boolean>;
  loadTime: () => Promise<void>;
  advanceTime: (ms: number) => Promise<boolean>;
}

export const createAccountSlice: Slice<AccountSlice> = (set, get) => {
  /** Run one account action: busy while it runs, the error shown when it fails, the account reloaded. */
  const busy = busyAction(set, 'accountBusy', 'accountError');
  const act = (run: () => Promise<AccountDto | null>): Promise<boolean> =>
    busy(async () => {
      const account = await run();
      if (account) set({ account });
    });

  return {
    account: null,
    accountError: null,
    sesTime: null,
    sesTimeAt: 0,
    accountBusy: false,

    loadAccount: async () => {
      try {
        const [account, sesTime] = await Promise.all([sesApi.account(), sesApi.time()]);
        set({ account, sesTime, sesTimeAt: Date.now(), accountError: null });
      } catch (err) {
        set({ accountError: screenError(err) });
      }
    },

    updateAccount: (patch) => act(() => sesApi.updateAccount(patch)),

    requestProductionAccess: (body) => act(() => sesApi.requestProductionAccess(body)),

    resetAccount: async () => {
      const ok = await act(() => sesApi.resetAccount());
      if (ok) await get().loadTime();
      return ok;
    },

    loadTime: async () => {
      try {
        set({ sesTime: await sesApi.time(), sesTimeAt: Date.now() });
      } catch (err) {
        set({ accountError: screenError(err) });
      }
    },

    advanceTime: async (ms) => {
      const ok = await act(async () => {
        set({ sesTime: await sesApi.advanceTime(ms), sesTimeAt: Date.now() });
        // Time travel can grant a pending review and empties the 24-hour window: show the account as it is now.
        return sesApi.account();
      });
      return ok;
    },
  };
};
