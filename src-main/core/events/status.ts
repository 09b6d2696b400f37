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
