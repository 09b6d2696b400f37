// The Events tab, a timeline of the message: the API call or SMTP session that created it, its SES events
// (Send, Delivery, Bounce…: type chip, time, a one-line summary and the full SES JSON on demand), every
// delivery attempt to every destination (SNS subscriptions: status, latency, response body) and the mail SES
// sent about it (bounce DSN, complaint report, auto-reply), in time order. Updated live: events arrive on the
// detail, deliveries and related mail are read again when they do (use-timeline.ts).
import { useMemo, useState } from 'react';
import type { MessageDetail, SesEventRecord } from '../../../../src-main/contract';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { JsonView } from '../../components/JsonView';
import { EventChip } from '../../components/StatusChip';
import { longTime, preciseTime } from '../../lib/format';
import { summarizeEvent } from './event-summary';
import { buildTimeline } from './timeline-model';
import { DeliveryItem, OriginItem, RelatedItem } from './TimelineItems';
import { useTimeline } from './use-timeline';

function EventItem({ ev, open, onToggle }: { ev: SesEventRecord; open: boolean; onToggle: () => void }) {
  const panelId = `event-json-${ev.id}`;
  return (
    <li className="event" data-testid="event-row" data-event-type={ev.eventType}>
      <button type="button" className="event-head" aria-expanded={open} aria-controls={panelId} onClick={onToggle}>
        <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
        <EventChip type={ev.eventType} />
        <time dateTime={ev.timestamp} title={longTime(ev.timestamp)} className="event-time">
          {preciseTime(ev.timestamp)}
        </time>
        <span className="event-summary">{summarizeEvent(ev)}</span>
      </button>
      {open && (
        <div id={panelId} className="event-json">
          <JsonView value={ev.payload} label={`Copy ${ev.eventType} event JSON`} />
        </div>
      )}
    </li>
  );
}

export function EventsTab({ detail }: { detail: MessageDetail }) {
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const { timeline, error, reload } = useTimeline(detail.id, detail.events.length);
  const entries = useMemo(() => buildTimeline(detail, timeline), [detail, timeline]);
  const events = detail.events;

  if (events.length === 0 && detail.door === 'system') {
    return (
      <EmptyState title="Mail SES sent you" icon="file">
        <p>SES publishes no events for its own mail (verification emails, bounce notifications, auto-replies).</p>
      </EmptyState>
    );
  }

  const expandable = entries.filter((e) => e.kind === 'event' || e.kind === 'delivery').map((e) => e.key);
  const allOpen = expandable.length > 0 && expandable.every((k) => open.has(k));
  const toggle = (key: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const deliveries = entries.filter((e) => e.kind === 'delivery').length;
  const related = entries.filter((e) => e.kind === 'related').length;

  return (
    <div className="events-tab">
      <div className="pane-toolbar">
        <span className="muted" data-testid="timeline-counts">
          {events.length} event{events.length === 1 ? '' : 's'}
          {deliveries > 0 && ` · ${deliveries} delivery attempt${deliveries === 1 ? '' : 's'}`}
          {related > 0 && ` · ${related} related message${related === 1 ? '' : 's'}`}
        </span>
        {error && <span className="field-error">Deliveries could not be read: {error}</span>}
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-small" onClick={reload} title="Read the delivery log again" data-testid="timeline-refresh">
          Refresh
        </button>
        <button type="button" className="btn btn-small" disabled={expandable.length === 0} onClick={() => setOpen(allOpen ? new Set() : new Set(expandable))}>
          {allOpen ? 'Collapse all' : 'Expand all'}
        </button>
      </div>
      {events.length === 0 && <p className="muted timeline-note">No SES events yet: Send, Delivery, Bounce, Complaint… appear here as SES would publish them.</p>}
      <ol className="event-list timeline" data-testid="event-list">
        {entries.map((e) => {
          switch (e.kind) {
            case 'origin':
              return <OriginItem key={e.key} entry={e} />;
            case 'event':
              return <EventItem key={e.key} ev={e.event} open={open.has(e.key)} onToggle={() => toggle(e.key)} />;
            case 'delivery':
              return <DeliveryItem key={e.key} attempt={e.attempt} forEvent={e.forEvent} open={open.has(e.key)} onToggle={() => toggle(e.key)} />;
            case 'related':
              return <RelatedItem key={e.key} message={e.message} at={e.at} />;
          }
        })}
      </ol>
    </div>
  );
}
