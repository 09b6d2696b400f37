// What happens to one accepted message, recipient by recipient, as SES events now and later. Order per
// recipient (first that applies wins): mailbox simulator (ses-facts §A.4) → account suppression list
// (§A.12: Bounce OnAccountSuppressionList, or Complaint OnAccountSuppressionList when listed for COMPLAINT)
// → SES's global suppression list (Bounce Permanent/Suppressed) → scenario rules (first enabled match) →
// Delivery. Before all that, content filtering: a message carrying the EICAR test file — or a recipient
// whose rule says `reject` — is rejected whole (Reject "Bad content", nothing else).
// Recipients with the same outcome at the same moment share one event (SES combines several simulated
// bounces of one request into one bounce, §A.4); events at one moment keep SES's causal order
// (DeliveryDelay, Delivery, Bounce, Complaint).
// Owns: that order and grouping, and building each event's object. Must not: persist, emit or send mail
// (outcomes.ts applies a plan; the scheduler applies its later steps).
import type { SuppressionReason } from '../account/api';
import { bounceBody, complaintBody, deliveryDelayBody, rejectBody, type BouncedRecipient } from '../events/outcome-json';
import { deliveryBody } from '../events/event-json';
import type { Ids } from '../ids';
import { DELIVERY_DELAY_EVENT_AFTER_MS, DELIVERY_RETRY_WINDOW_MS } from '../limits';
import type { NewEvent } from '../store/types';
import type { SuppressionHit } from '../suppression/api';
import type { FeedbackIntent, ScenarioAction, ScenarioService, ScheduledStep, SystemMailIntent } from './api';
import { carriesEicar } from './content-filter';
import { ACCOUNT_LIST_BOUNCE, fillAddress, GLOBAL_LIST_BOUNCE, newFeedbackId, RULE_MTA, SIMULATOR, softBounceDefaults } from './facts';
import { simulatorScenario } from './simulator';

export interface PlanDeps {
  ids: Ids;
  scenarios: Pick<ScenarioService, 'match'>;
  /** SuppressionService.lookup: the account list's entry when its reason is in effect, else a global-list hit. */
  lookup(address: string, effective: readonly SuppressionReason[]): SuppressionHit | undefined;
}

export interface PlanInput {
  messageId: string;
  acceptedAt: number;
  /** Sesame's time now (outcomes that happen at once carry it). */
  now: number;
  recipients: readonly string[];
  effective: readonly SuppressionReason[];
  /** The message as stored (content filtering reads it). */
  mime: Buffer;
  /** `mail.tags` of Delivery events (the Send tags plus ses:outgoing-ip). */
  deliveryTags: Record<string, string[]>;
  /** The sender identity's FeedbackForwardingStatus: bounces (DSN) and complaints (ARF) are mailed back only when true. Asked only when needed. */
  forwardFeedback(): boolean;
}

export interface Plan {
  /** Events recorded with Send, in order. */
  events: NewEvent[];
  feedback: FeedbackIntent[];
  mail: SystemMailIntent[];
  later: ScheduledStep[];
  /** Recipients whose outcome a rule with `countsTowardReputation: false` decided (core/metrics leaves them out of reputation). */
  unrated?: string[];
}

type Part =
  | { type: 'delay'; delayType: string; reportingMTA: string; entry: { emailAddress: string; status: string; diagnosticCode: string } }
  | { type: 'delivery'; smtpResponse?: string }
  | {
      type: 'bounce';
      bounceType: 'Permanent' | 'Transient';
      bounceSubType: string;
      remoteMtaIp?: string;
      reportingMTA?: string;
      entry: BouncedRecipient;
      feedback: boolean;
      dsn: boolean;
    }
  | { type: 'complaint'; complaintSubType: string | null; report?: { userAgent: string; feedbackType: string }; feedback: boolean; arrivalDate: number };

const ORDER: Record<Part['type'], number> = { delay: 0, delivery: 1, bounce: 2, complaint: 3 };

interface Group {
  at: number;
  part: Part;
  recipients: string[];
  entries: Part[];
}

export function planOutcomes(deps: PlanDeps, input: PlanInput): Plan {
  const { now, acceptedAt } = input;
  if (carriesEicar(input.mime)) return rejected(now);
  const parts: { at: number; origin: string; recipient: string; part: Part }[] = [];
  const mail: SystemMailIntent[] = [];
  const unrated: string[] = [];
  const add = (at: number, origin: string, recipient: string, part: Part) => parts.push({ at, origin, recipient, part });

  for (const r of input.recipients) {
    const scenario = simulatorScenario(r);
    if (scenario !== null) {
      const delivered = () => add(now, 'simulator', r, { type: 'delivery', smtpResponse: SIMULATOR.smtpResponse });
      if (scenario === 'bounce' || scenario === 'suppressionlist') {
        const f = SIMULATOR[scenario];
        const entry = { emailAddress: r, action: 'failed', status: f.status, diagnosticCode: f.diagnosticCode(r) };
        const common = { bounceType: 'Permanent', bounceSubType: 'General', feedback: false } as const;
        add(now, 'simulator', r, { type: 'bounce', ...common, remoteMtaIp: SIMULATOR.remoteMtaIp, reportingMTA: f.reportingMTA, entry, dsn: scenario === 'bounce' });
      } else if (scenario === 'ooto') {
        delivered();
        add(now, 'simulator', r, { type: 'bounce', bounceType: 'Transient', bounceSubType: 'General', entry: { emailAddress: r }, feedback: false, dsn: false });
        mail.push({ kind: 'auto-reply', from: r });
      } else if (scenario === 'complaint') {
        delivered();
        const report = { userAgent: SIMULATOR.complaint.userAgent, feedbackType: SIMULATOR.complaint.feedbackType };
        add(now, 'simulator', r, { type: 'complaint', complaintSubType: null, report, feedback: false, arrivalDate: now });
      } else delivered();
      continue;
    }
    const hit = deps.lookup(r, input.effective);
    const listed = hit?.list === 'account' ? hit.entry : undefined;
    if (listed?.reason === 'COMPLAINT') {
      add(now, 'account-list', r, { type: 'complaint', complaintSubType: 'OnAccountSuppressionList', feedback: false, arrivalDate: now });
      continue;
    }
    if (hit) {
      const f = listed ? ACCOUNT_LIST_BOUNCE : GLOBAL_LIST_BOUNCE;
      const entry = { emailAddress: r, action: 'failed', status: f.status, diagnosticCode: f.diagnosticCode };
      const bounceSubType = listed ? 'OnAccountSuppressionList' : 'Suppressed';
      add(now, listed ? 'account-list' : 'global-list', r, { type: 'bounce', bounceType: 'Permanent', bounceSubType, reportingMTA: f.reportingMTA, entry, feedback: false, dsn: false });
      continue;
    }
    const rule = deps.scenarios.match(r);
    if (rule?.action.kind === 'reject') return rejected(now);
    if (rule && rule.countsTowardReputation === false) unrated.push(r);
    if (rule) ruleParts(rule.action, r, { now, acceptedAt }, (at, part) => add(at, `rule:${rule.id}`, r, part));
    else add(now, 'delivery', r, { type: 'delivery' });
  }

  // Group: same moment, same outcome (everything but the recipient's own entry); bounces and complaints
  // also by origin, so the reputation work can tell simulator and suppression-list outcomes from the rest.
  // The simulator's hard bounces of one request are one bounce whatever their MTA (bounce@ with
  // suppressionlist@): the first one's reportingMTA stands for all.
  const groups = new Map<string, Group>();
  for (const p of parts) {
    const { entry: _entry, dsn: _dsn, ...shared } = p.part as Part & { entry?: unknown; dsn?: boolean };
    const origin = p.part.type === 'bounce' || p.part.type === 'complaint' ? p.origin : '';
    if (origin === 'simulator' && p.part.type === 'bounce' && p.part.bounceType === 'Permanent') delete (shared as { reportingMTA?: string }).reportingMTA;
    const key = JSON.stringify([p.at, origin, shared]);
    const g = groups.get(key) ?? { at: p.at, part: p.part, recipients: [], entries: [] };
    g.recipients.push(p.recipient);
    g.entries.push(p.part);
    groups.set(key, g);
  }
  const ordered = [...groups.values()].sort((a, b) => a.at - b.at || ORDER[a.part.type] - ORDER[b.part.type]);

  const plan: Plan = { events: [], feedback: [], mail, later: [], ...(unrated.length ? { unrated } : {}) };
  for (const g of ordered) {
    const feedbackId = g.part.type === 'bounce' || g.part.type === 'complaint' ? newFeedbackId(g.at, deps.ids) : '';
    const event = buildEvent(g, feedbackId, acceptedAt, input.deliveryTags);
    const feedback: FeedbackIntent[] = [];
    const stepMail: SystemMailIntent[] = [];
    if ((g.part.type === 'bounce' || g.part.type === 'complaint') && g.part.feedback) {
      const reason: SuppressionReason = g.part.type === 'bounce' ? 'BOUNCE' : 'COMPLAINT';
      for (const address of g.recipients) feedback.push({ address, reason, feedbackId, effective: [...input.effective] });
    }
    if (g.part.type === 'bounce') {
      const p = g.part;
      const recipients = g.entries.filter((e) => (e as typeof p).dsn).map((e) => (e as typeof p).entry as Required<BouncedRecipient>);
      if (recipients.length && input.forwardFeedback()) stepMail.push({ kind: 'dsn', reportingMTA: p.reportingMTA ?? RULE_MTA.reportingMTA, recipients });
    }
    if (g.part.type === 'complaint' && g.part.report && input.forwardFeedback()) {
      const { userAgent, feedbackType } = g.part.report;
      stepMail.push({ kind: 'arf', recipients: [...g.recipients], userAgent, feedbackType, arrivalDate: g.part.arrivalDate });
    }
    if (g.at <= now) {
      plan.events.push(event);
      plan.feedback.push(...feedback);
      plan.mail.push(...stepMail);
    } else plan.later.push({ dueAt: g.at, messageId: input.messageId, event, feedback, mail: stepMail });
  }
  return plan;
}

const rejected = (now: number): Plan => ({ events: [{ eventType: 'Reject', timestamp: now, body: rejectBody() }], feedback: [], mail: [], later: [] });

/** The parts a scenario rule's action gives one recipient, now and later. */
function ruleParts(action: ScenarioAction, r: string, t: { now: number; acceptedAt: number }, add: (at: number, part: Part) => void): void {
  const { now } = t;
  const mta = { remoteMtaIp: RULE_MTA.remoteMtaIp, reportingMTA: RULE_MTA.reportingMTA };
  switch (action.kind) {
    case 'hard-bounce': {
      const listed = action.bounceSubType === 'OnAccountSuppressionList' || action.bounceSubType === 'Suppressed';
      const entry = { emailAddress: r, action: 'failed', status: action.status, diagnosticCode: fillAddress(action.diagnosticCode, r) };
      const where = listed ? { reportingMTA: ACCOUNT_LIST_BOUNCE.reportingMTA } : mta;
      add(now, { type: 'bounce', bounceType: 'Permanent', bounceSubType: action.bounceSubType, ...where, entry, feedback: action.bounceSubType !== 'OnAccountSuppressionList', dsn: !listed });
      return;
    }
    case 'soft-bounce': {
      const step = action.retryIntervalSeconds * 1000;
      const entry = { emailAddress: r, status: action.status, diagnosticCode: fillAddress(action.diagnosticCode, r) };
      for (let k = 0; k < action.retries; k++) add(now + k * step, { type: 'delay', delayType: action.delayType, reportingMTA: RULE_MTA.reportingMTA, entry });
      const last = now + action.retries * step;
      if (action.finalOutcome === 'delivered') add(last, { type: 'delivery' });
      else {
        const failed = { emailAddress: r, action: 'failed', status: entry.status, diagnosticCode: entry.diagnosticCode };
        add(last, { type: 'bounce', bounceType: 'Transient', bounceSubType: action.bounceSubType, ...mta, entry: failed, feedback: false, dsn: true });
      }
      return;
    }
    case 'complain': {
      add(now, { type: 'delivery' });
      const report = { userAgent: RULE_MTA.complaintUserAgent, feedbackType: action.feedbackType };
      add(now + action.delaySeconds * 1000, { type: 'complaint', complaintSubType: null, report, feedback: true, arrivalDate: now });
      return;
    }
    case 'delay': {
      const ms = action.delaySeconds * 1000;
      if (ms >= DELIVERY_DELAY_EVENT_AFTER_MS) {
        const d = softBounceDefaults(action.delayType);
        add(now, { type: 'delay', delayType: action.delayType, reportingMTA: RULE_MTA.reportingMTA, entry: { emailAddress: r, ...d } });
      }
      add(now + ms, { type: 'delivery' });
      return;
    }
    default:
      return;
  }
}

function buildEvent(g: Group, feedbackId: string, acceptedAt: number, deliveryTags: Record<string, string[]>): NewEvent {
  const p = g.part;
  const at = g.at;
  switch (p.type) {
    case 'delivery':
      return {
        eventType: 'Delivery',
        timestamp: at,
        body: deliveryBody({ timestamp: at, processingTimeMillis: at - acceptedAt, recipients: g.recipients, smtpResponse: p.smtpResponse }),
        mailOverride: { tags: deliveryTags },
      };
    case 'delay':
      return {
        eventType: 'DeliveryDelay',
        timestamp: at,
        body: deliveryDelayBody({
          timestamp: at,
          delayType: p.delayType,
          expirationTime: acceptedAt + DELIVERY_RETRY_WINDOW_MS,
          recipients: g.entries.map((e) => (e as typeof p).entry),
          reportingMTA: p.reportingMTA,
        }),
      };
    case 'bounce':
      return {
        eventType: 'Bounce',
        timestamp: at,
        body: bounceBody({
          bounceType: p.bounceType,
          bounceSubType: p.bounceSubType,
          recipients: g.entries.map((e) => (e as typeof p).entry),
          timestamp: at,
          feedbackId,
          remoteMtaIp: p.remoteMtaIp,
          reportingMTA: p.reportingMTA,
        }),
      };
    default:
      return {
        eventType: 'Complaint',
        timestamp: at,
        body: complaintBody({
          recipients: g.recipients,
          timestamp: at,
          feedbackId,
          complaintSubType: p.complaintSubType,
          report: p.report && { ...p.report, arrivalDate: p.arrivalDate },
        }),
      };
  }
}
