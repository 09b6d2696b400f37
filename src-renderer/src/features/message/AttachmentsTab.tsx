// The Attachments tab: every attachment and inline part with type, size, disposition and Content-ID,
// a download link, and a thumbnail for images (loaded from the UI API, never inlined from the message).
import type { AttachmentInfo, MessageDetail } from '../../../../src-main/contract';
import { urls } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { formatSize } from '../../lib/format';

const THUMBNAIL_TYPES = /^image\/(png|jpe?g|gif|webp|avif|bmp|svg\+xml|x-icon|vnd\.microsoft\.icon)$/i;

function AttachmentItem({ id, a }: { id: string; a: AttachmentInfo }) {
  const name = a.filename || `attachment-${a.index + 1}`;
  const isImage = THUMBNAIL_TYPES.test(a.contentType);
  return (
    <li className="attachment" data-testid="attachment-row" data-index={a.index}>
      <div className="attachment-thumb">
        {isImage ? (
          <img src={urls.attachment(id, a.index)} alt={`Preview of ${name}`} loading="lazy" referrerPolicy="no-referrer" />
        ) : (
          <Icon name="file" size={28} />
        )}
      </div>
      <div className="attachment-info">
        <span className="attachment-name" title={name}>
          {a.filename ?? <span className="muted">{name} (no filename)</span>}
        </span>
        <span className="attachment-meta">
          <code>{a.contentType}</code> · {formatSize(a.size)}
          {a.disposition && <> · {a.disposition}</>}
          {a.contentId && (
            <>
              {' '}
              · cid:<code>{a.contentId.replace(/^<|>$/g, '')}</code>
            </>
          )}
        </span>
      </div>
      <a
        className="btn btn-small"
        href={urls.attachment(id, a.index)}
        download={name}
        data-testid="attachment-download"
        aria-label={`Download ${name}`}
      >
        <Icon name="download" size={14} /> Download
      </a>
    </li>
  );
}

export function AttachmentsTab({ detail }: { detail: MessageDetail }) {
  if (detail.attachments.length === 0) {
    return <EmptyState title="No attachments" icon="paperclip" />;
  }
  const total = detail.attachments.reduce((n, a) => n + a.size, 0);
  return (
    <div className="attachments-tab">
      <div className="pane-toolbar">
        <span className="muted">
          {detail.attachments.length} part{detail.attachments.length === 1 ? '' : 's'} · {formatSize(total)}
        </span>
      </div>
      <ul className="attachment-list" data-testid="attachment-list">
        {detail.attachments.map((a) => (
          <AttachmentItem key={a.index} id={detail.id} a={a} />
        ))}
      </ul>
    </div>
  );
}
