// The live preview of a template: the rendered subject, the HTML in a sandboxed iframe (served by the UI
// API exactly as a message's HTML preview: the preview CSP, no script can run, no remote content; the same
// sandbox tokens as HtmlTab) and the text part — or SES's rendering error, code and text, as TestRender
// would answer it. Must not: put the HTML in this document or in srcdoc, or add allow-scripts/allow-same-origin.
import { useState } from 'react';
import { templatePreviewUrl } from '../../api/feedback-client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Tabs, tabPanelProps } from '../../components/Tabs';
import type { LiveRender } from './use-live-render';

type PreviewTab = 'html' | 'text';

export function TemplatePreview({ live, testId = 'template-preview' }: { live: LiveRender; testId?: string }) {
  const [tab, setTab] = useState<PreviewTab>('html');
  const r = live.result;
  return (
    <section className="template-preview" aria-label="Preview" data-testid={testId} data-state={live.rendering ? 'rendering' : r?.error ? 'error' : r ? 'ok' : 'idle'}>
      {live.failure && <ErrorBanner error={{ code: null, message: live.failure }} testId="template-render-failure" />}
      {r?.error && <ErrorBanner error={r.error} testId="template-render-error" />}
      {r && !r.error && (
        <>
          <p className="preview-subject">
            <span className="muted">Subject </span>
            <strong data-testid="preview-subject">{r.subject}</strong>
          </p>
          <Tabs
            tabs={[
              { id: 'html', label: 'HTML', testId: 'preview-tab-html' },
              { id: 'text', label: 'Text', testId: 'preview-tab-text' },
            ]}
            active={tab}
            onChange={setTab}
            idPrefix={`${testId}-tabs`}
            label="Rendered parts"
          />
          <div className="preview-panel" {...tabPanelProps(`${testId}-tabs`, tab)}>
            {tab === 'html' &&
              (r.previewId ? (
                <iframe
                  key={r.previewId}
                  src={templatePreviewUrl(r.previewId)}
                  sandbox="allow-popups allow-popups-to-escape-sandbox"
                  referrerPolicy="no-referrer"
                  title="Rendered HTML part"
                  className="html-frame"
                  data-testid="preview-frame"
                />
              ) : (
                <p className="muted">No HTML part.</p>
              ))}
            {tab === 'text' && <pre className="preview-text" data-testid="preview-text">{r.text ?? 'No text part.'}</pre>}
          </div>
        </>
      )}
    </section>
  );
}
