// Automation routes for event publishing's local destinations and logs:
//   GET  /_sesame/event-sinks    → 200 {eventBridge?: {url?, file?}, firehose?: {url?, file?}}
//   PUT  /_sesame/event-sinks {eventBridge?: {url?, file?}, firehose?: {url?, file?}} → 200 the sinks as kept
//   GET  /_sesame/publishing?messageId=…&configurationSet=…&limit=… → 200 {records: PublishRecord[]} (newest first)
//   GET  /_sesame/metrics?configurationSet=… → 200 {metrics: MetricCount[]} (CloudWatch-shaped counters)
// EventBridge destinations deliver their envelope, Firehose destinations their record, to these sinks: POST
// to `url` and/or one JSON line appended to `file` (a relative path resolves against Sesame's working
// directory). PUT replaces the whole setting; `{}` turns both off. The setting survives a reset.
// Owns: the JSON in and out. Must not: deliver anything (core/publishing does).
import type { EventSinks } from '../../../core/engine-api';
import type { AutomationRoute } from './types';
import { badRequest, objectBody, onlyKnown } from './types';

export const eventSinkRoutes: readonly AutomationRoute[] = [
  { method: 'GET', path: '/_sesame/event-sinks', handle: ({ engine }) => engine.publishing.sinks() },
  {
    method: 'PUT',
    path: '/_sesame/event-sinks',
    handle(req) {
      const body = objectBody(req);
      onlyKnown(body, ['eventBridge', 'firehose']);
      return req.engine.publishing.setSinks(body as EventSinks);
    },
  },
  {
    method: 'GET',
    path: '/_sesame/publishing',
    handle({ engine, query }) {
      const limit = query.get('limit');
      if (limit !== null && !/^\d+$/.test(limit)) throw badRequest('limit must be a positive whole number.');
      return {
        records: engine.publishing.published({
          ...(query.get('messageId') ? { messageId: query.get('messageId')! } : {}),
          ...(query.get('configurationSet') ? { configurationSet: query.get('configurationSet')! } : {}),
          ...(limit ? { limit: Number(limit) } : {}),
        }),
      };
    },
  },
  {
    method: 'GET',
    path: '/_sesame/metrics',
    handle: ({ engine, query }) => ({ metrics: engine.publishing.metrics(query.get('configurationSet') ? { configurationSet: query.get('configurationSet')! } : {}) }),
  },
];
