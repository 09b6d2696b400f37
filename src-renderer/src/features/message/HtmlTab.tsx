// The HTML tab: the message's HTML in a sandboxed iframe (no scripts, no same-origin, no forms), served
// by the UI API with its own strict CSP. Remote content is blocked unless the "Load remote content by
// default" preference is on; the per-message switch overrides that either way and reloads the frame
// (remote=0|1). The HTML never enters this document. The only sandbox
// tokens are allow-popups + allow-popups-to-escape-sandbox, so the message's links open in a new browser
// tab (Electron hands them to the system browser), as in a mail client. The frame's address carries the
// message's preview capability, never the token (api/client urls.html); it is computed asynchronously, so
// the frame appears once it is known. Must not: add allow-scripts or allow-same-origin, or inject the HTML
// via srcdoc.
import { useEffect, useMemo, useState } from 'react';
import type { MessageDetail } from '../../../../src-main/contract';
import { urls } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { Switch } from '../../components/Switch';
import { useStore } from '../../stores';

type Width = 'desktop' | 'mobile';

/** Rough count of remote references (http/https URLs in src/href-like attributes or CSS url()). */
function countRemote(html: string): number {
  const attr = html.match(/\s(?:src|background|poster|srcset)\s*=\s*["']?\s*(?:https?:)?\/\//gi)?.length ?? 0;
  const css = html.match(/url\(\s*["']?\s*(?:https?:)?\/\//gi)?.length ?? 0;
  const imports = html.match(/@import\s+["']?(?:https?:)?\/\//gi)?.length ?? 0;
  const links = html.match(/<link\b[^>]*href\s*=\s*["']?\s*(?:https?:)?\/\//gi)?.length ?? 0;
  return attr + css + imports + links;
}

export function HtmlTab({ detail }: { detail: MessageDetail }) {
  // The parent keys this component by message id, so the override resets for every message. Until the user
  // flips the switch, the preference decides (it may still be loading when the tab opens).
  const loadByDefault = useStore((s) => s.preferences?.loadRemoteContent ?? false);
  const [override, setOverride] = useState<boolean | null>(null);
  const remote = override ?? loadByDefault;
  const [width, setWidth] = useState<Width>('desktop');
  const remoteCount = useMemo(() => (detail.html ? countRemote(detail.html) : 0), [detail.html]);
  // The frame shows what `frame` says (its address and whether that address loads remote content).
  const [frame, setFrame] = useState<{ src: string; remote: boolean } | null>(null);
  useEffect(() => {
    let current = true;
    void urls.html(detail.id, remote).then((src) => {
      if (current) setFrame({ src, remote });
    });
    return () => {
      current = false;
    };
  }, [detail.id, remote]);

  if (detail.html === null) {
    return (
      <EmptyState title="This message has no HTML part" icon="file">
        <p>See the Text tab for its plain-text body.</p>
      </EmptyState>
    );
  }

  return (
    <div className="html-tab">
      <div className={`html-toolbar ${remote ? 'remote-on' : 'remote-off'}`}>
        <span className="remote-state" data-testid="remote-state">
          <Icon name={remote ? 'eye' : 'shield'} size={14} />
          {remote ? 'Remote content loaded' : 'Remote content blocked'}
          {remoteCount > 0 && (
            <span className="muted">
              {' '}
              ({remoteCount} remote reference{remoteCount === 1 ? '' : 's'})
            </span>
          )}
        </span>
        <Switch checked={remote} onChange={setOverride} testId="load-remote-toggle">
          Load remote content
        </Switch>
        <span className="toolbar-spacer" />
        <div className="segmented" role="group" aria-label="Preview width">
          {(['desktop', 'mobile'] as const).map((w) => (
            <button
              key={w}
              type="button"
              aria-pressed={width === w}
              className={width === w ? 'active' : ''}
              onClick={() => setWidth(w)}
              title={w === 'desktop' ? 'Full width' : '375 px wide'}
              data-testid={`width-${w}`}
            >
              <Icon name={w === 'desktop' ? 'monitor' : 'phone'} size={14} />
              <span className="sr-only">{w === 'desktop' ? 'Desktop width' : 'Mobile width'}</span>
            </button>
          ))}
        </div>
      </div>
      <div className={`html-stage width-${width}`}>
        {frame !== null && (
          <iframe
            key={frame.src}
            src={frame.src}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            referrerPolicy="no-referrer"
            loading="eager"
            title={`HTML body of “${detail.subject}”`}
            className="html-frame"
            data-testid="html-frame"
            data-remote={frame.remote ? '1' : '0'}
          />
        )}
      </div>
    </div>
  );
}
