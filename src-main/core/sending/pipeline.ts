// The one sending pipeline behind SES v2 SendEmail, v1 SendEmail/SendRawEmail and SMTP DATA:
// draft (validate, compose or take raw, add SES's headers) → authorize the sender (the gate) → plan the
// outcomes (core/outcomes: simulator, suppression, scenario rules, content filter) → persist the message,
// its raw MIME, its Send and immediate outcome events, its scheduled outcomes, suppression feedback and the
// send-log row in one transaction → emit domain events → capture the mail SES sends back (DSN, auto-reply).
// Owns: that order, and that nothing is emitted or acknowledged before the commit.
// Must not: speak a wire protocol, or decide what the gate or the outcomes decide.
import type { ApiCallInfo, SesEventRecord } from '../../contract/messages';
import type { Clock } from '../clock';
import type { DomainBus, SendRequest, SendResult } from '../engine-api';
import { commonHeaders, deliveryTags, eventHeaders, sendBody, sendTags, type SesMail } from '../events/event-json';
import { statusOfEvents } from '../events/status';
import type { Ids } from '../ids';
import { summaryOf } from '../messages/views';
import { bareAddress, domainOf } from '../mime/addresses';
import type { Outcomes } from '../outcomes/outcomes';
import type { MessageRecord, NewEvent, Store } from '../store/types';
import { draftRaw, draftSimple, type Draft, type DraftContext } from './draft';
import { identityArn } from './checks';
import { authorizeSend, isSimulatorAddress, writtenRecipients, type GateDeps } from './authorize';
import { newMessageId } from './ses-headers';
import { draftTemplate, isTemplatedDraft, renderingFailureBody, templatedMailOverrides } from './draft-template';
import type { TemplateService } from '../templates/api';
import { applyTracking } from './tracking-rewrite';
import type { TrackingService } from '../tracking/api';
import { applyListManagement, type ListManagement } from './list-management';
import { signOutgoing } from './dkim-sign';
import type { DedicatedIpService } from '../dedicated-ips/api';
import { withOutgoingIp } from '../dedicated-ips/outgoing-header';
import type { SendNote } from '../metrics/metrics';

export interface PipelineDeps {
  region: string;
  accountId: string;
  clock: Clock;
  ids: Ids;
  store: Store;
  bus: DomainBus;
  /** The sending gate's capabilities (authorize.ts). */
  gate: GateDeps;
  /** What happens to the accepted message (core/outcomes). */
  outcomes: Pick<Outcomes, 'plan' | 'persist' | 'sendMail'>;
  /** Called after each commit with the send's time and the recipients counted toward the daily quota. */
  onSent(at: number, quotaRecipients: number): void;
  /** Stored templates, for templated sends (draft-template.ts). */
  templates: Pick<TemplateService, 'get'>;
  /** Open/click tracking (core/tracking): the pixel and rewritten links, for sets that ask for them. */
  tracking: Pick<TrackingService, 'wanted' | 'rewrite' | 'persist'>;
  /** List management (core/contacts): opted-out recipients dropped, List-Unsubscribe headers added. */
  listManagement: ListManagement;
  /** Dedicated IPs (core/dedicated-ips): the IP a send goes out from (SES's shared IP unless a pool has one). */
  sendingIps: Pick<DedicatedIpService, 'route'>;
  /** The configuration set's DeliveryOptions.SendingPoolName. */
  sendingPoolOf: (configurationSet: string) => string | null;
  /** Inside the transaction: what the statistics ledger needs later about this send (core/metrics). */
  noteSend(messageId: string, at: number, note: SendNote): void;
}

export function createSendingPipeline(deps: PipelineDeps) {
  const { region, accountId, clock, ids, store, bus } = deps;

  async function send(req: SendRequest): Promise<SendResult> {
    let ctx: DraftContext | null = null;
    const context = (): DraftContext => {
      const acceptedAt = clock.now();
      ctx = { region, accountId, acceptedAt, messageId: newMessageId(acceptedAt, ids) };
      return ctx;
    };
    const draft: Draft =
      req.content.kind === 'raw'
        ? draftRaw(req, req.content.data, context)
        : req.content.kind === 'template'
          ? await draftTemplate(req, context, deps.templates)
          : await draftSimple(req, context);
    // Templated sends: SES accepts a message that fails to render, records Rendering Failure, delivers nothing.
    const template = isTemplatedDraft(draft) ? draft.template : null;
    const renderFailed = template !== null && template.failure !== null;
    const { messageId, acceptedAt } = ctx!;
    const overrides = isTemplatedDraft(draft) ? templatedMailOverrides(draft, messageId) : null;

    const mailFrom = bareAddress(draft.source);
    const fromAddress = draft.common.from[0]?.address ?? null;
    const gate = authorizeSend(deps.gate, {
      source: draft.source,
      fromHeader: fromAddress,
      recipients: draft.recipients,
      asWritten: writtenRecipients(req),
      configurationSet: draft.control.configurationSet,
      at: acceptedAt,
    });
    const identity = gate.identity;
    const configurationSet = gate.configurationSet;
    // The outgoing IP: the set's sending pool (dedicated, or the shared pool while an IP warms up).
    const route = deps.sendingIps.route(configurationSet ? deps.sendingPoolOf(configurationSet) : null, draft.recipients.length, acceptedAt);
    if (route.dedicated) draft.mime = withOutgoingIp(draft.mime, route.ip, acceptedAt);
    const tracked = applyTracking(deps.tracking, draft, messageId, configurationSet);
    const listed = req.listManagement ? applyListManagement(deps.listManagement, draft, messageId, req.listManagement) : null;
    draft.mime = await signOutgoing(deps.gate.identities, draft.mime, fromAddress, acceptedAt); // DKIM as SES signs (dkim-sign.ts)
    // Simulator recipients are limited by the send rate but not counted toward the daily quota (§A.4).
    const quotaRecipients = draft.recipients.filter((r) => !isSimulatorAddress(r)).length;

    const tags = sendTags({
      caller: req.caller,
      configurationSet,
      fromDomain: fromAddress ? domainOf(fromAddress) : null,
      custom: draft.control.tags,
    });
    const { headers, truncated } = eventHeaders(draft.eventHeaders);
    const mail: SesMail = {
      timestamp: new Date(acceptedAt).toISOString(),
      source: draft.source,
      // Templated sends' events carry no sourceArn (LocalStack's AWS snapshot, ses-facts §A.5.2).
      ...(template ? {} : { sourceArn: identityArn(region, accountId, identity) }),
      sendingAccountId: accountId,
      messageId,
      destination: draft.recipients,
      headersTruncated: truncated,
      headers,
      commonHeaders: commonHeaders(draft.common, draft.eventHeaderKeys, messageId),
      tags,
    };
    const plan = renderFailed ? { events: [], feedback: [], mail: [], later: [] } : deps.outcomes.plan({
      messageId,
      acceptedAt,
      recipients: draft.recipients,
      effective: gate.suppressedReasons,
      mime: draft.mime,
      deliveryTags: deliveryTags(tags, route.ip),
      forwardFeedback: () => deps.gate.identities.get(identity)?.feedbackForwarding ?? true,
    });
    const events: NewEvent[] = [
      { eventType: 'Send', timestamp: acceptedAt, body: sendBody(), ...(overrides ? { mailOverride: overrides.send } : {}) },
      ...plan.events,
    ];
    if (renderFailed) {
      events.push({ eventType: 'Rendering Failure', timestamp: acceptedAt, body: renderingFailureBody(template), mailOverride: overrides!.renderingFailure });
    }

    const c = req.caller;
    const api: ApiCallInfo | null =
      c.door === 'smtp' ? null : { operation: c.operation, accessKeyId: c.accessKeyId, sourceIp: c.sourceIp, requestId: c.requestId };
    const record: MessageRecord = {
      id: messageId,
      receivedAt: acceptedAt,
      door: c.door,
      operation: c.operation,
      kind: draft.kind,
      source: draft.source,
      mailFrom,
      rcptTo: draft.recipients,
      destination: req.destination
        ? { to: req.destination.to ?? [], cc: req.destination.cc ?? [], bcc: req.destination.bcc ?? [] }
        : null,
      from: draft.common.from[0] ?? null,
      to: draft.common.to,
      cc: draft.common.cc,
      subject: draft.common.subject,
      snippet: draft.snippet,
      size: draft.mime.length,
      hasAttachments: draft.hasAttachments,
      status: statusOfEvents(events),
      configurationSet,
      tags,
      api,
      smtp: c.smtp ?? null,
      // Kept for feedback forwarding (bounces and complaints go here; recipients still see SES's Return-Path).
      returnPath: req.returnPath?.trim() || null,
      relatedId: null,
      ...(template ? { template } : {}),
    };

    const encoded = await store.messages.encodeRaw(draft.mime);
    const result = store.db.transaction(() => {
      deps.outcomes.persist(messageId, plan);
      if (!renderFailed) route.commit();
      tracked.persist();
      listed?.persist();
      deps.noteSend(messageId, acceptedAt, {
        unrated: plan.unrated ?? [],
        tracking: deps.tracking.wanted(configurationSet),
        mimeWithAttachments: draft.hasAttachments ? draft.mime : null,
      });
      return store.messages.accept(record, encoded, mail, events, { at: acceptedAt, recipients: quotaRecipients });
    })();

    // Committed: only now does anyone hear about it.
    deps.onSent(acceptedAt, quotaRecipients);
    bus.emit('message.accepted', summaryOf({ ...record, seq: result.seq, read: false }));
    // The listeners' own bookkeeping (statistics ledger, publish log) for this send's events commits once,
    // not once per event: their transactions nest as savepoints in this one.
    store.db.transaction(() => result.events.forEach((e: SesEventRecord) => bus.emit('event.recorded', e)))();
    if (result.prunedIds.length) bus.emit('messages.deleted', { ids: result.prunedIds });
    if (plan.mail.length) {
      await deps.outcomes.sendMail(messageId, plan.mail, { mime: draft.mime, receivedAt: acceptedAt, returnPath: record.returnPath, source: draft.source });
    }
    return { messageId };
  }

  return { send };
}
