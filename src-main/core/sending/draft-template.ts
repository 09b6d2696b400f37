// Templated content (v1 SendTemplatedEmail / SendBulkTemplatedEmail entries, v2 Content.Template) turned into
// a Draft: the template is found (by name, by ARN, or given inline) and rendered with Handlebars as SES does
// (core/templates/render.ts), then composed and checked exactly like Simple content (draft.ts draftSimple).
// Rendering failures are data, not errors (ses-facts §A.3, §A.11): SES accepts the send, returns a MessageId
// and then emits `Rendering Failure` instead of delivering — so a failed render still yields a Draft (kept with
// missing values rendered empty, so the inbox shows what came out) carrying `template.failure`.
// Events of a templated send report different headers (LocalStack's AWS snapshot, §A.5.2): the message's
// `mail` (what Delivery and every later event report) has the rendered Date, From, To, Subject, MIME-Version,
// Content-Type and Content-Transfer-Encoding; the Send event only From, To and MIME-Version (the subject is
// not rendered yet); the Rendering Failure event no headers at all beyond `headersTruncated`. The last two are
// per-event mail overrides (templatedMailOverrides; the store applies them).
// Owns: finding the template, the TemplateData limit, the failure's event body and those header overrides.
// Must not: persist or emit (pipeline.ts does), or hold rendering rules (core/templates does).
import type { HeaderLine } from '../../contract/messages';
import type { SendRequest, SimpleContent, TemplateSendContent } from '../engine-api';
import { templateErrors } from '../errors';
import { commonHeaders, eventHeaders } from '../events/event-json';
import { findField, readHeaderBlock } from '../mime/header-block';
import type { MailOverride } from '../store/types';
import { INLINE_TEMPLATE_MAX_BYTES, TEMPLATE_DATA_MAX_CHARS } from '../limits';
import type { MessageTemplateInfo, TemplateContent, TemplateService } from '../templates/api';
import { parseData, render, renderLenient, type RenderedParts } from '../templates/render';
import { checkContent } from '../templates/templates';
import { draftSimple, type Draft, type DraftContext } from './draft';

export interface TemplatedDraft extends Draft {
  template: MessageTemplateInfo;
  /** The headers the Send event reports (`eventHeaders` are the later events'). */
  sendEventHeaders: HeaderLine[];
}

/** Headers a templated send's Send event reports (§A.5.2). */
const TEMPLATED_SEND_EVENT_HEADERS = new Set(['from', 'to', 'mime-version']);

const ARN = /^arn:aws[a-z-]*:ses:[^:]*:[^:]*:template\/(.+)$/;

function findTemplate(c: TemplateSendContent, templates: Pick<TemplateService, 'get'>): { name: string | null; content: TemplateContent } {
  if (c.name) return { name: c.name, content: templates.get(c.name).content };
  if (c.arn) {
    const m = ARN.exec(c.arn);
    if (!m) throw templateErrors.invalidArn(c.arn);
    return { name: m[1]!, content: templates.get(m[1]!).content };
  }
  if (c.content) {
    checkContent('(inline)', c.content, INLINE_TEMPLATE_MAX_BYTES);
    return { name: null, content: c.content };
  }
  throw templateErrors.noTemplate();
}

/** Renders `data` into `content`: the parts to compose, and the failure's errorMessage (null when it rendered). */
function renderForSend(content: TemplateContent, data: string): { parts: RenderedParts; failure: string | null } {
  const parsed = parseData(data);
  if (!parsed.ok) return { parts: { subject: content.subject ?? '', text: content.text, html: content.html }, failure: parsed.message };
  const out = render(content, parsed.data);
  if (out.ok) return { parts: out, failure: null };
  return { parts: renderLenient(content, parsed.data), failure: out.message };
}

export async function draftTemplate(req: SendRequest, ctx: () => DraftContext, templates: Pick<TemplateService, 'get'>): Promise<TemplatedDraft> {
  if (req.content.kind !== 'template') throw new Error('draftTemplate needs template content');
  const c = req.content;
  const { name, content } = findTemplate(c, templates);
  if (c.data.length > TEMPLATE_DATA_MAX_CHARS) throw templateErrors.dataTooLong(TEMPLATE_DATA_MAX_CHARS);
  const { parts, failure } = renderForSend(content, c.data);
  const simple: SimpleContent = {
    kind: 'simple',
    subject: { data: parts.subject },
    ...(parts.text !== null ? { text: { data: parts.text } } : {}),
    ...(parts.html !== null ? { html: { data: parts.html } } : {}),
    ...(c.headers ? { headers: c.headers } : {}),
    ...(c.attachments ? { attachments: c.attachments } : {}),
  };
  const draft = await draftSimple({ ...req, content: simple }, ctx);
  // Later events report the Date SES wrote too, first (the snapshot's order [verify]).
  const date = findField(readHeaderBlock(draft.mime).fields, 'date');
  const later = date ? [{ name: date.name, value: date.value }, ...draft.eventHeaders] : draft.eventHeaders;
  return {
    ...draft,
    eventHeaders: later,
    eventHeaderKeys: new Set(later.map((h) => h.name.toLowerCase())),
    common: { ...draft.common, date: date?.value ?? draft.common.date },
    template: { name, data: c.data, content, failure },
    sendEventHeaders: draft.eventHeaders.filter((h) => TEMPLATED_SEND_EVENT_HEADERS.has(h.name.toLowerCase())),
  };
}

/** The Send and Rendering Failure events' changes to a templated send's `mail` (§A.5.2). */
export function templatedMailOverrides(d: TemplatedDraft, messageId: string): { send: MailOverride; renderingFailure: MailOverride } {
  const { headers, truncated } = eventHeaders(d.sendEventHeaders);
  const present = new Set(headers.map((h) => h.name.toLowerCase()));
  return {
    send: { headersTruncated: truncated, headers, commonHeaders: commonHeaders(d.common, present, messageId) },
    renderingFailure: { headers: null, commonHeaders: null },
  };
}

export const isTemplatedDraft = (d: Draft): d is TemplatedDraft => 'template' in d;

/** The part of a `Rendering Failure` event after `mail` (§A.5.2): `failure {templateName, errorMessage}`. */
export function renderingFailureBody(t: MessageTemplateInfo): Record<string, unknown> {
  return { failure: { ...(t.name !== null ? { templateName: t.name } : {}), errorMessage: t.failure } };
}
