// The spam score of a stored message as SpamAssassin's spamd sees it (issue 5): what
// `GET /api/messages/:id/spam` answers and the renderer's SpamPanel shows.
// Owns: these DTO shapes. Must not: hold behaviour.

/** One SpamAssassin rule that hit, as its report lists it. */
export interface SpamRule {
  /** Rule name, e.g. `GTUBE`, `HTML_MESSAGE`. */
  name: string;
  /** Points the rule added (may be negative or 0). */
  score: number;
  description: string;
}

/** spamd answered: the verdict, score, threshold and the rules that hit. */
export interface SpamCheckResult {
  available: true;
  isSpam: boolean;
  score: number;
  threshold: number;
  rules: SpamRule[];
  /** Where spamd was reached (host:port). */
  server: string;
  /** ISO-8601, Sesame's clock. */
  checkedAt: string;
}

/** spamd is off or could not be reached / answered badly; `hint` says how to install or enable it. */
export interface SpamUnavailable {
  available: false;
  reason: string;
  hint: string;
}

export type SpamReport = SpamCheckResult | SpamUnavailable;

/** Shown whenever spamd is not available. */
export const SPAMD_HINT =
  'Install SpamAssassin (apt-get install spamassassin, or brew install spamassassin), start spamd (it listens on ' +
  '127.0.0.1:783 by default), and point Sesame at it with --spamd host:port or SESAME_SPAMD (off disables it).';
