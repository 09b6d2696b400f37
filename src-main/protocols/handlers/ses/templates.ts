// SES v1 template operations (ses-facts §A.11): CreateTemplate, GetTemplate, UpdateTemplate, DeleteTemplate
// (idempotent: a missing name is not an error, LocalStack's AWS snapshot), ListTemplates (MaxItems/NextToken,
// `TemplatesMetadata[{Name, CreatedTimestamp}]`) and TestRenderTemplate (`RenderedTemplate`, the MIME message).
// Owns: v1 member names ↔ engine.templates. Must not: check templates or render (core/templates does).
import type { TemplateContent } from '../../../core/templates/api';
import type { OperationHandler } from '../../handler-types';
import { compact } from '../common';

interface WireTemplate {
  TemplateName: string;
  SubjectPart?: string;
  TextPart?: string;
  HtmlPart?: string;
}

const contentOf = (t: WireTemplate): TemplateContent => ({ subject: t.SubjectPart ?? null, text: t.TextPart ?? null, html: t.HtmlPart ?? null });

export const CreateTemplate: OperationHandler = (input, ctx) => {
  const t = input.Template as WireTemplate;
  ctx.engine.templates.create(t.TemplateName, contentOf(t));
};

export const UpdateTemplate: OperationHandler = (input, ctx) => {
  const t = input.Template as WireTemplate;
  ctx.engine.templates.update(t.TemplateName, contentOf(t));
};

export const GetTemplate: OperationHandler = (input, ctx) => {
  const t = ctx.engine.templates.get(input.TemplateName as string);
  return {
    Template: compact({
      TemplateName: t.name,
      SubjectPart: t.content.subject ?? undefined,
      TextPart: t.content.text ?? undefined,
      HtmlPart: t.content.html ?? undefined,
    }),
  };
};

export const DeleteTemplate: OperationHandler = (input, ctx) => {
  ctx.engine.templates.delete(input.TemplateName as string);
};

export const ListTemplates: OperationHandler = (input, ctx) => {
  const page = ctx.engine.templates.list(
    compact({ pageSize: input.MaxItems as number | undefined, nextToken: input.NextToken as string | undefined }),
  );
  return compact({
    TemplatesMetadata: page.items.map((t) => ({ Name: t.name, CreatedTimestamp: new Date(t.createdAt) })),
    NextToken: page.nextToken ?? undefined,
  });
};

export const TestRenderTemplate: OperationHandler = (input, ctx) => {
  const rendered = ctx.engine.templates.testRender({ name: input.TemplateName as string }, input.TemplateData as string);
  return { RenderedTemplate: rendered.mime };
};
