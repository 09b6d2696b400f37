// The Templates screen: the account's email templates (list on the left, "New template" on top) and the
// editor with its live preview for the one chosen. Refetches the list on open and after every change.
import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Icon } from '../../components/Icon';
import { shortTime } from '../../lib/format';
import { useStore } from '../../stores';
import { TemplateEditor } from './TemplateEditor';

export function TemplatesScreen() {
  const templates = useStore((s) => s.templates);
  const loaded = useStore((s) => s.templatesLoaded);
  const error = useStore((s) => s.templatesError);
  const open = useStore((s) => s.openTemplate);
  const load = useStore((s) => s.loadTemplates);
  const openByName = useStore((s) => s.openTemplateByName);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="screen screen-split" data-testid="templates-screen">
      <header className="screen-head">
        <h1>Email templates</h1>
        <span className="muted">Handlebars as SES renders it: no HTML escaping, a missing attribute is an error.</span>
      </header>
      <ErrorBanner error={error} />
      <div className="split">
        <div className="template-list-col">
          <button type="button" className="btn template-new" onClick={() => void openByName(null)} aria-pressed={open === null} data-testid="template-new">
            <Icon name="plus" size={14} /> New template
          </button>
          {loaded && templates.length === 0 ? (
            <EmptyState title="No templates yet" icon="file" testId="templates-empty">
              <p>Create one here, or with CreateTemplate / CreateEmailTemplate.</p>
            </EmptyState>
          ) : (
            <ul className="identity-list" data-testid="template-list">
              {templates.map((t) => (
                <li key={t.name}>
                  <button type="button" className={`identity-row ${open?.name === t.name ? 'is-selected' : ''}`} aria-current={open?.name === t.name ? 'true' : undefined} onClick={() => void openByName(t.name)} data-testid="template-row" data-name={t.name}>
                    <span className="identity-name">{t.name}</span>
                    {t.createdAt && <span className="muted small">created {shortTime(t.createdAt)}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <TemplateEditor key={open?.name ?? '(new)'} template={open} />
      </div>
    </div>
  );
}
