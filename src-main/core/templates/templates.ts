// Stored email templates (ses-facts §A.11): create, get, update (replaces every part), delete, list (paged
// in creation order) and TestRender, for SES v1, SES v2 and the UI's template editor.
// Owns: the rules a template must pass when stored — name (letters, digits, `_`, `-`, ≤ 64), a subject, a text
// or HTML part, 500 KB, Handlebars syntax, 20,000 per region — and the RenderedTemplate MIME.
// Must not: send (core/sending/draft-template.ts renders for sends) or speak a wire format.
import { errors, SesError, templateErrors } from '../errors';
import type { Clock } from '../clock';
import { MAX_TEMPLATES, TEMPLATE_MAX_BYTES, TEMPLATE_NAME_MAX_CHARS, TEMPLATE_PAGE_DEFAULT, TEMPLATE_PAGE_MAX } from '../limits';
import { composeText } from '../sending/compose-text';
import type { Db } from '../store/database';
import { createTemplateStore, type TemplateRow } from '../store/template-store';
import type { RenderedTemplate, TemplateContent, TemplateService, TemplateTag, TemplateView } from './api';
import { parseData, render, syntaxError, type RenderedParts } from './render';

interface TemplateDoc {
  content: TemplateContent;
  tags: TemplateTag[];
}

const NAME = /^[A-Za-z0-9_-]+$/;

const byteSize = (c: TemplateContent) => Buffer.byteLength(c.text ?? '') + Buffer.byteLength(c.html ?? '');

/** The rules every stored template passes (and inline content, minus the name). */
export function checkContent(name: string, content: TemplateContent, maxBytes = TEMPLATE_MAX_BYTES): void {
  if (!content.subject) throw templateErrors.subjectRequired();
  if (!content.text && !content.html) throw templateErrors.bodyRequired();
  if (byteSize(content) > maxBytes) throw templateErrors.tooLarge(maxBytes);
  const bad = syntaxError(content);
  if (bad) throw templateErrors.invalidTemplate(name, bad);
}

function checkName(name: string): void {
  if (!name || name.length > TEMPLATE_NAME_MAX_CHARS || !NAME.test(name)) throw templateErrors.invalidName(name, TEMPLATE_NAME_MAX_CHARS);
}

const view = (r: TemplateRow<TemplateDoc>): TemplateView => ({
  name: r.name,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  content: r.doc.content,
  tags: r.doc.tags,
});

/** The complete MIME message TestRender answers: Subject, MIME-Version, multipart/alternative text + HTML. */
export function renderedMime(parts: RenderedParts, boundarySeed: string): string {
  return composeText(
    {
      kind: 'simple',
      subject: { data: parts.subject },
      ...(parts.text !== null ? { text: { data: parts.text } } : {}),
      ...(parts.html !== null ? { html: { data: parts.html } } : {}),
    },
    { from: '', to: [], cc: [], replyTo: [], boundarySeed },
  ).toString('utf8');
}

/** Strict rendering as TestRender does it: every failure is an error. */
export function renderStrict(content: TemplateContent, data: string, boundarySeed: string): RenderedTemplate {
  const parsed = parseData(data);
  if (!parsed.ok) throw new SesError(parsed.kind, parsed.message);
  const out = render(content, parsed.data);
  if (!out.ok) throw new SesError(out.kind, out.message);
  return { subject: out.subject, text: out.text, html: out.html, mime: renderedMime(out, boundarySeed) };
}

export function createTemplates(db: Db, clock: Clock): TemplateService {
  const store = createTemplateStore<TemplateDoc>(db);
  let renders = 0;

  const get = (name: string): TemplateView => {
    const row = store.get(name);
    if (!row) throw errors.templateDoesNotExist(name);
    return view(row);
  };

  const decodeToken = (token: string): number => {
    const n = /^[0-9a-z]{1,11}$/.test(token) ? parseInt(token, 36) : NaN;
    if (!Number.isSafeInteger(n) || n < 0) throw errors.invalidNextToken(token);
    return n;
  };

  return {
    create(name, content, tags = []) {
      checkName(name);
      checkContent(name, content);
      if (store.get(name)) throw templateErrors.alreadyExists(name);
      if (store.count() >= MAX_TEMPLATES) throw templateErrors.tooMany(MAX_TEMPLATES);
      const at = clock.now();
      if (!store.insert(name, at, { content, tags })) throw templateErrors.alreadyExists(name);
      return get(name);
    },
    get,
    update(name, content) {
      const row = store.get(name);
      if (!row) throw errors.templateDoesNotExist(name);
      checkContent(name, content);
      store.update(name, clock.now(), { ...row.doc, content });
      return get(name);
    },
    delete: (name) => store.delete(name),
    list(query = {}) {
      const size = Math.min(TEMPLATE_PAGE_MAX, Math.max(1, Math.floor(query.pageSize ?? TEMPLATE_PAGE_DEFAULT)));
      const offset = query.nextToken ? decodeToken(query.nextToken) : 0;
      const rows = store.page(offset, size + 1);
      return {
        items: rows.slice(0, size).map((r) => ({ name: r.name, createdAt: r.createdAt })),
        nextToken: rows.length > size ? (offset + size).toString(36) : null,
      };
    },
    testRender(source, data) {
      const content = 'name' in source ? get(source.name).content : source.content;
      renders += 1;
      return renderStrict(content, data, `${renders}_${clock.now() % 1_000_000_000}.${clock.now()}`);
    },
    reset: () => store.clear(),
  };
}
