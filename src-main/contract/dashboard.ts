// DTOs of the reputation and statistics dashboard (UI API `GET /api/dashboard`, issue 6): the time series of
// what the account sent and what became of it, the bounce and complaint rates with the enforcement status
// they lead to, the thresholds behind it, quota and send rate, per-set and per-identity breakdowns and what
// the same traffic would cost on SES.
// Owns: the JSON shapes the renderer and the UI API agree on. Times here are epoch ms of Sesame's clock
// (charts plot numbers); counts are per recipient. Must not: import anything.

export const DASHBOARD_RANGES = ['24h', '7d', '14d'] as const;
export type DashboardRange = (typeof DASHBOARD_RANGES)[number];

/** The series the dashboard charts, with VDM's metric names. */
export const DASHBOARD_METRICS = ['SEND', 'DELIVERY', 'PERMANENT_BOUNCE', 'TRANSIENT_BOUNCE', 'COMPLAINT', 'REJECT', 'OPEN', 'CLICK'] as const;
export type DashboardMetric = (typeof DASHBOARD_METRICS)[number];

export type DashboardCounts = Record<DashboardMetric, number>;

export interface DashboardSeriesDto {
  /** Bucket width (15 minutes for 24h, 1 hour for 7d, 2 hours for 14d). */
  stepMs: number;
  /** Start of each bucket, oldest first. */
  timestamps: number[];
  /** One value per timestamp for every metric. */
  values: Record<DashboardMetric, number[]>;
  /** Sums over the range. */
  totals: DashboardCounts;
}

/** The rates and enforcement status of the account (`configurationSet: null`) or of one configuration set. */
export interface DashboardReputationDto {
  configurationSet: string | null;
  /** Fractions (0.05 = 5 %); null while nothing eligible was sent in the window. */
  bounceRate: number | null;
  complaintRate: number | null;
  sent: number;
  hardBounces: number;
  complaints: number;
  /** Start of the oldest 15-minute bucket in the window (epoch ms), null when nothing was counted. */
  windowStart: number | null;
  /** Account: GetAccount's EnforcementStatus. Set: HEALTHY / PROBATION / SHUTDOWN (sending paused by reputation). */
  status: 'HEALTHY' | 'PROBATION' | 'SHUTDOWN';
  /** Epoch ms of the last fresh start (account: last reinstatement), null if never. */
  lastFreshStart: number | null;
  /** The status in words, with the numbers. */
  explanation: string;
}

/** The reputation settings (fractions; SES: bounce 5 %/10 %, complaint 0.1 %/0.5 %). */
export interface DashboardThresholdsDto {
  bounceReview: number;
  bouncePause: number;
  complaintReview: number;
  complaintPause: number;
  /** The representative volume: eligible recipients the rates are computed over (newest first). */
  volume: number;
  /** Below this many eligible recipients no status changes (too little mail to judge). */
  minimumVolume: number;
  /** Counts older than this never enter the rates (ms). */
  maxAgeMs: number;
  /** Whether configuration sets with reputation metrics are paused on their own at the pause thresholds. */
  pauseConfigurationSets: boolean;
}

export interface DashboardQuotaDto {
  /** -1 = unlimited. */
  max24HourSend: number;
  sentLast24Hours: number;
  maxSendRate: number;
  sendingEnabled: boolean;
  enforcementStatus: 'HEALTHY' | 'PROBATION' | 'SHUTDOWN';
}

/** One row of a breakdown: `key` is the set or identity ('' = none). */
export interface DashboardBreakdownRowDto {
  key: string;
  counts: DashboardCounts;
}

export interface CostLineDto {
  id: 'outbound' | 'attachments' | 'dedicated-ip-standard' | 'dedicated-ip-managed' | 'inbound-messages' | 'inbound-chunks';
  label: string;
  quantity: number;
  /** What `quantity` counts (`recipients`, `GB`, `IP-months`, …). */
  unit: string;
  /** USD per `priceUnit`. */
  unitPrice: number;
  priceUnit: string;
  /** USD. */
  cost: number;
  note?: string;
}

export interface CostEstimateDto {
  currency: 'USD';
  /** The date the price table was read, and where. */
  pricesAsOf: string;
  source: string;
  region: string;
  lines: CostLineDto[];
  total: number;
  notes: string[];
}

/** GET /api/dashboard?range&configurationSet&identity. */
export interface DashboardDto {
  range: DashboardRange;
  /** [from, to) of the series, Sesame time. */
  from: number;
  to: number;
  now: number;
  filter: { configurationSet: string | null; identity: string | null };
  series: DashboardSeriesDto;
  account: DashboardReputationDto;
  /** Sets with reputation metrics enabled. */
  configurationSets: DashboardReputationDto[];
  thresholds: DashboardThresholdsDto;
  quota: DashboardQuotaDto;
  byConfigurationSet: DashboardBreakdownRowDto[];
  byIdentity: DashboardBreakdownRowDto[];
  cost: CostEstimateDto;
}
