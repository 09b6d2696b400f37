// The SES account as GetAccount / GetSendQuota report it (ses-facts §A.8): a new account's sandbox defaults,
// Sesame's settings for it (persisted in the store's settings under `account`), PutAccountDetails' details
// and the simulated production-access review (details.ts), SentLast24Hours (send-window.ts) and the send
// rate (rate.ts).
// Owns: the gates the pipeline calls, in this order — paused (SHUTDOWN, then sending disabled), then at
// admission the daily quota ("if you have any remaining, your call goes through": allowed while
// SentLast24Hours < Max24HourSend; −1 = unlimited; simulator recipients do not count), then the send rate
// (every recipient counts, debt-like). A refused call is not charged. Between admission and the commit the
// pipeline awaits (MIME encoding), so admitted recipients are held as reservations until recordSend: parallel
// sends cannot all squeeze through the last remaining unit. A reservation whose send never commits (the
// pipeline failed after the gate) lapses after RESERVATION_TTL_MS of Sesame time. A pending review is
// decided lazily on every read against Sesame's clock, so time travel grants it; a grant leaves the sandbox
// and raises the quotas to production's. Must not: know about identities or mail.
import type { Clock } from '../clock';
import { errors } from '../errors';
import type { Ids } from '../ids';
import {
  PRODUCTION_MAX_24_HOUR_SEND,
  PRODUCTION_MAX_SEND_RATE,
  SANDBOX_MAX_24_HOUR_SEND,
  SANDBOX_MAX_SEND_RATE,
} from '../limits';
import type { SendLogStore, SettingsStore } from '../store/types';
import { SUPPRESSION_REASONS } from '../suppression/suppression';
import type {
  AccountDetails,
  AccountPatch,
  AccountService,
  AccountView,
  EnforcementStatus,
  SendQuota,
  SuppressionReason,
} from './api';
import { applyDetails, decideReview } from './details';
import { createSendRate } from './rate';
import { createSendWindow } from './send-window';

export type { AccountService };
export { createSendWindow, WINDOW_MS, type SendWindow } from './send-window';

/** What is persisted under the `account` settings key. */
interface AccountSettings {
  sandbox: boolean;
  max24HourSend: number;
  maxSendRate: number;
  sendingEnabled: boolean;
  enforcementStatus: EnforcementStatus;
  suppressedReasons: SuppressionReason[];
  autoVerify: boolean;
  dedicatedIpAutoWarmupEnabled: boolean;
  details: AccountDetails | null;
}

const SETTINGS_KEY = 'account';

/** A new SES account: sandbox, 200/24 h, 1/s; suppression of both reasons (accounts after 2019-11-25). */
export const NEW_ACCOUNT: Readonly<AccountSettings> = {
  sandbox: true,
  max24HourSend: SANDBOX_MAX_24_HOUR_SEND,
  maxSendRate: SANDBOX_MAX_SEND_RATE,
  sendingEnabled: true,
  enforcementStatus: 'HEALTHY',
  suppressedReasons: [...SUPPRESSION_REASONS],
  autoVerify: false,
  dedicatedIpAutoWarmupEnabled: false,
  details: null,
};

/** An admitted send that has not committed after this long (Sesame time) has failed; its reservation lapses. */
const RESERVATION_TTL_MS = 60_000;

/** A granted review's quotas: production's, unless Sesame was already set higher (or unlimited). */
const atLeast = (current: number, floor: number) => (current === -1 || current > floor ? current : floor);

export function createAccount(log: SendLogStore, settings: SettingsStore, clock: Clock, ids: Ids): AccountService {
  let window = createSendWindow(log, clock.now());
  const rate = createSendRate();
  let state: AccountSettings = { ...NEW_ACCOUNT, ...settings.get<Partial<AccountSettings>>(SETTINGS_KEY) };
  /** Admitted, not yet committed: counted toward the quota so concurrent sends see each other. */
  let reserved: { at: number; recipients: number; lapsesAt: number }[] = [];
  const reservedTotal = () => {
    const now = clock.now();
    reserved = reserved.filter((r) => r.lapsesAt > now);
    return reserved.reduce((sum, r) => sum + r.recipients, 0);
  };

  const save = (next: AccountSettings) => {
    settings.put(SETTINGS_KEY, next);
    state = next;
  };
  /** The state with a due review decided (and persisted). */
  const current = (): AccountSettings => {
    const details = decideReview(state.details, clock.now());
    if (details !== state.details) {
      const granted = details?.review?.status === 'GRANTED';
      save({
        ...state,
        details,
        ...(granted
          ? {
              sandbox: false,
              max24HourSend: atLeast(state.max24HourSend, PRODUCTION_MAX_24_HOUR_SEND),
              maxSendRate: state.maxSendRate > PRODUCTION_MAX_SEND_RATE ? state.maxSendRate : PRODUCTION_MAX_SEND_RATE,
            }
          : {}),
      });
    }
    return state;
  };

  const quota = (): SendQuota => {
    const s = current();
    return { max24HourSend: s.max24HourSend, maxSendRate: s.maxSendRate, sentLast24Hours: window.total(clock.now()) };
  };
  const get = (): AccountView => {
    const s = current();
    return {
      productionAccessEnabled: !s.sandbox,
      // Paused by SES (SHUTDOWN) reads as sending disabled, and the switch cannot resume it ("If AWS paused
      // your account's ability to send email, you can't use this operation to resume", PutAccountSendingAttributes).
      sendingEnabled: s.sendingEnabled && s.enforcementStatus !== 'SHUTDOWN',
      enforcementStatus: s.enforcementStatus,
      dedicatedIpAutoWarmupEnabled: s.dedicatedIpAutoWarmupEnabled,
      sendQuota: quota(),
      suppressedReasons: [...s.suppressedReasons],
      autoVerify: s.autoVerify,
      details: s.details
        ? {
            ...s.details,
            additionalContactEmailAddresses: [...s.details.additionalContactEmailAddresses],
            review: s.details.review ? { ...s.details.review } : null,
          }
        : null,
    };
  };

  return {
    get,
    quota,
    update(patch: AccountPatch) {
      const next = { ...current() };
      if (patch.sandbox !== undefined) next.sandbox = patch.sandbox;
      if (patch.max24HourSend !== undefined) next.max24HourSend = patch.max24HourSend;
      if (patch.maxSendRate !== undefined) next.maxSendRate = patch.maxSendRate;
      if (patch.sendingEnabled !== undefined) next.sendingEnabled = patch.sendingEnabled;
      if (patch.enforcementStatus !== undefined) next.enforcementStatus = patch.enforcementStatus;
      if (patch.suppressedReasons !== undefined) next.suppressedReasons = [...new Set(patch.suppressedReasons)];
      if (patch.autoVerify !== undefined) next.autoVerify = patch.autoVerify;
      if (patch.dedicatedIpAutoWarmupEnabled !== undefined) next.dedicatedIpAutoWarmupEnabled = patch.dedicatedIpAutoWarmupEnabled;
      save(next);
      return get();
    },
    putDetails(input) {
      const s = current();
      const details = applyDetails(s.details, input, { now: clock.now(), inSandbox: s.sandbox, ids });
      save({ ...s, details });
      return get();
    },
    assertCanSend() {
      const s = current();
      if (s.enforcementStatus === 'SHUTDOWN') throw errors.accountShutdown();
      if (!s.sendingEnabled) throw errors.accountSendingDisabled();
    },
    inSandbox: () => current().sandbox,
    suppressedReasons: () => [...current().suppressedReasons],
    autoVerify: () => state.autoVerify,
    admit(at, counts) {
      const s = current();
      if (s.max24HourSend >= 0 && counts.quotaRecipients > 0 && window.total(at) + reservedTotal() >= s.max24HourSend) {
        throw errors.dailyQuotaExceeded();
      }
      // Charged only when admitted: a refused call costs nothing.
      if (!rate.tryTake(at, counts.rateRecipients, s.maxSendRate)) throw errors.rateExceeded();
      if (counts.quotaRecipients > 0) reserved.push({ at, recipients: counts.quotaRecipients, lapsesAt: clock.now() + RESERVATION_TTL_MS });
    },
    recordSend(at, recipients) {
      const i = reserved.findIndex((r) => r.at === at && r.recipients === recipients);
      if (i >= 0) reserved.splice(i, 1);
      window.record(at, recipients);
    },
    rateWaitMs: () => rate.waitMs(clock.now(), current().maxSendRate),
    reset() {
      settings.delete(SETTINGS_KEY);
      log.clear();
      state = { ...NEW_ACCOUNT };
      window = createSendWindow(log, clock.now());
      reserved = [];
      rate.reset();
    },
  };
}
