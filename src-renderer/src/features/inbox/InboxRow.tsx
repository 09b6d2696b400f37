// One inbox row: unread dot, sender, time, subject, snippet, attachment icon, size and status chip.
// Fixed height (ROW_HEIGHT) so the virtual list can keep the scroll position when mail arrives on top.
import { memo } from 'react';
import type { MessageSummary } from '../../../../src-main/contract';
import { Icon } from '../../components/Icon';
import { StatusChip } from '../../components/StatusChip';
import { formatAddresses, formatSize, longTime, senderLabel, shortTime } from '../../lib/format';

export const ROW_HEIGHT = 78;

/** DOM id of a row, for aria-activedescendant. */
export const rowDomId = (id: string) => `inbox-row-${id.replace(/[^\w-]/g, '_')}`;

interface Props {
  message: MessageSummary;
  selected: boolean;
  onSelect: (id: string) => void;
  top: number;
}

export const InboxRow = memo(function InboxRow({ message: m, selected, onSelect, top }: Props) {
  const cls = ['inbox-row', m.read ? 'is-read' : 'is-unread', selected ? 'is-selected' : ''].join(' ');
  return (
    <div
      id={rowDomId(m.id)}
      role="option"
      aria-selected={selected}
      className={cls}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      onClick={() => onSelect(m.id)}
      data-testid="inbox-row"
      data-message-id={m.id}
      data-read={m.read ? 'true' : 'false'}
      data-status={m.status}
    >
      <span className="unread-dot" aria-hidden="true" />
      <div className="row-main">
        <div className="row-line">
          <span className="row-from" title={m.from ? `${m.from.name} <${m.from.address}>` : undefined}>
            {!m.read && <span className="sr-only">Unread. </span>}
            {senderLabel(m.from)}
          </span>
          <time className="row-time" dateTime={m.receivedAt} title={longTime(m.receivedAt)}>
            {shortTime(m.receivedAt)}
          </time>
        </div>
        <div className="row-line">
          <span className="row-subject">{m.subject || '(no subject)'}</span>
          {m.hasAttachments && (
            <span className="row-attach" title="Has attachments">
              <Icon name="paperclip" size={13} />
              <span className="sr-only">Has attachments</span>
            </span>
          )}
        </div>
        <div className="row-line">
          <span className="row-snippet" title={`To: ${formatAddresses(m.to)}`}>
            {m.snippet || <span className="muted">(no text)</span>}
          </span>
          <span className="row-size">{formatSize(m.size)}</span>
          {m.status !== 'accepted' && <StatusChip status={m.status} />}
        </div>
      </div>
    </div>
  );
});
