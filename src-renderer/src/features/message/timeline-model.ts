// The per-message timeline as data: the API call or SMTP session that created the message, its SES events,
// every delivery attempt to a destination (SNS subscriptions, event sinks) and the mail SES sent about it
// (DSN, ARF report, auto-reply), merged into one list in time order. Owns: the merge and its tie-breaks (on
// equal times the cause comes first: origin, event, delivery, then related mail). Must not: fetch or render.
import type { ApiCallInfo, DeliveryAttemptDto, MessageDetail, MessageSummary, SesEventRecord, SmtpSessionInfo, TimelineDto } from '../../../../src-main/contract';

export type TimelineEntry =
  | { kind: 'origin'; key: string; at: string; api: ApiCallInfo | null; smtp: SmtpSessionInfo | null; door: MessageDetail['door'] }
  | { kind: 'event'; key: string; at: string; event: SesEventRecord }
  | { kind: 'delivery'; key: string; at: string; attempt: DeliveryAttemptDto; forEvent: SesEventRecord['eventType'] | null }
  | { kind: 'related'; key: string; at: string; message: MessageSummary };

const RANK: Record<TimelineEntry['kind'], number> = { origin: 0, event: 1, delivery: 2, related: 3 };

export function buildTimeline(detail: MessageDetail, extra: TimelineDto | null): TimelineEntry[] {
  const out: TimelineEntry[] = [{ kind: 'origin', key: 'origin', at: detail.receivedAt, api: detail.api, smtp: detail.smtp, door: detail.door }];
  for (const event of detail.events) out.push({ kind: 'event', key: `e${event.id}`, at: event.timestamp, event });
  if (extra && extra.messageId === detail.id) {
    const typeOf = new Map(detail.events.map((e) => [e.id, e.eventType]));
    for (const attempt of extra.deliveries) {
      const forEvent = attempt.sesEventId === null ? null : (typeOf.get(attempt.sesEventId) ?? null);
      out.push({ kind: 'delivery', key: `d${attempt.id}`, at: attempt.at, attempt, forEvent });
    }
    for (const message of extra.related) out.push({ kind: 'related', key: `r${message.id}`, at: message.receivedAt, message });
  }
  // Array.prototype.sort is stable: within a kind, the server's order (event ids, attempt numbers) is kept.
  return out.sort((a, b) => (a.at === b.at ? RANK[a.kind] - RANK[b.kind] : a.at < b.at ? -1 : 1));
}

/** The related message's role, from the kind system mail records as its operation. */
export function relatedLabel(m: MessageSummary): string {
  switch (m.operation) {
    case 'BounceNotification':
      return 'Bounce notification (DSN)';
    case 'ComplaintNotification':
      return 'Complaint report (ARF)';
    case 'AutoReply':
      return 'Auto-reply';
    default:
      return m.operation || 'Mail SES sent about this message';
  }
}

/** `HTTP 200 in 12 ms`, `no answer in 3000 ms`, `counted` (a CloudWatch destination). */
export function attemptLine(a: DeliveryAttemptDto): string {
  const failed = a.outcome === 'failed' || a.outcome === 'abandoned';
  const status = a.httpStatus !== null ? `HTTP ${a.httpStatus}` : a.outcome === 'pending' ? 'not attempted yet' : failed ? 'no answer' : a.outcome;
  return a.latencyMs === null ? status : `${status} in ${a.latencyMs} ms`;
}

const CHANNELS: Record<string, string> = { sns: 'SNS', eventbridge: 'EventBridge', firehose: 'Firehose', cloudwatch: 'CloudWatch', pinpoint: 'Pinpoint' };
export const channelLabel = (channel: string): string => CHANNELS[channel] ?? channel;
