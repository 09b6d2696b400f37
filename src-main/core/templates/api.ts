// The templates capability's public surface (ses-facts §A.11): stored templates (v1 CreateTemplate… / v2
// CreateEmailTemplate…), rendering a stored or inline template against JSON data (TestRenderTemplate and the
// UI's live preview), and the facts a templated send keeps on its message.
// Owns: shapes and the service interface (templates.ts implements it). Must not: hold behaviour.
import type { MessageTemplate } from '../../contract/messages';

/** A template's parts; a part absent is null (v1 SubjectPart/TextPart/HtmlPart, v2 Subject/Text/Html). */
export interface TemplateContent {
  subject: string | null;
  text: string | null;
  html: string | null;
}

export interface TemplateTag {
  key: string;
  value: string;
}

export interface TemplateView {
  name: string;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
  content: TemplateContent;
  tags: TemplateTag[];
}

export interface TemplateMetadata {
  name: string;
  createdAt: number;
}

export interface TemplatePage {
  items: TemplateMetadata[];
  nextToken: string | null;
}

/** TestRender's result: the rendered parts and the complete MIME message SES returns as RenderedTemplate. */
export interface RenderedTemplate {
  subject: string;
  text: string | null;
  html: string | null;
  mime: string;
}

/** What a templated message keeps (MessageDetail.template; `/_aws/ses` Template and TemplateData). */
export type MessageTemplateInfo = MessageTemplate;

export interface TemplateService {
  /** Throws AlreadyExists, LimitExceeded, InvalidParameterValue (name, subject, size) or InvalidTemplate (syntax). */
  create(name: string, content: TemplateContent, tags?: TemplateTag[]): TemplateView;
  /** Throws TemplateDoesNotExist (v1 TemplateDoesNotExist, v2 NotFoundException). */
  get(name: string): TemplateView;
  /** Replaces every part (omitted parts are removed, ses-facts §A.11). Throws as create, or TemplateDoesNotExist. */
  update(name: string, content: TemplateContent): TemplateView;
  /** False when there was no such template (v1 DeleteTemplate is idempotent; v2 answers NotFoundException). */
  delete(name: string): boolean;
  /** In creation order. Throws InvalidParameterValue for a token it did not issue. */
  list(query?: { pageSize?: number; nextToken?: string }): TemplatePage;
  /**
   * Renders a stored template (by name) or inline content against TemplateData (a JSON text), strictly:
   * throws MissingRenderingAttribute, InvalidRenderingParameter, InvalidTemplate or TemplateDoesNotExist.
   */
  testRender(source: { name: string } | { content: TemplateContent }, data: string): RenderedTemplate;
  /** Deletes every template (engine reset). */
  reset(): void;
}
