// The Template tab of a templated message (SendTemplatedEmail, SendBulk*, v2 Content.Template): the template
// as it was at send time, the TemplateData it was rendered with, and the result side by side — the message's
// own subject, text and HTML (the HTML in the same sandboxed preview as the HTML tab), or SES's rendering
// failure when the send recorded one. Must not: render templates (the engine did, at send time).
import { useMemo } from 'react';
import type { MessageDetail, MessageTemplate } from '../../../../src-main/contract';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { HtmlTab } from './HtmlTab';

function prettyData(data: string): string {
  try {
    return JSON.stringify(JSON.parse(data), null, 2);
  } catch {
    return data;
  }
}

function Part({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="template-part">
      <h4>{label}</h4>
      {value === null ? <p className="muted">(none)</p> : <pre className="mono-block">{value}</pre>}
    </div>
  );
}

export function TemplateTab({ detail, template }: { detail: MessageDetail; template: MessageTemplate }) {
  const data = useMemo(() => prettyData(template.data), [template.data]);
  return (
    <div className="template-tab" data-testid="template-tab">
      <section className="template-col" aria-label="Template">
        <h3>Template {template.name ? <code data-testid="template-tab-name">{template.name}</code> : <span className="muted">(inline content)</span>}</h3>
        <Part label="Subject" value={template.content.subject} />
        <Part label="Text" value={template.content.text} />
        <Part label="HTML" value={template.content.html} />
      </section>
      <section className="template-col" aria-label="Data">
        <h3>TemplateData</h3>
        <pre className="mono-block" data-testid="template-tab-data">{data}</pre>
      </section>
      <section className="template-col template-result" aria-label="Result">
        <h3>Result</h3>
        {template.failure ? (
          <ErrorBanner error={{ code: 'Rendering Failure', message: template.failure }} testId="template-tab-failure" />
        ) : (
          <>
            <Part label="Subject" value={detail.subject} />
            <Part label="Text" value={detail.text} />
            {detail.html !== null && (
              <div className="template-result-html">
                <h4>HTML</h4>
                <HtmlTab key={detail.id} detail={detail} />
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}

export function NoTemplate() {
  return <EmptyState title="Not a templated message" icon="file" />;
}
