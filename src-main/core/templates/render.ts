// Rendering SES templates: Handlebars as SES uses it (ses-facts §A.11) — its own environment
// (Handlebars.create(), nothing registered globally), `noEscape: true` (SES does not HTML-escape substituted
// values, even in the HTML part), nested paths, #each/#if/#unless/#with, the built-in helpers and inline
// partials. Handlebars renders a missing value as empty; SES instead reports a rendering failure
// (`Attribute 'name' is not present in the rendering data.`), so before rendering, the template's syntax tree is
// walked (missing.ts) for referenced paths the data does not hold.
// Owns: parsing TemplateData, checking syntax, and rendering subject/text/HTML into an outcome (data, not
// exceptions: a send turns a failure into a Rendering Failure event, TestRender into an error).
// Must not: store templates, compose MIME or know about sends.
import Handlebars from 'handlebars';
import { templateErrors } from '../errors';
import type { TemplateContent } from './api';
import { firstMissing } from './missing';

const hbs = Handlebars.create();
// `{{log …}}` would write a user's template output to Sesame's console; rendering stays silent.
hbs.registerHelper('log', () => '');

export type RenderFailure = { kind: 'MissingRenderingAttribute' | 'InvalidTemplate' | 'InvalidRenderingParameter'; message: string };
export interface RenderedParts {
  subject: string;
  text: string | null;
  html: string | null;
}
export type RenderOutcome = ({ ok: true } & RenderedParts) | ({ ok: false } & RenderFailure);

/** TemplateData as a value, or the failure SES reports for data that is not JSON. */
export function parseData(json: string): { ok: true; data: unknown } | ({ ok: false } & RenderFailure) {
  try {
    return { ok: true, data: JSON.parse(json) as unknown };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, kind: 'InvalidRenderingParameter', message: templateErrors.invalidDataText(detail) };
  }
}

/** Handlebars' parse error for the first part that does not parse, or null when all parse. */
export function syntaxError(content: TemplateContent): string | null {
  for (const source of [content.subject, content.text, content.html]) {
    if (!source) continue;
    try {
      hbs.parse(source);
    } catch (err) {
      return err instanceof Error ? err.message.split('\n')[0]! : String(err);
    }
  }
  return null;
}

// Compiled templates and syntax trees by source: a bulk send renders one template up to 50 times. Bounded
// by clearing: templates are few, and a cleared cache only costs a recompile.
const CACHE_MAX = 256;
const compiled = new Map<string, Handlebars.TemplateDelegate>();
const parsed = new Map<string, hbs.AST.Program>();

function cached<T>(cache: Map<string, T>, source: string, make: (s: string) => T): T {
  let v = cache.get(source);
  if (v === undefined) {
    if (cache.size >= CACHE_MAX) cache.clear();
    v = make(source);
    cache.set(source, v);
  }
  return v;
}

function renderOne(source: string, data: unknown): string {
  return cached(compiled, source, (s) => hbs.compile(s, { noEscape: true }))(data);
}

/**
 * Strict rendering, as SES sends: the first missing attribute (subject, then text, then HTML) fails the whole
 * message. Runtime errors (a partial that does not exist, a helper Handlebars refuses) fail it too.
 */
export function render(content: TemplateContent, data: unknown): RenderOutcome {
  const parts = [content.subject ?? '', content.text, content.html];
  for (const source of parts) {
    if (!source) continue;
    let missing: string | null;
    try {
      missing = firstMissing(cached(parsed, source, (src) => hbs.parse(src)), data);
    } catch (err) {
      return { ok: false, kind: 'InvalidTemplate', message: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
    }
    if (missing !== null) return { ok: false, kind: 'MissingRenderingAttribute', message: templateErrors.missingAttributeText(missing) };
  }
  try {
    return {
      ok: true,
      subject: renderOne(content.subject ?? '', data),
      text: content.text ? renderOne(content.text, data) : null,
      html: content.html ? renderOne(content.html, data) : null,
    };
  } catch (err) {
    return { ok: false, kind: 'InvalidTemplate', message: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
}

/**
 * Lenient rendering (missing values empty, as plain Handlebars does): what a message that failed to render
 * is kept as, so the inbox shows what the template made of the data. Falls back to the template source
 * when even this fails.
 */
export function renderLenient(content: TemplateContent, data: unknown): RenderedParts {
  const one = (source: string | null) => {
    if (source === null) return null;
    try {
      return renderOne(source, data);
    } catch {
      return source;
    }
  };
  return { subject: one(content.subject ?? '') ?? '', text: one(content.text), html: one(content.html) };
}
