// The SES account as GetAccount / GetSendQuota report it: a new account's sandbox defaults (ses-facts §A.8),
// Sesame's settings for it (persisted in the store's settings), and SentLast24Hours, the recipients sent in
// a rolling 24-hour window (recipients, not messages). The window is a queue of (time, recipients) in
// memory, trimmed at its head both when a send is recorded and when the total is read, so it holds at most a
// day of sends whoever reads it (O(1) amortized either way); it is loaded from the store's send log at
// start, so restarts keep the count.
// Owns: the gates the pipeline calls (paused, sandbox, quota). Must not: know about identities or mail.
import type { Clock } from '../clock';
import { errors } from '../errors';
import { SANDBOX_MAX_24_HOUR_SEND, SANDBOX_MAX_SEND_RATE } from '../limits';
import type { SendLogStore, SettingsStore } from '../store/types';
import type { AccountPatch, AccountService, AccountView, EnforcementStatus, SendQuota, SuppressionReason } from './api';

export type { AccountService };

/** What is persisted under the `account` settings key. */
interface AccountSettings {
  sandbox: boolean;
  max24HourSend: number;
  maxSendRate: number;
  sendingEnabled: boolean;
  enforcementStatus: EnforcementStatus;
  suppressedReasons: SuppressionReason[];
  autoVerify: boolean;
}

const SETTINGS_KEY = 'account';

/** A new SES account: sandbox, 200/24 h, 1/s; suppression of both reasons (accounts after 2019-11-25). */
export const NEW_ACCOUNT: Readonly<AccountSettings> = {
  sandbox: true,
  max24HourSend: SANDBOX_MAX_24_HOUR_SEND,
  maxSendRate: SANDBOX_MAX_SEND_RATE,
  sendingEnabled: true,
  enforcementStatus: 'HEALTHY',
  suppressedReasons: ['BOUNCE', 'COMPLAINT'],
  autoVerify: false,
};

export function createAccount(log: SendLogStore, settings: SettingsStore, clock: Clock): AccountService {
  let window = createSendWindow(log, clock.now());
  let state: AccountSettings = { ...NEW_ACCOUNT, ...settings.get<Partial<AccountSettings>>(SETTINGS_KEY) };
  const quota = (): SendQuota => ({
    max24HourSend: state.max24HourSend,
    maxSendRate: state.maxSendRate,
    sentLast24Hours: window.total(clock.now()),
  });
  const get = (): AccountView => ({
    productionAccessEnabled: !state.sandbox,
    sendingEnabled: state.sendingEnabled,
    enforcementStatus: state.enforcementStatus,
    dedicatedIpAutoWarmupEnabled: false,
    sendQuota: quota(),
    suppressedReasons: [...state.suppressedReasons],
    autoVerify: state.autoVerify,
  });
  return {
    get,
    quota,
    update(patch: AccountPatch) {
      const next = { ...state };
      if (patch.sandbox !== undefined) next.sandbox = patch.sandbox;
      if (patch.max24HourSend !== undefined) next.max24HourSend = patch.max24HourSend;
      if (patch.maxSendRate !== undefined) next.maxSendRate = patch.maxSendRate;
      if (patch.sendingEnabled !== undefined) next.sendingEnabled = patch.sendingEnabled;
      if (patch.enforcementStatus !== undefined) next.enforcementStatus = patch.enforcementStatus;
      if (patch.suppressedReasons !== undefined) next.suppressedReasons = [...new Set(patch.suppressedReasons)];
      if (patch.autoVerify !== undefined) next.autoVerify = patch.autoVerify;
      settings.put(SETTINGS_KEY, next);
      state = next;
      return get();
    },
    assertCanSend() {
      if (state.enforcementStatus === 'SHUTDOWN') throw errors.accountShutdown();
      if (!state.sendingEnabled) throw errors.accountSendingDisabled();
    },
    inSandbox: () => state.sandbox,
    autoVerify: () => state.autoVerify,
    admit(at, counts) {
      // The send rate lands with the sending-rules work (account/rate.ts); the daily quota is checked here.
      if (state.max24HourSend >= 0 && counts.quotaRecipients > 0 && window.total(at) >= state.max24HourSend) {
        throw errors.dailyQuotaExceeded();
      }
    },
    recordSend: (at, recipients) => window.record(at, recipients),
    reset() {
      settings.delete(SETTINGS_KEY);
      log.clear();
      state = { ...NEW_ACCOUNT };
      window = createSendWindow(log, clock.now());
    },
  };
}

export const WINDOW_MS = 24 * 60 * 60 * 1000;

export interface SendWindow {
  record(at: number, recipients: number): void;
  /** Recipients sent in (now − 24 h, now]. */
  total(now: number): number;
  /** Entries held in memory, evicted ones awaiting compaction included (for tests: the window stays bounded). */
  held(): number;
}

export function createSendWindow(log: SendLogStore, now: number): SendWindow {
  let times: number[] = [];
  let counts: number[] = [];
  let head = 0;
  let sum = 0;
  let lastNow = now;
  let sinceTrim = 0;

  const load = (at: number) => {
    log.prune(at - WINDOW_MS);
    const rows = log.since(at - WINDOW_MS);
    times = rows.map((r) => r.at);
    counts = rows.map((r) => r.recipients);
    head = 0;
    sum = counts.reduce((a, b) => a + b, 0);
  };
  load(now);

  const evict = (at: number) => {
    // An injected clock may move backwards (tests); rows already evicted would then count again.
    if (at < lastNow) load(at);
    lastNow = at;
    const edge = at - WINDOW_MS;
    while (head < times.length && times[head] <= edge) {
      sum -= counts[head];
      head++;
    }
    if (head > 1024 && head * 2 > times.length) {
      times = times.slice(head);
      counts = counts.slice(head);
      head = 0;
    }
  };

  return {
    record(at, recipients) {
      // Trim the head too, or the window grows until someone reads the quota. Only when time moved forward:
      // evict() reloads from the send log when it moved back, and that log already holds this send.
      if (at >= lastNow) evict(at);
      // Rows arrive in time order from one process; an out-of-order time is placed where it belongs.
      let i = times.length;
      while (i > head && times[i - 1] > at) i--;
      times.splice(i, 0, at);
      counts.splice(i, 0, recipients);
      sum += recipients;
      if (++sinceTrim >= 4096) {
        sinceTrim = 0;
        log.prune(at - WINDOW_MS);
      }
    },
    total(at) {
      evict(at);
      // Sends recorded "in the future" of an earlier clock reading are not in the window yet.
      let future = 0;
      for (let i = times.length - 1; i >= head && times[i] > at; i--) future += counts[i];
      return sum - future;
    },
    held: () => times.length,
  };
}
