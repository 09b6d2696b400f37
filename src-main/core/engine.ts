// The engine's composition root: opens the store and wires the capabilities into the Engine every door
// uses (engine-api.ts). Owns: construction order, defaults for injected clock, ids and log, Sesame's clock
// (the injected clock plus the persisted time-travel offset), start-up account overrides, and reset.
// Must not: contain behaviour — each capability lives in its folder.
import type { AccountPatch } from './account/api';
import { createAccount } from './account/account';
import { systemClock, TravelClock, type Clock } from './clock';
import { createConfigurationSets } from './config-sets/config-sets';
import type { Engine } from './engine-api';
import { consoleLog, createBus, type EngineLog } from './events/bus';
import { randomIds, type Ids } from './ids';
import { createIdentities, VERIFY_EMAIL_PATH } from './identities/identities';
import { createMessages } from './messages/messages';
import { createSystemMail } from './messages/system-mail';
import { createOutcomes } from './outcomes/outcomes';
import { createSendingPipeline } from './sending/pipeline';
import { createBulkSender } from './sending/bulk';
import { createTemplates } from './templates/templates';
import { openStore } from './store/index';
import { createSuppression } from './suppression/suppression';
import type { SinkAppend } from './publishing/api';
import { createPublishing } from './publishing/publishing';
import type { OutboundHttp } from './sns/api';
import { createSns } from './sns/sns';
import { createTracking } from './tracking/tracking';
import { createContacts } from './contacts/contacts';
import { createEventLog } from './store/event-query';
import { createStructureInspect } from './inspect/parts';
import { createAuthenticationInspect } from './inspect/auth-service';
import { createCompatibilityInspect } from './inspect/compat';
import type { RealResolver } from './inspect/dns';
import { createLinkCheckInspect, type LinkProbe, type LinkResolve } from './inspect/link-check';
import { createSpamInspect, type SpamChecker } from './inspect/spam';
import { createCompareInspect } from './inspect/compare';
import { createDedicatedIps } from './dedicated-ips/dedicated-ips';
import { createMetrics } from './metrics/metrics';
import { createReputation } from './reputation/reputation';
import { createRecommendations } from './vdm/recommendations';

/** Applied to the account at every start when given (flags/env/config file; CI sets these). */
export type AccountOverrides = Pick<AccountPatch, 'sandbox' | 'max24HourSend' | 'maxSendRate' | 'autoVerify'>;

export interface EngineOptions {
  region: string;
  accountId: string;
  /** SQLite file path, or ':memory:'. */
  dbPath: string;
  /** Retention cap: the oldest messages beyond it are pruned. */
  maxMessages: number;
  clock?: Clock;
  ids?: Ids;
  /** Where failures that must not fail a caller (a throwing bus listener) are reported; console.error by default. */
  log?: EngineLog;
  account?: AccountOverrides;
  /**
   * Where Sesame's own pages are reachable, read when a link is written (the AWS endpoint binds after the
   * engine exists): the identity verification email links to `<aws>/_sesame/verify-email?token=…`.
   */
  publicUrls?: { aws: () => string | undefined };
  /** Outbound HTTP (SNS HTTP/HTTPS deliveries, event sinks); hosts/app.ts passes adapters/deliveries/outbound-http.ts. */
  outboundHttp?: OutboundHttp;
  /** The SNS signing key and certificate (PEM), kept by the host in the data dir; absent: a key made in memory. */
  snsSigning?: { privateKeyPem: string; certificatePem: string };
  /** Appends a line to a file (event sinks' file output); hosts/app.ts passes adapters/event-sinks/append-line.ts. */
  appendLine?: SinkAppend;
  /** Real DNS for the authentication inspection's fallback (off unless enabled); hosts/app.ts may pass dns.promises.resolve. */
  realDns?: RealResolver;
  /** The link check's DNS lookup and single-request HTTP probe; hosts/app.ts passes adapters/link-check. */
  linkCheck?: { resolve: LinkResolve; probe: LinkProbe };
  /** SpamAssassin's spamd for the spam inspection; hosts/app.ts passes adapters/spamd; absent: "not available". */
  spamChecker?: SpamChecker;
}

const CLOCK_KEY = 'clock.offsetMs';

export function createEngine(opts: EngineOptions): Engine {
  const ids = opts.ids ?? randomIds;
  const store = openStore({ path: opts.dbPath, maxMessages: opts.maxMessages });
  const clock = new TravelClock(opts.clock ?? systemClock, store.settings.get<number>(CLOCK_KEY) ?? 0);
  const log = opts.log ?? consoleLog;
  const bus = createBus(log);
  // Mail SES itself sends (verification email, DSN, auto-reply), captured in the inbox.
  const systemMail = createSystemMail({ clock, ids, store, bus });
  const account = createAccount(store.sendLog, store.settings, clock, ids);
  const suppression = createSuppression(store.db, store.settings, clock);
  const configurationSets = createConfigurationSets(store.db, clock);
  // Sesame's AWS origin (`http://127.0.0.1:4566`), read when a link is written, with no trailing slash.
  const awsOrigin = () => (opts.publicUrls?.aws() ?? 'http://localhost').replace(/\/$/, '');
  const identities = createIdentities({
    db: store.db,
    region: opts.region,
    clock,
    ids,
    account,
    configurationSets,
    systemMail,
    verifyEmailUrl: (token) => `${awsOrigin()}${VERIFY_EMAIL_PATH}?token=${encodeURIComponent(token)}`,
  });
  // The statistics ledger: created before anything else listens to `event.recorded` (reputation reads it).
  const metrics = createMetrics({ db: store.db, clock, bus, identities });
  // Reputation re-evaluates after every count (metrics.onCounted), so it comes after metrics.
  const reputation = createReputation({ metrics, account, configurationSets, settings: store.settings, clock, bus });
  // What happens to accepted mail: simulator, suppression outcomes, scenario rules, scheduled outcomes.
  const outcomes = createOutcomes({ region: opts.region, clock, ids, store, bus, suppression, systemMail, log });
  const { scenarios, scheduler } = outcomes;
  // Start-up overrides (flags/env/config file) apply at every start, and again after a reset: they are how
  // this Sesame is configured, not SES account state.
  const applyOverrides = () => {
    const patch = Object.fromEntries(Object.entries(opts.account ?? {}).filter(([, v]) => v !== undefined && v !== null));
    if (Object.keys(patch).length) account.update(patch);
  };
  applyOverrides();
  // Open/click tracking: tracking URLs point at the AWS port (a set's CustomRedirectDomain is not used locally).
  const tracking = createTracking({
    db: store.db,
    clock,
    bus,
    configurationSets,
    scheduler,
    awsOrigin,
  });
  // Contact lists and list management: List-Unsubscribe URLs point at the AWS port.
  const contacts = createContacts({ db: store.db, clock, bus, scheduler, awsOrigin });
  // Email templates (stored, rendered for templated sends and TestRender).
  const templates = createTemplates(store.db, clock);
  // Dedicated IPs (simulated): pools, leased and managed IPs, warm-up; picks each send's outgoing IP.
  const dedicatedIps = createDedicatedIps({ db: store.db, clock, autoWarmup: () => account.get().dedicatedIpAutoWarmupEnabled });
  const sending = createSendingPipeline({
    region: opts.region,
    accountId: opts.accountId,
    clock,
    ids,
    store,
    bus,
    gate: { region: opts.region, account, identities, configurationSets },
    outcomes,
    onSent: account.recordSend,
    noteSend: metrics.noteSend,
    tracking,
    templates,
    listManagement: contacts,
    sendingIps: dedicatedIps,
    sendingPoolOf: (set) => configurationSets.get(set)?.delivery.sendingPoolName ?? null,
  });
  const sendBulk = createBulkSender(sending.send, (c) => {
    if (c.name) templates.get(c.name);
  });
  // The SNS subset: topics, subscriptions, Publish; HTTP/HTTPS deliveries go out through the injected transport.
  const sns = createSns({
    db: store.db,
    region: opts.region,
    accountId: opts.accountId,
    clock,
    ids,
    bus,
    outbound: opts.outboundHttp ?? (() => Promise.reject(new Error('this Sesame has no outbound HTTP'))),
    signing: opts.snsSigning,
    awsOrigin,
    log,
  });
  // Event publishing: every recorded event to the set's destinations and the identity's legacy topics.
  const publishing = createPublishing({
    region: opts.region,
    accountId: opts.accountId,
    clock,
    ids,
    store,
    bus,
    configurationSets,
    identities,
    sns: () => sns,
    outbound: opts.outboundHttp,
    append: opts.appendLine,
    log,
  });
  // VDM recommendations: judged from identities and the local zone when listed.
  const recommendations = createRecommendations({ region: opts.region, accountId: opts.accountId, clock, identities, settings: store.settings });
  const runDue = () => scheduler.runDue(clock.now());
  // Inspection reads each message's stored MIME; the structure member also feeds the link checker.
  const rawOf = (id: string) => store.messages.raw(id);
  const structure = createStructureInspect(rawOf);
  let closed = false;
  return {
    region: opts.region,
    accountId: opts.accountId,
    bus,
    sending: { send: sending.send, sendBulk },
    templates,
    account,
    identities,
    suppression,
    configurationSets,
    scenarios,
    sns,
    publishing,
    tracking,
    contacts,
    metrics,
    dedicatedIps,
    reputation,
    recommendations,
    inspect: {
      ...structure,
      ...createCompatibilityInspect(rawOf),
      ...createAuthenticationInspect({ region: opts.region, clock, db: store.db, settings: store.settings, messages: store.messages, identities, realDns: opts.realDns }),
      ...createLinkCheckInspect({ clock, settings: store.settings, links: structure.links, ...opts.linkCheck }),
      ...createSpamInspect({ raw: rawOf, clock, checker: opts.spamChecker }),
      ...createCompareInspect(rawOf),
    },
    eventLog: createEventLog(store.db),
    time: {
      now: () => clock.now(),
      offset: () => clock.offset(),
      advance(ms) {
        clock.advance(ms);
        store.settings.put(CLOCK_KEY, clock.offset());
        sns.kick(); // SNS retries now due go out (asynchronously; engine.sns.runDue() awaits them)
        const ran = runDue();
        reputation.evaluate(); // old mail leaves the reputation window as time passes: "under review" can heal
        return { now: clock.now(), ran };
      },
      runDue,
      nextDueAt: () => scheduler.nextDueAt(),
    },
    reset() {
      store.db.transaction(() => {
        scheduler.reset();
        scenarios.reset();
        suppression.reset();
        metrics.reset();
        reputation.reset();
        configurationSets.reset();
        templates.reset();
        dedicatedIps.reset();
        contacts.reset();
        sns.reset();
        publishing.reset();
        identities.reset();
        account.reset();
        recommendations.reset();
        applyOverrides();
        store.settings.delete(CLOCK_KEY);
      })();
      clock.resetOffset();
    },
    messages: createMessages({ store: store.messages, bus, region: opts.region }),
    close() {
      if (closed) return;
      closed = true;
      store.close();
    },
  };
}
