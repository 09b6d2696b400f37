// The Event stream screen: recent SES events across every message, newest first, filtered by event type,
// configuration set and message tag (`name` or `name=value`); new events appear on top as they are recorded
// (live stream). A row expands to the event's JSON; its subject opens the message's timeline in the inbox.
import { useEffect, useState } from 'react';
import type { EventStreamItemDto, SesEventType } from '../../../../src-main/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { JsonView } from '../../components/JsonView';
import { EventChip } from '../../components/StatusChip';
import { longTime, preciseTime } from '../../lib/format';
import { useDebouncedValue } from '../../lib/use-debounced-value';
import { useStore } from '../../stores';
import { summarizeEvent } from '../message/event-summary';

export const STREAM_TYPES: SesEventType[] = ['Send', 'Delivery', 'Bounce', 'Complaint', 'Reject', 'DeliveryDelay', 'Rendering Failure', 'Open', 'Click', 'Subscription'];

function StreamRow({ ev }: { ev: EventStreamItemDto }) {
  const [open, setOpen] = useState(false);
  const openMessage = useStore((s) => s.openMessage);
  return (
    <li className="event" data-testid="stream-row" data-event-type={ev.eventType} data-message-id={ev.messageId}>
      <div className="event-head stream-head">
        <button type="button" className="btn btn-ghost btn-small" aria-expanded={open} onClick={() => setOpen(!open)} aria-label={open ? 'Hide JSON' : 'Show JSON'}>
          <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
        </button>
        <EventChip type={ev.eventType} />
        <time dateTime={ev.timestamp} title={longTime(ev.timestamp)} className="event-time">
          {preciseTime(ev.timestamp)}
        </time>
        <button type="button" className="btn-link stream-subject" onClick={() => openMessage(ev.messageId)} title="Open the message's timeline" data-testid="stream-open">
          {ev.subject || '(no subject)'}
        </button>
        <span className="event-summary">{summarizeEvent(ev)}</span>
        {ev.configurationSet && <span className="chip chip-plain stream-set">{ev.configurationSet}</span>}
      </div>
      {open && (
        <div className="event-json">
          <JsonView value={ev.payload} label={`Copy ${ev.eventType} event JSON`} />
        </div>
      )}
    </li>
  );
}

export function EventStreamScreen() {
  const items = useStore((s) => s.streamItems);
  const cursor = useStore((s) => s.streamCursor);
  const loaded = useStore((s) => s.streamLoaded);
  const error = useStore((s) => s.streamError);
  const filter = useStore((s) => s.streamFilter);
  const setFilter = useStore((s) => s.setStreamFilter);
  const load = useStore((s) => s.loadStream);
  const loadMore = useStore((s) => s.loadMoreStream);
  const setActive = useStore((s) => s.setStreamActive);
  const [setText, setSetText] = useState(filter.configurationSet);
  const [tagText, setTagText] = useState(filter.tag);
  const debouncedSet = useDebouncedValue(setText, 250).trim();
  const debouncedTag = useDebouncedValue(tagText, 250).trim();

  useEffect(() => {
    setActive(true);
    void load();
    return () => setActive(false);
  }, [load, setActive]);
  useEffect(() => {
    const f = useStore.getState().streamFilter;
    if (debouncedSet !== f.configurationSet || debouncedTag !== f.tag) setFilter({ configurationSet: debouncedSet, tag: debouncedTag });
  }, [debouncedSet, debouncedTag, setFilter]);

  const filtered = filter.type !== null || filter.configurationSet !== '' || filter.tag !== '';
  return (
    <div className="screen screen-wide" data-testid="event-stream-screen">
      <header className="screen-head">
        <h1>Event stream</h1>
        <span className="muted">Every SES event of every message, newest first, as SES would publish it.</span>
      </header>
      <div className="toolbar-row">
        <label className="field field-inline">
          <span>Type</span>
          <select className="input input-auto" value={filter.type ?? ''} onChange={(e) => setFilter({ type: (e.target.value || null) as SesEventType | null })} data-testid="stream-type">
            <option value="">All types</option>
            {STREAM_TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-inline">
          <span>Configuration set</span>
          <input className="input" value={setText} onChange={(e) => setSetText(e.target.value)} placeholder="any" data-testid="stream-config-set" />
        </label>
        <label className="field field-inline">
          <span>Tag</span>
          <input className="input" value={tagText} onChange={(e) => setTagText(e.target.value)} placeholder="name or name=value" data-testid="stream-tag" />
        </label>
      </div>
      <ErrorBanner error={error} />
      {loaded && items.length === 0 ? (
        <EmptyState title={filtered ? 'No matching events' : 'No SES events yet'} icon="clock" testId="stream-empty">
          <p>Send mail through the AWS SDK or SMTP: Send, Delivery, Bounce, Complaint… appear here live.</p>
        </EmptyState>
      ) : (
        <>
          <ol className="event-list stream-list" data-testid="stream-list">
            {items.map((ev) => (
              <StreamRow key={ev.id} ev={ev} />
            ))}
          </ol>
          {cursor && (
            <button type="button" className="btn load-more" onClick={() => void loadMore()} data-testid="stream-more">
              Load more
            </button>
          )}
        </>
      )}
    </div>
  );
}
