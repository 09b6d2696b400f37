// The typed client of the UI API's feedback-loop routes (templates and their live render, SNS topics,
// subscriptions and deliveries, a message's timeline, the global event stream), built from src-main/contract
// like api/client.ts. Owns: these HTTP calls and the preview URL. Must not: hold state (stores/ do).
import {
  UiRoutes,
  type DeliveryAttemptListDto,
  type EventStreamPageDto,
  type EventStreamQuery,
  type SnsSubscribeBody,
  type SnsSubscriptionDto,
  type SnsSubscriptionListDto,
  type SnsTopicDto,
  type SnsTopicListDto,
  type TemplateBody,
  type TemplateDto,
  type TemplateListDto,
  type TemplateRenderBody,
  type TemplateRenderDto,
  type TimelineDto,
} from '../../../src-main/contract';
import { apiUrl, fillRoute } from '../lib/bridge';
import { json, request } from './client';


export const feedbackApi = {
  templates: (signal?: AbortSignal) => json<TemplateListDto>(UiRoutes.templates, { signal }),
  template: (name: string, signal?: AbortSignal) => json<TemplateDto>(fillRoute(UiRoutes.template, { name }), { signal }),
  createTemplate: (body: TemplateBody) => json<TemplateDto>(UiRoutes.templates, { method: 'POST', body }),
  updateTemplate: (name: string, body: TemplateBody) => json<TemplateDto>(fillRoute(UiRoutes.template, { name }), { method: 'PUT', body }),
  deleteTemplate: (name: string) => request(fillRoute(UiRoutes.template, { name }), 'none', { method: 'DELETE' }),
  render: (body: TemplateRenderBody, signal?: AbortSignal) => json<TemplateRenderDto>(UiRoutes.templateRender, { method: 'POST', body, signal }),

  topics: (signal?: AbortSignal) => json<SnsTopicListDto>(UiRoutes.snsTopics, { signal }),
  createTopic: (name: string) => json<SnsTopicDto>(UiRoutes.snsTopics, { method: 'POST', body: { name } }),
  deleteTopic: (topicArn: string) => request(fillRoute(UiRoutes.snsTopic, { topicArn }), 'none', { method: 'DELETE' }),
  subscriptions: (topicArn: string | null, signal?: AbortSignal) =>
    json<SnsSubscriptionListDto>(UiRoutes.snsSubscriptions, { signal, query: { topicArn: topicArn ?? undefined } }),
  subscribe: (body: SnsSubscribeBody) => json<SnsSubscriptionDto>(UiRoutes.snsSubscriptions, { method: 'POST', body }),
  unsubscribe: (subscriptionArn: string) => request(fillRoute(UiRoutes.snsSubscription, { subscriptionArn }), 'none', { method: 'DELETE' }),
  deliveries: (query: { topicArn?: string | null; limit?: number }, signal?: AbortSignal) =>
    json<DeliveryAttemptListDto>(UiRoutes.snsDeliveries, { signal, query: { topicArn: query.topicArn ?? undefined, limit: query.limit } }),

  timeline: (id: string, signal?: AbortSignal) => json<TimelineDto>(fillRoute(UiRoutes.timeline, { id }), { signal }),
  eventStream: (q: EventStreamQuery, signal?: AbortSignal) =>
    json<EventStreamPageDto>(UiRoutes.eventStream, {
      signal,
      // The screen filters by one type at a time (the route accepts `type` repeated).
      query: { type: q.types?.[0], configurationSet: q.configurationSet || undefined, tag: q.tag || undefined, limit: q.limit, cursor: q.cursor ?? undefined },
    }),
};

/** The rendered HTML of a live preview, for a sandboxed iframe (the cookie authenticates its navigation). */
export const templatePreviewUrl = (previewId: string) => apiUrl(fillRoute(UiRoutes.templatePreview, { previewId }), {});
