// Dashboard slice: the reputation and statistics view (GET /api/dashboard) for the Dashboard screen — the
// chosen range and filters, the last answer, loading/failed state — plus fresh starts and settings (the
// reputation routes) and a debounced refresh when the live stream reports sends and events while the screen is open.
// Owns: that state and its actions. Must not: render, compute rates or prices (the server does).
import { UiRoutes, type DashboardDto, type DashboardRange, type ReputationSettingsPatch } from '../../../src-main/contract';
import { json } from '../api/client';
import { screenError, type ScreenError } from './account-slice';
import { busyAction } from './busy-action';
import type { Slice } from './types';

/** Live events arrive in bursts (a bulk send is many events): one reload per quiet period. */
const DASHBOARD_REFRESH_DEBOUNCE_MS = 750;

export interface DashboardFilter {
  configurationSet: string;
  identity: string;
}

export interface DashboardSlice {
  dashboard: DashboardDto | null;
  dashboardError: ScreenError | null;
  dashboardRange: DashboardRange;
  dashboardFilter: DashboardFilter;
  dashboardBusy: boolean;
  /** The screen is open (live refreshes only then). */
  dashboardActive: boolean;
  setDashboardActive: (active: boolean) => void;
  setDashboardRange: (range: DashboardRange) => void;
  setDashboardFilter: (filter: Partial<DashboardFilter>) => void;
  loadDashboard: () => Promise<void>;
  /** Something was sent or recorded: reload soon, once, if the screen is open. */
  dashboardActivity: () => void;
  /** POST the reputation fresh start for the account (no set) or one configuration set. */
  freshStart: (configurationSet: string | null) => Promise<boolean>;
  /** PATCH the reputation settings (thresholds, volumes, window); the dashboard reloads with the new judgement. */
  updateReputationSettings: (patch: ReputationSettingsPatch) => Promise<boolean>;
}

let inflight: AbortController | null = null;
let debounce: ReturnType<typeof setTimeout> | null = null;

export const createDashboardSlice: Slice<DashboardSlice> = (set, get) => {
  const busy = busyAction(set, 'dashboardBusy', 'dashboardError');
  return {
    dashboard: null,
    dashboardError: null,
    dashboardRange: '24h',
    dashboardFilter: { configurationSet: '', identity: '' },
    dashboardBusy: false,
    dashboardActive: false,

    setDashboardActive: (active) => {
      set({ dashboardActive: active });
      if (!active && debounce) {
        clearTimeout(debounce);
        debounce = null;
      }
    },

    setDashboardRange: (range) => {
      set({ dashboardRange: range });
      void get().loadDashboard();
    },

    setDashboardFilter: (filter) => {
      set({ dashboardFilter: { ...get().dashboardFilter, ...filter } });
      void get().loadDashboard();
    },

    loadDashboard: async () => {
      inflight?.abort();
      const ctrl = new AbortController();
      inflight = ctrl;
      const { dashboardRange: range, dashboardFilter: f } = get();
      try {
        const dashboard = await json<DashboardDto>(UiRoutes.dashboard, {
          signal: ctrl.signal,
          query: { range, configurationSet: f.configurationSet.trim() || undefined, identity: f.identity.trim() || undefined },
        });
        if (inflight === ctrl) set({ dashboard, dashboardError: null });
      } catch (err) {
        if (ctrl.signal.aborted) return;
        set({ dashboardError: screenError(err) });
      } finally {
        if (inflight === ctrl) inflight = null;
      }
    },

    dashboardActivity: () => {
      if (!get().dashboardActive || debounce) return;
      debounce = setTimeout(() => {
        debounce = null;
        if (get().dashboardActive) void get().loadDashboard();
      }, DASHBOARD_REFRESH_DEBOUNCE_MS);
    },

    freshStart: (configurationSet) =>
      busy(async () => {
        await json(UiRoutes.reputationFreshStart, { method: 'POST', body: configurationSet === null ? {} : { configurationSet } });
        await get().loadDashboard();
      }),

    updateReputationSettings: (patch) =>
      busy(async () => {
        await json(UiRoutes.reputationSettings, { method: 'PATCH', body: patch });
        await get().loadDashboard();
      }),
  };
};
