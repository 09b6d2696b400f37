// Reputation (ses-facts §A.8, §A.13): reads the metrics ledger's reputation counters after every count,
// judges them (evaluate.ts) and applies the outcome — the account's EnforcementStatus through the account
// service (SHUTDOWN makes every send fail with SES's paused errors and GetAccount's SendingEnabled false),
// and for configuration sets with ReputationMetricsEnabled their own status, with the set's sending disabled
// at the pause thresholds (remembered as paused-by-reputation). Fresh starts: rates count from now; a set's
// ReputationOptions.LastFreshStart = now and sending re-enabled if reputation paused it; the account back
// to HEALTHY with sending enabled (reinstatement [verify]). The ledger answers whole 15-minute buckets, so
// a fresh start remembers what its own bucket already held (a baseline) and takes that off while the
// bucket is still in the window: rates count from the very moment of the fresh start.
// Persisted in the store's settings: `reputation.settings` (a patch over the defaults) and
// `reputation.state` (the account's last fresh start and status set by reputation; per-set status).
// Owns: when and how status changes. Must not: count anything (core/metrics does) or know a wire format.
import type { AccountService, EnforcementStatus } from '../account/api';
import type { Clock } from '../clock';
import type { DomainBus } from '../engine-api';
import type { ConfigurationSetService, ConfigurationSetView } from '../config-sets/api';
import type { CountedReputation, MetricsService, ReputationCounts } from '../metrics/api';
import { METRICS_BUCKET_MS } from '../limits';
import { bucketOf } from '../metrics/metrics';
import { REPUTATION_METRICS } from '../metrics/reputation-tally';
import type { SettingsStore } from '../store/types';
import type { ReputationService, ReputationSettings, ReputationView } from './api';
import { explain, nextStatus, rates, verdict } from './evaluate';
import { applySettings, DEFAULT_REPUTATION_SETTINGS } from './settings';

export type { ReputationService };

const SETTINGS_KEY = 'reputation.settings';
const STATE_KEY = 'reputation.state';

/**
 * What the ledger had counted in the fresh start's 15-minute bucket before the fresh start: the ledger
 * answers whole buckets, so these are taken off while that bucket is still inside the window.
 */
interface Baseline {
  bucket: number;
  sent: number;
  hardBounces: number;
  complaints: number;
}

interface SetState {
  /** The set's creation time: a deleted and re-created set starts afresh. */
  createdAt: number;
  status: EnforcementStatus;
  /** Reputation disabled the set's sending (a fresh start re-enables it). */
  paused: boolean;
  baseline?: Baseline;
}

interface State {
  accountFreshStart: number | null;
  /** The account status reputation last applied (null: never); PROBATION heals only when reputation set it. */
  accountStatus: EnforcementStatus | null;
  accountBaseline?: Baseline;
  sets: Record<string, SetState>;
}

const emptyState = (): State => ({ accountFreshStart: null, accountStatus: null, sets: {} });

export interface ReputationDeps {
  metrics: MetricsService;
  account: AccountService;
  configurationSets: ConfigurationSetService;
  settings: SettingsStore;
  clock: Clock;
  /** Where status changes are announced (`reputation.changed`); absent in unit tests of the judgement alone. */
  bus?: Pick<DomainBus, 'emit'>;
}

export function createReputation(deps: ReputationDeps): ReputationService {
  const { metrics, account, configurationSets, clock } = deps;
  let settings: ReputationSettings = { ...DEFAULT_REPUTATION_SETTINGS, ...deps.settings.get<Partial<ReputationSettings>>(SETTINGS_KEY) };
  let state: State = { ...emptyState(), ...deps.settings.get<Partial<State>>(STATE_KEY) };
  const save = () => deps.settings.put(STATE_KEY, state);
  const announce = (configurationSet: string | null, status: EnforcementStatus) => deps.bus?.emit('reputation.changed', { configurationSet, status });

  const baselineOf = (configurationSet: string | undefined, at: number): Baseline => {
    const bucket = bucketOf(at);
    const series = metrics.series({
      metrics: [...REPUTATION_METRICS],
      from: bucket,
      to: bucket + METRICS_BUCKET_MS,
      stepMs: METRICS_BUCKET_MS,
      ...(configurationSet === undefined ? {} : { filter: { configurationSet } }),
    });
    const total = (name: string) => series.find((x) => x.metric === name)?.values.reduce((a, b) => a + b, 0) ?? 0;
    return { bucket, sent: total('REPUTATION_SENT'), hardBounces: total('REPUTATION_HARD_BOUNCE'), complaints: total('REPUTATION_COMPLAINT') };
  };
  const counts = (configurationSet: string | undefined, since: number | null, baseline?: Baseline): ReputationCounts => {
    const c = metrics.reputation({ ...(configurationSet === undefined ? {} : { configurationSet }), since, volume: settings.volume, maxAgeMs: settings.maxAgeMs });
    if (since === null || c.windowStart === null || c.windowStart > since) return c;
    const b = baseline && baseline.bucket === bucketOf(since) && c.windowStart <= baseline.bucket ? baseline : undefined;
    const sent = Math.max(0, c.sent - (b?.sent ?? 0));
    return {
      sent,
      hardBounces: Math.max(0, c.hardBounces - (b?.hardBounces ?? 0)),
      complaints: Math.max(0, c.complaints - (b?.complaints ?? 0)),
      windowStart: sent > 0 ? since : null,
    };
  };

  const setState = (set: ConfigurationSetView): SetState => {
    const kept = state.sets[set.name];
    return kept && kept.createdAt === set.createdAt ? kept : { createdAt: set.createdAt, status: 'HEALTHY', paused: false };
  };

  const view = (configurationSet: string | null, c: ReputationCounts, status: EnforcementStatus, lastFreshStart: number | null): ReputationView => ({
    configurationSet,
    ...rates(c),
    sent: c.sent,
    hardBounces: c.hardBounces,
    complaints: c.complaints,
    windowStart: c.windowStart,
    status,
    lastFreshStart,
    explanation: explain(status, c, settings, { configurationSet: configurationSet !== null }),
  });

  const accountCounts = () => counts(undefined, state.accountFreshStart, state.accountBaseline);
  const setCounts = (set: ConfigurationSetView) => counts(set.name, set.reputation.lastFreshStart, setState(set).baseline);
  const accountView = () => view(null, accountCounts(), account.get().enforcementStatus, state.accountFreshStart);
  const setView = (set: ConfigurationSetView) => {
    // A set re-enabled by hand since reputation paused it is judged before it is shown.
    if (setState(set).paused && set.sendingEnabled) {
      evaluateSet(set);
      set = configurationSets.get(set.name) ?? set;
    }
    return view(set.name, setCounts(set), setState(set).status, set.reputation.lastFreshStart);
  };

  function evaluateAccount(): void {
    const current = account.get().enforcementStatus;
    const next = nextStatus(current, verdict(accountCounts(), settings), state.accountStatus === current);
    if (next === current) return;
    account.update({ enforcementStatus: next });
    state = { ...state, accountStatus: next };
    save();
    announce(null, next);
  }

  function evaluateSet(set: ConfigurationSetView): void {
    if (!set.reputation.reputationMetricsEnabled) return;
    const stored = setState(set);
    // Sending turned back on by hand after reputation paused the set: judged afresh from HEALTHY (so bad rates
    // pause it again at once), never left saying "paused" while it sends.
    const reinstated = stored.paused && set.sendingEnabled;
    const kept: SetState = reinstated ? { ...stored, status: 'HEALTHY', paused: false } : stored;
    let v = verdict(setCounts(set), settings);
    // Without pausing, a set's status stops at "under review".
    if (v === 'SHUTDOWN' && !settings.pauseConfigurationSets) v = 'PROBATION';
    const status = nextStatus(kept.status, v);
    if (!reinstated && status === kept.status && state.sets[set.name] === kept) return;
    const pause = status === 'SHUTDOWN' && !kept.paused;
    if (pause && set.sendingEnabled) configurationSets.update(set.name, { sendingEnabled: false });
    state = { ...state, sets: { ...state.sets, [set.name]: { createdAt: set.createdAt, status, paused: kept.paused || (pause && set.sendingEnabled), baseline: kept.baseline } } };
    save();
    if (status !== stored.status) announce(set.name, status);
  }

  /** The account, then every set (`all`), one set, or none (null: the count had no set). */
  const evaluate = (sets: 'all' | string | null = 'all') => {
    evaluateAccount();
    if (sets === null) return;
    for (const set of sets === 'all' ? configurationSets.list() : [configurationSets.get(sets)]) if (set) evaluateSet(set);
  };

  // Outcomes of mail sent before a fresh start, in the fresh start's own bucket, join its baseline: they
  // belong to the mail the fresh start forgave (metrics keeps reputation counts in the bucket of their send).
  const absorb = (b: Baseline | undefined, since: number | null, what: CountedReputation): Baseline | undefined => {
    if (!b || since === null || what.sentAt >= since || bucketOf(what.sentAt) !== b.bucket) return b;
    const next = { ...b };
    for (const i of what.increments) {
      if (i.metric === 'REPUTATION_SENT') next.sent += i.n;
      else if (i.metric === 'REPUTATION_HARD_BOUNCE') next.hardBounces += i.n;
      else next.complaints += i.n;
    }
    return next;
  };

  metrics.onCounted((what) => {
    const accountBaseline = absorb(state.accountBaseline, state.accountFreshStart, what);
    const set = what.configurationSet === null ? undefined : configurationSets.get(what.configurationSet);
    const kept = set ? state.sets[set.name] : undefined;
    const setBaseline = set && kept ? absorb(kept.baseline, set.reputation.lastFreshStart, what) : undefined;
    if (accountBaseline !== state.accountBaseline || (kept && setBaseline !== kept.baseline)) {
      state = {
        ...state,
        accountBaseline,
        sets: set && kept ? { ...state.sets, [set.name]: { ...kept, baseline: setBaseline } } : state.sets,
      };
      save();
    }
    evaluate(what.configurationSet);
  });

  return {
    settings: () => ({ ...settings }),
    updateSettings(patch) {
      settings = applySettings(settings, patch);
      deps.settings.put(SETTINGS_KEY, settings);
      // New thresholds or volumes judge the mail already counted at once.
      evaluate();
      return { ...settings };
    },
    account: accountView,
    configurationSets: () => configurationSets.list().filter((s) => s.reputation.reputationMetricsEnabled).map(setView),
    configurationSet: (name) => setView(configurationSets.require(name)),
    freshStart(target) {
      const now = clock.now();
      if (target.configurationSet !== undefined) {
        const set = configurationSets.require(target.configurationSet);
        const kept = setState(set);
        const updated = configurationSets.update(set.name, {
          reputation: { lastFreshStart: now },
          ...(kept.paused ? { sendingEnabled: true } : {}),
        });
        const baseline = baselineOf(set.name, now);
        state = { ...state, sets: { ...state.sets, [set.name]: { createdAt: set.createdAt, status: 'HEALTHY', paused: false, baseline } } };
        save();
        if (kept.status !== 'HEALTHY') announce(set.name, 'HEALTHY');
        return setView(updated);
      }
      const was = account.get().enforcementStatus;
      account.update({ enforcementStatus: 'HEALTHY', sendingEnabled: true });
      state = { ...state, accountFreshStart: now, accountStatus: 'HEALTHY', accountBaseline: baselineOf(undefined, now) };
      save();
      if (was !== 'HEALTHY') announce(null, 'HEALTHY');
      return accountView();
    },
    evaluate: () => evaluate(),
    reset() {
      deps.settings.delete(SETTINGS_KEY);
      deps.settings.delete(STATE_KEY);
      settings = { ...DEFAULT_REPUTATION_SETTINGS };
      state = emptyState();
    },
  };
}
