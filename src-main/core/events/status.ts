// A message's status, derived from its SES events (the UI shows it; DESIGN: outcomes are data).
// Must not: store anything — the store keeps the derived value next to the events that set it.
import type { MessageStatus, SesEventType } from '../../contract/messages';

/** Status after `event` on a message that was `current`. Engagement events (Open, Click) change nothing. */
export function statusAfter(current: MessageStatus, event: SesEventType): MessageStatus {
  switch (event) {
    case 'Send':
      return 'accepted';
    case 'Delivery':
      // A later bounce or complaint is the newer truth; a Delivery does not undo it.
      return current === 'bounced' || current === 'complained' ? current : 'delivered';
    case 'Bounce':
      return 'bounced';
    case 'Complaint':
      return 'complained';
    case 'Reject':
      return 'rejected';
    case 'Rendering Failure':
      return 'failed';
    case 'DeliveryDelay':
      return current === 'accepted' ? 'delayed' : current;
    default:
      return current;
  }
}

/** Status after a sequence of events, starting from acceptance. */
export function statusOf(events: SesEventType[]): MessageStatus {
  return events.reduce<MessageStatus>(statusAfter, 'accepted');
}

/** An event as the store keeps it: its type and the object after `mail`. */
export interface StatusEvent {
  eventType: SesEventType;
  body: Record<string, unknown>;
}

/**
 * Like statusAfter, reading the event's body where the type alone misleads: a Transient bounce that follows
 * a Delivery is an auto-responder's answer (mailbox simulator ooto@, ses-facts §A.4) — the mail was
 * delivered, so the message stays `delivered`. A Transient bounce of mail never delivered (a soft bounce
 * SES stopped retrying) is `bounced`.
 */
export function statusAfterEvent(current: MessageStatus, event: StatusEvent): MessageStatus {
  if (event.eventType === 'Bounce' && current === 'delivered') {
    const bounce = event.body.bounce as { bounceType?: string } | undefined;
    if (bounce?.bounceType === 'Transient') return current;
  }
  return statusAfter(current, event.eventType);
}

/** Status after a sequence of stored events, starting from acceptance. */
export function statusOfEvents(events: readonly StatusEvent[]): MessageStatus {
  return events.reduce<MessageStatus>(statusAfterEvent, 'accepted');
}
