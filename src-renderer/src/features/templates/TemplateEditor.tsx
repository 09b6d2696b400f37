// The template editor: name (fixed once created), subject, text and HTML parts in Handlebars as SES uses it,
// and sample TemplateData JSON on the side; the live preview renders as you type (use-live-render.ts).
// Saving creates or updates the template (SES's refusals — name rules, syntax, size — show with their code).
import { useState, type FormEvent } from 'react';
import type { TemplateDto } from '../../../../src-main/contract';
import { useStore } from '../../stores';
import { TemplatePreview } from './TemplatePreview';
import { useLiveRender } from './use-live-render';

export const SAMPLE_DATA = '{\n  "name": "Alejandro",\n  "favoriteanimal": "alligator"\n}';
const NEW_SUBJECT = 'Greetings, {{name}}!';
const NEW_TEXT = 'Dear {{name}},\nYour favorite animal is {{favoriteanimal}}.';
const NEW_HTML = '<h1>Hello {{name}},</h1><p>Your favorite animal is {{favoriteanimal}}.</p>';

export function TemplateEditor({ template }: { template: TemplateDto | null }) {
  const save = useStore((s) => s.saveTemplate);
  const remove = useStore((s) => s.deleteTemplate);
  const busy = useStore((s) => s.templatesBusy);
  const [name, setName] = useState(template?.name ?? '');
  const [subject, setSubject] = useState(template ? template.subject : NEW_SUBJECT);
  const [text, setText] = useState(template ? (template.text ?? '') : NEW_TEXT);
  const [html, setHtml] = useState(template ? (template.html ?? '') : NEW_HTML);
  const [data, setData] = useState(SAMPLE_DATA);
  const live = useLiveRender({ subject, text, html, data });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({ name: name.trim(), subject, text: text || null, html: html || null });
  };

  return (
    <div className="template-editor" data-testid="template-editor">
      <form className="form template-form" onSubmit={submit}>
        <label className="field">
          <span>Template name</span>
          <input className="input" value={name} disabled={template !== null} onChange={(e) => setName(e.target.value)} placeholder="MyTemplate" data-testid="template-name" />
        </label>
        <label className="field">
          <span>Subject</span>
          <input className="input mono" value={subject} onChange={(e) => setSubject(e.target.value)} data-testid="template-subject" />
        </label>
        <label className="field">
          <span>Text part</span>
          <textarea className="input textarea mono" rows={5} value={text} onChange={(e) => setText(e.target.value)} data-testid="template-text" />
        </label>
        <label className="field">
          <span>HTML part</span>
          <textarea className="input textarea mono" rows={8} value={html} onChange={(e) => setHtml(e.target.value)} data-testid="template-html" />
        </label>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()} data-testid="template-save">
            {template ? 'Save' : 'Create template'}
          </button>
          {template && (
            <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void remove(template.name)} data-testid="template-delete">
              Delete
            </button>
          )}
        </div>
      </form>
      <div className="template-side">
        <label className="field">
          <span>Sample data (TemplateData JSON)</span>
          <textarea className="input textarea mono" rows={6} value={data} onChange={(e) => setData(e.target.value)} spellCheck={false} data-testid="template-data" />
        </label>
        <TemplatePreview live={live} />
      </div>
    </div>
  );
}
