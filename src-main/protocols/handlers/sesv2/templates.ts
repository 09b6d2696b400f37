// SES v2 template operations (ses-facts §A.11): CreateEmailTemplate, GetEmailTemplate, UpdateEmailTemplate,
// DeleteEmailTemplate (NotFoundException for a missing name), ListEmailTemplates (PageSize/NextToken,
// `TemplatesMetadata[{TemplateName, CreatedTimestamp}]`) and TestRenderEmailTemplate (`RenderedTemplate`).
// Owns: v2 member names ↔ engine.templates. Must not: check templates or render (core/templates does).
import { errors } from '../../../core/errors';
import type { TemplateContent } from '../../../core/templates/api';
import type { OperationHandler } from '../../handler-types';
import { compact, fromKeyTags, toKeyTags, type WireKeyTag } from '../common';

export interface WireTemplateContent {
  Subject?: string;
  Text?: string;
  Html?: string;
}

export const contentOf = (c: WireTemplateContent | undefined): TemplateContent => ({
  subject: c?.Subject ?? null,
  text: c?.Text ?? null,
  html: c?.Html ?? null,
});

export const CreateEmailTemplate: OperationHandler = (input, ctx) => {
  const tags = input.Tags as WireKeyTag[] | undefined;
  ctx.engine.templates.create(
    input.TemplateName as string,
    contentOf(input.TemplateContent as WireTemplateContent),
    toKeyTags(tags),
  );
  return {};
};

export const UpdateEmailTemplate: OperationHandler = (input, ctx) => {
  ctx.engine.templates.update(input.TemplateName as string, contentOf(input.TemplateContent as WireTemplateContent));
  return {};
};

export const GetEmailTemplate: OperationHandler = (input, ctx) => {
  const t = ctx.engine.templates.get(input.TemplateName as string);
  return compact({
    TemplateName: t.name,
    TemplateContent: compact({ Subject: t.content.subject ?? undefined, Text: t.content.text ?? undefined, Html: t.content.html ?? undefined }),
    Tags: t.tags.length ? fromKeyTags(t.tags) : undefined,
  });
};

export const DeleteEmailTemplate: OperationHandler = (input, ctx) => {
  const name = input.TemplateName as string;
  if (!ctx.engine.templates.delete(name)) throw errors.templateDoesNotExist(name);
  return {};
};

export const ListEmailTemplates: OperationHandler = (input, ctx) => {
  const page = ctx.engine.templates.list(
    compact({ pageSize: input.PageSize as number | undefined, nextToken: input.NextToken as string | undefined }),
  );
  return compact({
    TemplatesMetadata: page.items.map((t) => ({ TemplateName: t.name, CreatedTimestamp: new Date(t.createdAt) })),
    NextToken: page.nextToken ?? undefined,
  });
};

export const TestRenderEmailTemplate: OperationHandler = (input, ctx) => {
  const rendered = ctx.engine.templates.testRender({ name: input.TemplateName as string }, input.TemplateData as string);
  return { RenderedTemplate: rendered.mime };
};
