// DTOs of the reputation routes (UI API `/api/reputation`, issue 6): the account's and each configuration
// set's rates and enforcement status (the dashboard's shapes), the settings behind them, the patch and the
// fresh-start request. Times are epoch ms of Sesame's clock; rates are fractions (0.05 = 5 %).
// Owns: these shapes. Must not: import anything but other contract shapes.
import type { DashboardReputationDto, DashboardThresholdsDto } from './dashboard';

/** GET /api/reputation. */
export interface ReputationDto {
  account: DashboardReputationDto;
  /** Sets with ReputationMetricsEnabled, in creation order. */
  configurationSets: DashboardReputationDto[];
  settings: DashboardThresholdsDto;
}

/** PATCH /api/reputation/settings: any subset; fractions in (0, 1], review ≤ pause, positive integers. */
export type ReputationSettingsPatch = Partial<DashboardThresholdsDto>;

/** POST /api/reputation/fresh-start: a set's fresh start, or the account's (reinstatement) when absent. */
export interface FreshStartBody {
  configurationSet?: string;
}
