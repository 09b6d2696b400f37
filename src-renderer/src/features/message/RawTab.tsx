// The Raw tab: the message source exactly as stored, with line numbers. Virtualized, because a message
// with attachments can be hundreds of thousands of base64 lines.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { MessageDetail } from '../../../../src-main/contract';
import { urls } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { LoadFailed } from '../../components/LoadFailed';
import { Icon } from '../../components/Icon';
import { formatSize } from '../../lib/format';
import { useRawSource } from './use-raw-source';

const LINE_HEIGHT = 18;

export function RawTab({ detail }: { detail: MessageDetail }) {
  const [attempt, setAttempt] = useState(0);
  const raw = useRawSource(detail.id, attempt);

  if (raw.status === 'error') {
    return <LoadFailed title="Could not load the raw source" error={raw.error} onRetry={() => setAttempt((a) => a + 1)} />;
  }

  return (
    <div className="raw-tab">
      <div className="pane-toolbar">
        <span className="muted">
          {raw.status === 'ready' ? `${raw.lines.length.toLocaleString()} lines · ${formatSize(detail.size)}` : 'Loading…'}
        </span>
        <span className="toolbar-spacer" />
        {raw.status === 'ready' && <CopyButton text={raw.text} label="Copy raw source" showText />}
        <a className="btn btn-small" href={urls.raw(detail.id, true)} download={`${detail.id}.eml`}>
          <Icon name="download" size={14} /> Download .eml
        </a>
      </div>
      {raw.status === 'ready' && <RawLines lines={raw.lines} />}
    </div>
  );
}

function RawLines({ lines }: { lines: string[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 30,
  });
  const gutter = `${String(lines.length).length + 1}ch`;
  return (
    <div
      ref={scroller}
      className="raw-scroll"
      data-testid="raw-source"
      tabIndex={0}
      aria-label="Raw message source"
      style={{ ['--gutter' as string]: gutter }}
    >
      <div className="raw-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <div key={row.key} className="raw-line" style={{ transform: `translateY(${row.start}px)`, height: LINE_HEIGHT }}>
            <span className="raw-no" aria-hidden="true">
              {row.index + 1}
            </span>
            <span className="raw-text">{lines[row.index] || ' '}</span>
          </div>
        ))}
      </div>
    </div>
  );
}
