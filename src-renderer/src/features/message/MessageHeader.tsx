// The open message's header block: subject, status, addresses (with envelope-only Bcc clearly labelled),
// time, MessageId, door/operation, configuration set, tags, the message it is about (mail SES sent: a DSN,
// an auto-reply), and the message actions.
import { useState, type ReactNode } from 'react';
import type { MessageDetail } from '../../../../src-main/contract';
import { urls } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { CompareDialog } from '../compare/CompareDialog';
import { Icon } from '../../components/Icon';
import { Chip, StatusChip } from '../../components/StatusChip';
import { doorLabel, formatAddress, formatAddresses, longTime } from '../../lib/format';
import { useStore } from '../../stores';

function Field({ label, children, testId }: { label: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <div className="hfield" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function MessageHeader({ detail: d }: { detail: MessageDetail }) {
  const markRead = useStore((s) => s.markRead);
  const deleteMessage = useStore((s) => s.deleteMessage);
  const select = useStore((s) => s.select);
  const [comparing, setComparing] = useState(false);
  const tags = Object.entries(d.tags).flatMap(([name, values]) => (values.length ? values.map((v) => [name, v]) : [[name, '']]));

  return (
    <header className="message-header">
      <div className="message-title-row">
        <h2 className="message-subject" data-testid="message-subject">
          {d.subject || <span className="muted">(no subject)</span>}
        </h2>
        <StatusChip status={d.status} />
      </div>
      <div className="message-actions">
        <a className="btn btn-small" href={urls.raw(d.id, true)} download={`${d.id}.eml`} data-testid="download-eml">
          <Icon name="download" size={14} /> Download .eml
        </a>
        <button type="button" className="btn btn-small" onClick={() => void markRead(d.id, !d.read)} data-testid="toggle-read">
          <Icon name="envelopeOpen" size={14} /> {d.read ? 'Mark unread' : 'Mark read'}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setComparing(true)} data-testid="compare-open" title="Diff headers, MIME structure and bodies against another message">
          Compare with…
        </button>
        <button type="button" className="btn btn-small btn-danger" onClick={() => void deleteMessage(d.id)} data-testid="delete-message">
          <Icon name="trash" size={14} /> Delete
        </button>
      </div>
      <dl className="message-fields">
        <Field label="From" testId="message-from">
          {d.from ? formatAddress(d.from) : <span className="muted">(none)</span>}
        </Field>
        <Field label="To" testId="message-to">
          {d.to.length ? formatAddresses(d.to) : <span className="muted">(none)</span>}
        </Field>
        {d.cc.length > 0 && <Field label="Cc" testId="message-cc">{formatAddresses(d.cc)}</Field>}
        {d.bcc.length > 0 && (
          <Field
            label={
              <span title="Recipients in the SMTP envelope / API Destination that no To or Cc header names">
                Bcc <span className="envelope-only">envelope only</span>
              </span>
            }
            testId="message-bcc"
          >
            {d.bcc.join(', ')}
          </Field>
        )}
        {d.replyTo.length > 0 && <Field label="Reply-To">{formatAddresses(d.replyTo)}</Field>}
        <Field label="Received" testId="message-date">
          <time dateTime={d.receivedAt} title={d.receivedAt}>
            {longTime(d.receivedAt)}
          </time>
        </Field>
        <Field label="Message ID" testId="message-id">
          <code>{d.id}</code> <CopyButton text={d.id} label="Copy MessageId" />
        </Field>
        <Field label="Via" testId="message-door">
          <Chip>{doorLabel(d.door, d.operation)}</Chip>
          {d.configurationSet && (
            <>
              {' '}
              <span className="muted">configuration set</span> <Chip>{d.configurationSet}</Chip>
            </>
          )}
        </Field>
        {d.relatedId && (
          <Field label="Regarding" testId="message-related">
            <button type="button" className="btn btn-small btn-link" onClick={() => select(d.relatedId)} title="Open the message this mail is about">
              <code>{d.relatedId}</code>
            </button>
          </Field>
        )}
        {tags.length > 0 && (
          <Field label="Tags" testId="message-tags">
            <span className="tag-list">
              {tags.map(([name, value]) => (
                <Chip key={`${name}=${value}`} title={`${name}=${value}`}>
                  <span className="tag-name">{name}</span>
                  {value && <>={value}</>}
                </Chip>
              ))}
            </span>
          </Field>
        )}
      </dl>
      {comparing && <CompareDialog a={d.id} onClose={() => setComparing(false)} />}
    </header>
  );
}
