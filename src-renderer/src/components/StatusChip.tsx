// Coloured chips: a message's status, and an SES event type (same palette: a Bounce looks like "bounced").
import type { ReactNode } from 'react';
import type { MessageStatus, SesEventType } from '../../../src-main/contract';

const STATUS_TONE: Record<MessageStatus, string> = {
  accepted: 'neutral',
  delivered: 'good',
  bounced: 'bad',
  complained: 'warn',
  rejected: 'bad',
  failed: 'bad',
  delayed: 'warn',
};

const EVENT_TONE: Record<SesEventType, string> = {
  Send: 'neutral',
  Delivery: 'good',
  Bounce: 'bad',
  Complaint: 'warn',
  Reject: 'bad',
  DeliveryDelay: 'warn',
  'Rendering Failure': 'bad',
  Open: 'info',
  Click: 'info',
  Subscription: 'info',
};

export function StatusChip({ status }: { status: MessageStatus }) {
  return (
    <span className={`chip chip-${STATUS_TONE[status] ?? 'neutral'}`} data-testid="status-chip" data-status={status}>
      {status}
    </span>
  );
}

export function EventChip({ type }: { type: SesEventType }) {
  return (
    <span className={`chip chip-${EVENT_TONE[type] ?? 'neutral'}`} data-testid="event-chip">
      {type}
    </span>
  );
}

/** A plain grey chip (door, configuration set, tag). */
export function Chip({ children, title }: { children: ReactNode; title?: string }) {
  return (
    <span className="chip chip-plain" title={title}>
      {children}
    </span>
  );
}
