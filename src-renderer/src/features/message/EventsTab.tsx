// The Events tab: the message's SES events in time order (Send, Delivery, Bounce, ...), each with its
// type chip, time, a one-line summary and the full SES JSON on demand. Updated live.
import { useState } from 'react';
import type { MessageDetail, SesEventRecord } from '../../../../src-main/contract';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { JsonView } from '../../components/JsonView';
import { EventChip } from '../../components/StatusChip';
import { longTime, preciseTime } from '../../lib/format';
import { summarizeEvent } from './event-summary';

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
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  const events = detail.events;

  if (events.length === 0 && detail.door === 'system') {
    return (
      <EmptyState title="Mail SES sent you" icon="file">
        <p>SES publishes no events for its own mail (verification emails, bounce notifications, auto-replies).</p>
      </EmptyState>
    );
  }
  if (events.length === 0) {
    return (
      <EmptyState title="No SES events yet" icon="file">
        <p>Send, Delivery, Bounce, Complaint… appear here as SES would publish them.</p>
      </EmptyState>
    );
  }

  const allOpen = events.every((e) => open.has(e.id));
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="events-tab">
      <div className="pane-toolbar">
        <span className="muted">
          {events.length} event{events.length === 1 ? '' : 's'}
        </span>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="btn btn-small"
          onClick={() => setOpen(allOpen ? new Set() : new Set(events.map((e) => e.id)))}
        >
          {allOpen ? 'Collapse all' : 'Expand all'}
        </button>
      </div>
      <ol className="event-list" data-testid="event-list">
        {events.map((ev) => (
          <EventItem key={ev.id} ev={ev} open={open.has(ev.id)} onToggle={() => toggle(ev.id)} />
        ))}
      </ol>
    </div>
  );
}
