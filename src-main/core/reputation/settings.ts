// Reputation settings (ses-facts §A.8): SES's thresholds and Sesame's representative volume, minimum volume
// and maximum age as defaults (core/limits.ts), a patch validated as a whole before it is kept.
// Owns: the defaults and the validation texts. Must not: persist (core/reputation/reputation.ts does).
import { reputationErrors } from '../errors';
import {
  REPUTATION_BOUNCE_PAUSE,
  REPUTATION_BOUNCE_REVIEW,
  REPUTATION_COMPLAINT_PAUSE,
  REPUTATION_COMPLAINT_REVIEW,
  REPUTATION_MAX_AGE_MS,
  REPUTATION_MINIMUM_VOLUME,
  REPUTATION_VOLUME,
} from '../limits';
import type { ReputationSettings } from './api';

export const DEFAULT_REPUTATION_SETTINGS: Readonly<ReputationSettings> = {
  bounceReview: REPUTATION_BOUNCE_REVIEW,
  bouncePause: REPUTATION_BOUNCE_PAUSE,
  complaintReview: REPUTATION_COMPLAINT_REVIEW,
  complaintPause: REPUTATION_COMPLAINT_PAUSE,
  volume: REPUTATION_VOLUME,
  minimumVolume: REPUTATION_MINIMUM_VOLUME,
  maxAgeMs: REPUTATION_MAX_AGE_MS,
  pauseConfigurationSets: true,
};

const FRACTIONS = ['bounceReview', 'bouncePause', 'complaintReview', 'complaintPause'] as const;
const COUNTS = ['volume', 'minimumVolume', 'maxAgeMs'] as const;
const KNOWN = new Set<string>([...FRACTIONS, ...COUNTS, 'pauseConfigurationSets']);

/** `current` with `patch` applied, or a thrown InvalidParameterValue naming every problem. */
export function applySettings(current: ReputationSettings, patch: Partial<ReputationSettings>): ReputationSettings {
  const problems: string[] = [];
  for (const key of Object.keys(patch)) if (!KNOWN.has(key)) problems.push(`${key} is not a reputation setting`);
  const next: ReputationSettings = { ...current };
  for (const key of FRACTIONS) {
    const v: unknown = patch[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 1) problems.push(`${key} must be a fraction greater than 0 and at most 1`);
    else next[key] = v;
  }
  for (const key of COUNTS) {
    const v: unknown = patch[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) problems.push(`${key} must be a positive integer`);
    else next[key] = v;
  }
  if (patch.pauseConfigurationSets !== undefined) {
    if (typeof patch.pauseConfigurationSets !== 'boolean') problems.push('pauseConfigurationSets must be true or false');
    else next.pauseConfigurationSets = patch.pauseConfigurationSets;
  }
  if (!problems.length) {
    if (next.bounceReview > next.bouncePause) problems.push('bounceReview must not exceed bouncePause');
    if (next.complaintReview > next.complaintPause) problems.push('complaintReview must not exceed complaintPause');
    if (next.minimumVolume > next.volume) problems.push('minimumVolume must not exceed volume');
  }
  if (problems.length) throw reputationErrors.invalidSettings(problems);
  return next;
}
