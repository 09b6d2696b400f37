// The Text tab: the plain-text body as text, with http(s) links made clickable (they open outside the
// app: target=_blank, noopener, noreferrer). Rendered as text nodes, never as HTML.
import { useMemo, type ReactNode } from 'react';
import type { MessageDetail } from '../../../../src-main/contract';
import { CopyButton } from '../../components/CopyButton';
import { EmptyState } from '../../components/EmptyState';

const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+[^\s<>"'`.,;:!?)\]}]/g;

function linkify(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let key = 0;
  for (const m of text.matchAll(URL_RE)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    out.push(
      <a key={key++} href={m[0]} target="_blank" rel="noopener noreferrer">
        {m[0]}
      </a>,
    );
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function TextTab({ detail }: { detail: MessageDetail }) {
  const nodes = useMemo(() => (detail.text ? linkify(detail.text) : []), [detail.text]);
  if (detail.text === null) {
    return (
      <EmptyState title="This message has no plain-text part" icon="file">
        <p>Many clients show a text version; consider sending one (SES Body.Text, or a text/plain part).</p>
      </EmptyState>
    );
  }
  return (
    <div className="text-tab">
      <div className="pane-toolbar">
        <span className="muted">{detail.text.length.toLocaleString()} characters</span>
        <span className="toolbar-spacer" />
        <CopyButton text={detail.text} label="Copy text body" showText />
      </div>
      <pre className="text-body" data-testid="text-body">
        {nodes}
      </pre>
    </div>
  );
}
