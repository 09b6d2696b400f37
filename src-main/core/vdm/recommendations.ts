// Virtual Deliverability Manager recommendations (v2 ListRecommendations), computed from what Sesame knows
// rather than invented: for every verified domain identity, whether DKIM signs its mail, whether its local
// zone (published identity records plus the user's DNS records) has a DMARC record, whether a custom MAIL FROM
// domain lets SPF align, and — once DMARC enforces — whether a BIMI record exists. A recommendation is OPEN
// while its condition holds and becomes FIXED (LastUpdatedTimestamp = then) once it stops holding; first-seen
// and last-updated times are kept in the settings store, so the list has SES's shape across calls and restarts.
// Which checks VDM runs, their Impact and their Description texts are Sesame's choices [verify]; AWS documents
// only the shape (Type DKIM | DMARC | SPF | BIMI | COMPLAINT | BOUNCE | FEEDBACK_3P | IP_LISTING, Impact LOW |
// HIGH, Status OPEN | FIXED, ResourceArn the identity's ARN).
// Owns: the checks and the OPEN/FIXED bookkeeping. Must not: change identities or the zone.
import type { Clock } from '../clock';
import type { IdentityService } from '../identities/api';
import type { SettingsStore } from '../store/types';

export type RecommendationType = 'DKIM' | 'DMARC' | 'SPF' | 'BIMI' | 'COMPLAINT' | 'BOUNCE' | 'FEEDBACK_3P' | 'IP_LISTING';
export type RecommendationImpact = 'LOW' | 'HIGH';
export type RecommendationStatus = 'OPEN' | 'FIXED';

export interface RecommendationView {
  resourceArn: string;
  type: RecommendationType;
  description: string;
  status: RecommendationStatus;
  createdAt: number;
  updatedAt: number;
  impact: RecommendationImpact;
}

export interface RecommendationService {
  /** Every recommendation ever raised, re-judged now, oldest first. */
  list(): RecommendationView[];
  reset(): void;
}

const KEY = 'vdm.recommendations';

type Finding = Pick<RecommendationView, 'resourceArn' | 'type' | 'description' | 'impact'>;

export function createRecommendations(deps: {
  region: string;
  accountId: string;
  clock: Clock;
  identities: Pick<IdentityService, 'list' | 'zone'>;
  settings: SettingsStore;
}): RecommendationService {
  const arnOf = (identity: string) => `arn:aws:ses:${deps.region}:${deps.accountId}:identity/${identity}`;
  const txt = (name: string, prefix: RegExp) => deps.identities.zone.resolve(name, 'TXT').find((v) => prefix.test(v.replace(/^"|"$/g, '')));

  function findings(): Finding[] {
    const out: Finding[] = [];
    for (const id of deps.identities.list('DOMAIN')) {
      if (id.verificationStatus !== 'SUCCESS') continue;
      const d = id.identity;
      const resourceArn = arnOf(d);
      if (!id.dkim.signingEnabled || id.dkim.status !== 'SUCCESS') {
        out.push({
          resourceArn,
          type: 'DKIM',
          impact: 'HIGH',
          description: `DKIM is not signing mail from ${d} (status ${id.dkim.status}): receivers can't tell the mail is yours, and Gmail and Yahoo require DKIM of bulk senders.`,
        });
      }
      const dmarc = txt(`_dmarc.${d}`, /^v=DMARC1\b/i);
      if (!dmarc) {
        out.push({
          resourceArn,
          type: 'DMARC',
          impact: 'HIGH',
          description: `No DMARC record at _dmarc.${d}: publish one (at least "v=DMARC1; p=none;") — Gmail and Yahoo require DMARC of bulk senders.`,
        });
      }
      if (id.mailFrom?.status !== 'SUCCESS') {
        out.push({
          resourceArn,
          type: 'SPF',
          impact: 'LOW',
          description: `${d} has no verified custom MAIL FROM domain, so SPF authenticates amazonses.com, not ${d}: DMARC can align only through DKIM.`,
        });
      }
      if (dmarc && /\bp=(quarantine|reject)\b/i.test(dmarc) && !txt(`default._bimi.${d}`, /^v=BIMI1\b/i)) {
        out.push({
          resourceArn,
          type: 'BIMI',
          impact: 'LOW',
          description: `${d} enforces DMARC but has no BIMI record at default._bimi.${d}: mailbox providers could show your logo beside your mail.`,
        });
      }
    }
    return out;
  }

  return {
    list() {
      const now = deps.clock.now();
      const kept = deps.settings.get<Record<string, RecommendationView>>(KEY) ?? {};
      const open = new Set<string>();
      let changed = false;
      for (const f of findings()) {
        const key = `${f.resourceArn}|${f.type}`;
        open.add(key);
        const was = kept[key];
        if (!was || was.status === 'FIXED' || was.description !== f.description) {
          kept[key] = { ...f, status: 'OPEN', createdAt: was?.createdAt ?? now, updatedAt: now };
          changed = true;
        }
      }
      for (const [key, r] of Object.entries(kept)) {
        if (r.status === 'OPEN' && !open.has(key)) {
          kept[key] = { ...r, status: 'FIXED', updatedAt: now };
          changed = true;
        }
      }
      if (changed) deps.settings.put(KEY, kept);
      return Object.values(kept).sort((a, b) => a.createdAt - b.createdAt || a.resourceArn.localeCompare(b.resourceArn) || a.type.localeCompare(b.type));
    },
    reset: () => deps.settings.delete(KEY),
  };
}
