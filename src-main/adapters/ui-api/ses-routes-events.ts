// UI API: the global SES event stream and what a message's timeline adds to its detail.
//   GET /api/event-stream?type&configurationSet&tag&limit&cursor → EventStreamPageDto (newest first; `type`
//       repeatable, SES's spelling: Send, Bounce, `Rendering Failure`…; `tag` = `name` or `name=value`)
//   GET /api/timeline/:id → TimelineDto: every delivery attempt for the message (SNS subscriptions' HTTP
//       attempts; EventBridge/Firehose sink writes, CloudWatch counts and Pinpoint records from the publish
//       log) and the mail SES sent about it (DSN, ARF report, auto-reply)
// The events themselves, the API call and the SMTP session are already on MessageDetail; live updates come
// from the SSE stream's `event.recorded`, `sns.delivery` and `publish.recorded` (events-stream.ts).
// Owns: validating these queries and assembling the DTOs. Must not: query SQL (engine.eventLog does) or
// decide anything.
import type { SesEventType } from '../../contract/messages';
import type { DeliveryAttemptDto, EventStreamPageDto, TimelineDto } from '../../contract/ui-api';
import type { Engine } from '../../core/engine-api';
import type { PublishRecord } from '../../core/publishing/api';
import { badRequest, methodNotAllowed, notFound, segment, sendJson } from './respond';
import type { SesCall, SesRouteTable } from './ses-routes';
import { iso } from './ses-routes-io';
import { attemptDtos } from './ses-routes-sns';

export const EVENT_TYPES: readonly SesEventType[] = [
  'Send',
  'Delivery',
  'Bounce',
  'Complaint',
  'Reject',
  'DeliveryDelay',
  'Rendering Failure',
  'Open',
  'Click',
  'Subscription',
];
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 500;
const MAX_FILTER_CHARS = 256;
/** Delivery views read for one timeline, at most (each carries its attempts). */
const MAX_TIMELINE_DELIVERIES = 500;

function one(query: URLSearchParams, name: string): string | undefined {
  const all = query.getAll(name);
  if (all.length > 1) throw badRequest(`${name} may be given once.`);
  const v = all[0]?.trim();
  if (v !== undefined && v.length > MAX_FILTER_CHARS) throw badRequest(`${name} is too long.`);
  return v ? v : undefined;
}

export function parseStreamQuery(query: URLSearchParams) {
  const types = query.getAll('type').map((t) => {
    if (!(EVENT_TYPES as readonly string[]).includes(t)) throw badRequest(`type must be one of ${EVENT_TYPES.join(', ')}.`);
    return t as SesEventType;
  });
  const limitText = one(query, 'limit');
  const limit = limitText === undefined ? DEFAULT_LIMIT : /^\d{1,4}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) throw badRequest(`limit must be an integer from 1 to ${MAX_LIMIT}.`);
  const tagText = one(query, 'tag');
  let tag: { name: string; value?: string } | undefined;
  if (tagText !== undefined) {
    const eq = tagText.indexOf('=');
    const name = (eq < 0 ? tagText : tagText.slice(0, eq)).trim();
    if (name === '' || name.includes('"')) throw badRequest('tag must be a tag name, or name=value.');
    tag = eq < 0 ? { name } : { name, value: tagText.slice(eq + 1).trim() };
  }
  const cursor = one(query, 'cursor');
  if (cursor !== undefined && !/^[0-9a-z.]{1,40}$/.test(cursor)) throw badRequest('cursor is not a cursor returned by this API.');
  const configurationSet = one(query, 'configurationSet');
  return { types, limit, ...(tag ? { tag } : {}), ...(cursor ? { cursor } : {}), ...(configurationSet ? { configurationSet } : {}) };
}

function eventStream({ ctx, res, method, seg, query }: SesCall): void {
  if (seg.length !== 1) throw notFound(`No API route /api/${seg.join('/')}.`);
  if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, 'GET');
  const page: EventStreamPageDto = ctx.engine.eventLog.recent(parseStreamQuery(query));
  sendJson(res, 200, page, method);
}

/** Destinations other than SNS, from the publish log: sink writes (HTTP or file), counted and stored kinds. */
export function sinkAttempts(records: PublishRecord[]): DeliveryAttemptDto[] {
  return records
    .filter((r) => r.kind !== 'sns' && r.kind !== 'identity-sns')
    .map((r) => ({
      id: `p${r.id}`,
      at: iso(r.at) ?? '',
      channel: r.kind.toLowerCase(),
      endpoint: r.target ?? r.destination,
      topicArn: null,
      subscriptionArn: null,
      messageType: null,
      sesMessageId: r.messageId,
      sesEventId: r.eventId,
      attempt: 1,
      outcome: r.outcome,
      httpStatus: r.status,
      latencyMs: r.latencyMs,
      responseBody: r.responseBody,
      error: r.error,
    }));
}

export function timelineOf(engine: Engine, id: string): TimelineDto {
  const deliveries = [
    ...engine.sns.deliveries({ sesMessageId: id, limit: MAX_TIMELINE_DELIVERIES }).flatMap(attemptDtos),
    ...sinkAttempts(engine.publishing.published({ messageId: id, limit: MAX_TIMELINE_DELIVERIES })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return { messageId: id, deliveries, related: engine.eventLog.related(id) };
}

/** An unknown (or deleted) message has an empty timeline: deliveries may outlive the message. */
function timeline({ ctx, res, method, seg }: SesCall): void {
  if (seg.length !== 2) throw notFound(`No API route /api/${seg.join('/')}.`);
  if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, 'GET');
  const id = segment(seg[1], 'message id');
  sendJson(res, 200, timelineOf(ctx.engine, id), method);
}

export const eventRoutes: SesRouteTable = { 'event-stream': eventStream, timeline };
