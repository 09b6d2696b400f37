// The entries of a message's timeline other than SES events (EventsTab renders those): where the message came
// from (the API call or the SMTP session), one delivery attempt to a destination (status, latency, the
// answer's first kilobyte on demand) and mail SES sent about it (opens it in the inbox).
import type { DeliveryAttemptDto, MessageSummary } from '../../../../src-main/contract';
import { Icon } from '../../components/Icon';
import { longTime, preciseTime } from '../../lib/format';
import { useStore } from '../../stores';
import { attemptLine, channelLabel, relatedLabel, type TimelineEntry } from './timeline-model';

function Time({ at }: { at: string }) {
  return (
    <time dateTime={at} title={longTime(at)} className="event-time">
      {preciseTime(at)}
    </time>
  );
}

export function OriginItem({ entry }: { entry: Extract<TimelineEntry, { kind: 'origin' }> }) {
  const { api, smtp } = entry;
  let title: string;
  let facts: [string, string][];
  if (api) {
    title = `${api.operation} (${entry.door === 'ses' ? 'SES v1 API' : 'SES v2 API'})`;
    facts = [
      ['Access key', api.accessKeyId ?? '—'],
      ['Source IP', api.sourceIp],
      ['Request ID', api.requestId],
    ];
  } else if (smtp) {
    title = 'SMTP session';
    facts = [
      ['Client', `${smtp.clientHostname} (${smtp.remoteAddress})`],
      ['TLS', smtp.secure ? 'yes' : 'no'],
      ['User', smtp.user ? `${smtp.user}${smtp.authMethod ? ` via ${smtp.authMethod}` : ''}${smtp.authVerified ? ', verified' : ''}` : 'unauthenticated'],
    ];
  } else {
    title = entry.door === 'system' ? 'Sent by SES itself' : 'Accepted';
    facts = [];
  }
  return (
    <li className="event timeline-origin" data-testid="timeline-origin" data-origin={api ? 'api' : smtp ? 'smtp' : 'other'}>
      <div className="event-head is-static">
        <Icon name={smtp ? 'plug' : 'send'} size={14} />
        <span className="chip chip-plain">Created</span>
        <Time at={entry.at} />
        <span className="event-summary">{title}</span>
      </div>
      {facts.length > 0 && (
        <dl className="timeline-facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd className="wrap-anywhere">{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </li>
  );
}

const OUTCOME_CHIP: Record<string, string> = { delivered: 'chip-good', failed: 'chip-warn', abandoned: 'chip-bad', pending: 'chip-neutral', counted: 'chip-info', stored: 'chip-info' };

export function DeliveryItem({ attempt, forEvent, open, onToggle }: { attempt: DeliveryAttemptDto; forEvent: string | null; open: boolean; onToggle: () => void }) {
  const panelId = `delivery-${attempt.id}`;
  return (
    <li className="event timeline-delivery" data-testid="delivery-row" data-outcome={attempt.outcome} data-for-event={forEvent ?? ''}>
      <button type="button" className="event-head" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
        <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
        <span className={`chip ${OUTCOME_CHIP[attempt.outcome] ?? 'chip-neutral'}`}>
          {channelLabel(attempt.channel)} {attempt.outcome}
        </span>
        <Time at={attempt.at} />
        <span className="event-summary">
          {forEvent ? `${forEvent} event · ` : attempt.messageType ? `${attempt.messageType} · ` : ''}
          {attemptLine(attempt)} · {attempt.endpoint}
          {attempt.attempt > 1 ? ` · attempt ${attempt.attempt}` : ''}
        </span>
      </button>
      {open && (
        <dl id={panelId} className="timeline-facts">
          <div>
            <dt>Endpoint</dt>
            <dd className="wrap-anywhere">{attempt.endpoint}</dd>
          </div>
          {attempt.topicArn && (
            <div>
              <dt>Topic</dt>
              <dd className="wrap-anywhere">{attempt.topicArn}</dd>
            </div>
          )}
          {attempt.error && (
            <div>
              <dt>Error</dt>
              <dd className="wrap-anywhere">{attempt.error}</dd>
            </div>
          )}
          <div>
            <dt>Response</dt>
            <dd>
              <pre className="response-body">{attempt.responseBody || '(empty)'}</pre>
            </dd>
          </div>
        </dl>
      )}
    </li>
  );
}

export function RelatedItem({ message, at }: { message: MessageSummary; at: string }) {
  const openMessage = useStore((s) => s.select);
  return (
    <li className="event timeline-related" data-testid="related-row" data-operation={message.operation}>
      <div className="event-head is-static">
        <Icon name="mail" size={14} />
        <span className="chip chip-info">{relatedLabel(message)}</span>
        <Time at={at} />
        <span className="event-summary">{message.subject}</span>
        <button type="button" className="btn btn-small" onClick={() => openMessage(message.id)} data-testid="related-open">
          Open
        </button>
      </div>
    </li>
  );
}
