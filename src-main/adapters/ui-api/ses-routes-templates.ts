// UI API: email templates and the editor's live preview.
//   GET    /api/templates                     → TemplateListDto (every page, creation order)
//   POST   /api/templates  TemplateBody       → TemplateDto (CreateTemplate)
//   GET    /api/templates/:name               → TemplateDto;  PUT TemplateBody → TemplateDto;  DELETE → 204
//   POST   /api/template-render {subject, text, html, data} → TemplateRenderDto, always 200: SES's refusal
//          (MissingRenderingAttribute, InvalidRenderingParameter, InvalidTemplate) is its `error`, with the v1
//          error code — the one that names the problem (v2 says only BadRequestException)
//   GET    /api/template-preview/:previewId   → the rendered HTML as a document, served exactly as a message's
//          HTML preview (html-preview.ts: previewDocument + PREVIEW_CSP.local, no script can run) for the
//          editor's sandboxed iframe
// Owns: these DTOs and the short-lived preview documents (an LRU per engine, in memory: a preview is a view
// of what the user is typing, not state). Must not: render templates (engine.templates does) or store them.
import { randomUUID } from 'node:crypto';
import type { TemplateDto, TemplateRenderDto } from '../../contract/ui-api';
import type { Engine } from '../../core/engine-api';
import { isSesError } from '../../core/errors';
import type { TemplateContent, TemplateService, TemplateView } from '../../core/templates/api';
import { PREVIEW_CSP, previewDocument } from './html-preview';
import { badRequest, methodNotAllowed, notFound, segment, send, sendJson } from './respond';
import type { SesCall, SesRouteTable } from './ses-routes';
import { iso, onlyKnown, readObject, str } from './ses-routes-io';

const MAX_PAGES = 1000;
/** Preview documents kept per engine (the editor asks for one per keystroke pause; old ones are dropped). */
export const PREVIEW_KEEP = 32;

export const templateDto = (t: TemplateView): TemplateDto => ({
  name: t.name,
  subject: t.content.subject ?? '',
  text: t.content.text,
  html: t.content.html,
  createdAt: iso(t.createdAt),
});

const previews = new WeakMap<Engine, Map<string, string>>();

function keepPreview(engine: Engine, html: string): string {
  let map = previews.get(engine);
  if (!map) previews.set(engine, (map = new Map()));
  const id = randomUUID();
  map.set(id, html);
  while (map.size > PREVIEW_KEEP) map.delete(map.keys().next().value as string);
  return id;
}

/** Optional text part: absent, null or '' all mean "no such part". */
function part(body: Record<string, unknown>, name: string): string | null {
  const v = str(body, name);
  return v === undefined || v === '' ? null : v;
}

function contentOf(body: Record<string, unknown>): TemplateContent {
  return { subject: str(body, 'subject') ?? '', text: part(body, 'text'), html: part(body, 'html') };
}

function render(engine: Engine, body: Record<string, unknown>): TemplateRenderDto {
  onlyKnown(body, ['subject', 'text', 'html', 'data']);
  const data = str(body, 'data') ?? '{}';
  try {
    const r = engine.templates.testRender({ content: contentOf(body) }, data);
    return { subject: r.subject, text: r.text, html: r.html, previewId: r.html === null ? null : keepPreview(engine, r.html), error: null };
  } catch (err) {
    if (!isSesError(err) || err.fault !== 'client') throw err;
    return { subject: null, text: null, html: null, previewId: null, error: { code: err.wire.v1, message: err.message } };
  }
}

function allTemplates(t: TemplateService) {
  const out: { name: string; createdAt: string | null }[] = [];
  let nextToken: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = t.list(nextToken ? { nextToken } : {});
    out.push(...page.items.map((m) => ({ name: m.name, createdAt: iso(m.createdAt) })));
    nextToken = page.nextToken ?? undefined;
    if (!nextToken) break;
  }
  return out;
}

async function templates({ ctx, req, res, method, seg }: SesCall): Promise<void> {
  const read = method === 'GET' || method === 'HEAD';
  if (seg.length === 1) {
    if (read) return sendJson(res, 200, { items: allTemplates(ctx.engine.templates) }, method);
    if (method !== 'POST') throw methodNotAllowed(method, 'GET, POST');
    const body = await readObject(req);
    onlyKnown(body, ['name', 'subject', 'text', 'html']);
    return sendJson(res, 200, templateDto(ctx.engine.templates.create(str(body, 'name', true).trim(), contentOf(body))));
  }
  if (seg.length !== 2) throw notFound(`No API route /api/${seg.join('/')}.`);
  const name = segment(seg[1], 'template name');
  if (read) return sendJson(res, 200, templateDto(ctx.engine.templates.get(name)), method);
  if (method === 'PUT') {
    const body = await readObject(req);
    onlyKnown(body, ['name', 'subject', 'text', 'html']);
    return sendJson(res, 200, templateDto(ctx.engine.templates.update(name, contentOf(body))));
  }
  if (method === 'DELETE') {
    if (!ctx.engine.templates.delete(name)) throw notFound(`No template ${name}.`);
    return send(res, 204, {});
  }
  throw methodNotAllowed(method, 'GET, PUT, DELETE');
}

async function templateRender({ ctx, req, res, method, seg }: SesCall): Promise<void> {
  if (seg.length !== 1) throw notFound(`No API route /api/${seg.join('/')}.`);
  if (method !== 'POST') throw methodNotAllowed(method, 'POST');
  sendJson(res, 200, render(ctx.engine, await readObject(req)));
}

function templatePreview({ ctx, res, method, seg }: SesCall): void {
  if (seg.length !== 2) throw notFound(`No API route /api/${seg.join('/')}.`);
  if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, 'GET');
  const id = segment(seg[1], 'preview id');
  if (!/^[0-9a-f-]{36}$/.test(id)) throw badRequest('Not a preview id.');
  const html = previews.get(ctx.engine)?.get(id);
  if (html === undefined) throw notFound('This preview is no longer kept; render again.');
  send(
    res,
    200,
    { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': PREVIEW_CSP.local },
    previewDocument(html),
    method,
  );
}

export const templateRoutes: SesRouteTable = {
  templates,
  'template-render': templateRender,
  'template-preview': templatePreview,
};
