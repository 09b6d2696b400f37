// The HTML tab: the message's HTML in a sandboxed iframe (no scripts, no same-origin, no forms), served
// by the UI API with its own strict CSP. Remote content is blocked unless the "Load remote content by
// default" preference is on; the per-message switch overrides that either way and reloads the frame
// (remote=0|1). The HTML never enters this document. The only sandbox
// tokens are allow-popups + allow-popups-to-escape-sandbox, so the message's links open in a new browser
// tab (Electron hands them to the system browser), as in a mail client. The frame's address carries the
// message's preview capability, never the token (api/client urls.html); it is computed asynchronously, so
// the frame appears once it is known. Must not: add allow-scripts or allow-same-origin, or inject the HTML
// via srcdoc.
// Previews (issue 5): the width switcher (phone 375 px, tablet 768 px, desktop = the pane), PNG export at that
// width and scheme (compare/PreviewExport.tsx), and the colour
// scheme: "Dark" loads the preview with `scheme=dark` (the UI API resolves the mail's own
// `@media (prefers-color-scheme: dark)` rules as a dark-mode client does — Chromium does not pass the
// iframe's `color-scheme` into the frame's media queries) and sets the `color-scheme: dark` hint on the
// iframe element (mail without dark rules keeps its light canvas, as in those clients); "Inverted" is a
// labelled approximation of the
// clients that force-invert light mail (a CSS filter on the frame, not what any one client does exactly).
// Both act on the iframe element only: the served document, its CSP and the sandbox are unchanged.
import { useEffect, useMemo, useState } from 'react';
import type { MessageDetail } from '../../../../src-main/contract';
import { urls } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { Switch } from '../../components/Switch';
import { useStore } from '../../stores';
import { CAPTURE_WIDTH, PreviewExport } from '../compare/PreviewExport';

type Width = 'desktop' | 'tablet' | 'phone';
type Scheme = 'light' | 'dark' | 'inverted';

const WIDTHS: { id: Width; icon: 'monitor' | 'tablet' | 'phone'; label: string; title: string }[] = [
  { id: 'desktop', icon: 'monitor', label: 'Desktop width', title: 'Desktop: full width' },
  { id: 'tablet', icon: 'tablet', label: 'Tablet width', title: 'Tablet: 768 px wide' },
  { id: 'phone', icon: 'phone', label: 'Phone width', title: 'Phone: 375 px wide' },
];

/** The width a PNG export renders at for each choice (desktop: a reading pane, not this window). */
const EXPORT_WIDTH: Record<Width, number> = { desktop: CAPTURE_WIDTH, tablet: 768, phone: 375 };

const SCHEMES: { id: Scheme; label: string; title: string }[] = [
  { id: 'light', label: 'Light', title: 'Light mode (prefers-color-scheme: light)' },
  { id: 'dark', label: 'Dark', title: 'Dark mode: the frame prefers a dark colour scheme; the mail’s own dark-mode CSS applies' },
  {
    id: 'inverted',
    label: 'Inverted (approx.)',
    title: 'Forced inversion approximation: a CSS filter, like clients that invert light mail; not exact for any client',
  },
];

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
  const [scheme, setScheme] = useState<Scheme>('light');
  const remoteCount = useMemo(() => (detail.html ? countRemote(detail.html) : 0), [detail.html]);
  // The frame shows what `frame` says (its address and whether that address loads remote content).
  const [frame, setFrame] = useState<{ src: string; remote: boolean } | null>(null);
  const dark = scheme === 'dark';
  useEffect(() => {
    let current = true;
    void urls.html(detail.id, remote, dark).then((src) => {
      if (current) setFrame({ src, remote });
    });
    return () => {
      current = false;
    };
  }, [detail.id, remote, dark]);

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
        <div className="segmented" role="group" aria-label="Colour scheme">
          {SCHEMES.map((c) => (
            <button
              key={c.id}
              type="button"
              aria-pressed={scheme === c.id}
              className={scheme === c.id ? 'active' : ''}
              onClick={() => setScheme(c.id)}
              title={c.title}
              data-testid={`scheme-${c.id}`}
            >
              {c.label}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label="Preview width">
          {WIDTHS.map((w) => (
            <button
              key={w.id}
              type="button"
              aria-pressed={width === w.id}
              className={width === w.id ? 'active' : ''}
              onClick={() => setWidth(w.id)}
              title={w.title}
              data-testid={`width-${w.id}`}
            >
              <Icon name={w.icon} size={14} />
              <span className="sr-only">{w.label}</span>
            </button>
          ))}
        </div>
        <PreviewExport id={detail.id} width={EXPORT_WIDTH[width]} dark={scheme === 'dark'} />
      </div>
      {scheme === 'inverted' && (
        <p className="scheme-note muted" data-testid="scheme-note">
          Forced-inversion approximation (CSS filter): roughly what clients that invert light mail show. Not exact for any one
          client.
        </p>
      )}
      <div className={`html-stage width-${width} scheme-${scheme}`} data-testid="html-stage" data-width={width} data-scheme={scheme}>
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
