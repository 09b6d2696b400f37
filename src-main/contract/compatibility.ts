// HTML compatibility of a message across email clients (issue 5), as the UI API returns it from
// GET /api/messages/:id/compatibility. The support data comes from the `caniemail` npm package
// (caniemail.com); core/inspect/compat*.ts detect the features and compute the score.
// Owns: these DTO shapes. Must not: hold behaviour.

/** caniemail's support codes: y = supported, a = partial (see notes), n = not supported, u = unknown. */
export type CompatSupport = 'y' | 'a' | 'n' | 'u';

/** One client family on one platform (e.g. gmail / android), at the newest version caniemail tested. */
export interface CompatClientSupport {
  family: string;
  familyName: string;
  platform: string;
  platformName: string;
  /** The newest tested version's label (a version or a date like 2024-04). */
  version: string;
  support: CompatSupport;
  /** Notes for partial support (from caniemail's numbered notes and the feature's general note). */
  notes: string[];
}

/** One caniemail feature the message's HTML uses. */
export interface CompatFeature {
  slug: string;
  title: string;
  category: 'html' | 'css' | 'image' | 'others';
  url: string;
  /** How many times it occurs in the HTML part(s), and a short sample of where. */
  count: number;
  sample: string;
  /** Client/platform pairs by support. */
  supported: number;
  partial: number;
  unsupported: number;
  unknown: number;
  /** 0–100: (supported + partial / 2) / (pairs with known support) × 100, one decimal. */
  score: number;
  clients: CompatClientSupport[];
}

/** One client/platform pair over all detected features. */
export interface CompatClientSummary {
  family: string;
  familyName: string;
  platform: string;
  platformName: string;
  /** Worst support over the detected features ('u' only when every feature is unknown there). */
  support: CompatSupport;
  /** Slugs of the features that are not / partially supported on this pair. */
  unsupported: string[];
  partial: string[];
}

export interface CompatibilityReport {
  messageId: string;
  /** False when the message has no HTML part (then everything else is empty and score is null). */
  hasHtml: boolean;
  /**
   * 0–100, one decimal, null when nothing was detected or there is no HTML. The share of client/platform
   * pairs (with known support) that support everything used: a pair whose worst detected feature is `y`
   * counts 1, `a` counts ½, `n` counts 0; pairs where every feature is `u` are left out.
   */
  score: number | null;
  /** Detected features, worst first (lowest feature score, then title). */
  features: CompatFeature[];
  /** Every client/platform pair caniemail knows, worst first. */
  clients: CompatClientSummary[];
  /** caniemail's data version (its `last_update_date`) and package version. */
  dataDate: string;
  source: string;
}
