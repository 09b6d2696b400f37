// Automation routes for the SNS delivery log (what CI asserts on after an SES event was published):
//   GET /_sesame/sns/deliveries[?messageId=][&topicArn=][&subscriptionArn=][&sesMessageId=][&limit=]
//       → 200 {deliveries: [{id, kind, messageId, topicArn, subscriptionArn, endpoint, state, createdAt,
//              nextAttemptAt, origin, attempts: [{attempt, at, status, latencyMs, responseBody, error}]}]}
//   Newest first; times as ISO 8601. `sesMessageId` selects what SES published about one message.
// Owns: the query parameters and the JSON shape. Must not: deliver or retry (core/sns does).
import type { DeliveryView } from '../../../core/engine-api';
import type { AutomationRoute } from './types';
import { badRequest, iso } from './types';

const view = (d: DeliveryView) => ({
  ...d,
  createdAt: iso(d.createdAt),
  nextAttemptAt: iso(d.nextAttemptAt),
  attempts: d.attempts.map((a) => ({ ...a, at: iso(a.at) })),
});

export const snsRoutes: readonly AutomationRoute[] = [
  {
    method: 'GET',
    path: '/_sesame/sns/deliveries',
    handle({ engine, query }) {
      const limitText = query.get('limit');
      const limit = limitText === null ? undefined : Number(limitText);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 1000)) throw badRequest('limit must be an integer from 1 to 1000.');
      const pick = (k: string) => query.get(k) ?? undefined;
      const deliveries = engine.sns.deliveries({
        messageId: pick('messageId'),
        topicArn: pick('topicArn'),
        subscriptionArn: pick('subscriptionArn'),
        sesMessageId: pick('sesMessageId'),
        limit,
      });
      return { deliveries: deliveries.map(view) };
    },
  },
];
