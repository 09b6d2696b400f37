// The SNS tables (migration 005): topics, subscriptions, deliveries and their attempts.
// Owns: the SQL. Must not: decide anything (core/sns does) or build envelopes.
import type { Db } from './database';

export interface TopicRow {
  arn: string;
  name: string;
  createdAt: number;
  attrs: Record<string, string>;
  tags: { key: string; value: string }[];
}

export interface SubscriptionRow {
  arn: string;
  topicArn: string;
  protocol: string;
  endpoint: string;
  status: 'pending' | 'confirmed';
  token: string;
  attrs: Record<string, string>;
  createdAt: number;
  confirmedAt: number | null;
}

export interface DeliveryRow {
  id: number;
  kind: 'SubscriptionConfirmation' | 'Notification';
  messageId: string;
  topicArn: string;
  subscriptionArn: string;
  endpoint: string;
  headers: Record<string, string>;
  body: string;
  state: 'pending' | 'delivered' | 'failed';
  createdAt: number;
  nextAttemptAt: number | null;
  attempts: number;
  originMessageId: string | null;
  originEventId: number | null;
}

export interface AttemptRow {
  deliveryId: number;
  attempt: number;
  at: number;
  status: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
}

const topicOf = (r: any): TopicRow => ({ arn: r.arn, name: r.name, createdAt: r.created_at, attrs: JSON.parse(r.attrs_json), tags: JSON.parse(r.tags_json) });
const subOf = (r: any): SubscriptionRow => ({
  arn: r.arn, topicArn: r.topic_arn, protocol: r.protocol, endpoint: r.endpoint, status: r.status, token: r.token,
  attrs: JSON.parse(r.attrs_json), createdAt: r.created_at, confirmedAt: r.confirmed_at,
});
const deliveryOf = (r: any): DeliveryRow => ({
  id: r.id, kind: r.kind, messageId: r.message_id, topicArn: r.topic_arn, subscriptionArn: r.subscription_arn,
  endpoint: r.endpoint, headers: JSON.parse(r.headers_json), body: r.body, state: r.state, createdAt: r.created_at,
  nextAttemptAt: r.next_attempt_at, attempts: r.attempts, originMessageId: r.origin_message_id, originEventId: r.origin_event_id,
});
const attemptOf = (r: any): AttemptRow => ({
  deliveryId: r.delivery_id, attempt: r.attempt, at: r.at, status: r.status, latencyMs: r.latency_ms,
  responseBody: r.response_body, error: r.error,
});

export interface DeliveryFilter {
  messageId?: string;
  topicArn?: string;
  subscriptionArn?: string;
  originMessageId?: string;
  limit: number;
}

export function createSnsStore(db: Db) {
  const st = {
    insertTopic: db.prepare('INSERT INTO sns_topics (arn, name, created_at, attrs_json, tags_json) VALUES (?, ?, ?, ?, ?)'),
    getTopic: db.prepare('SELECT * FROM sns_topics WHERE arn = ?'),
    listTopics: db.prepare('SELECT * FROM sns_topics ORDER BY created_at, arn'),
    updateTopic: db.prepare('UPDATE sns_topics SET attrs_json = ?, tags_json = ? WHERE arn = ?'),
    deleteTopic: db.prepare('DELETE FROM sns_topics WHERE arn = ?'),
    insertSub: db.prepare(
      'INSERT INTO sns_subscriptions (arn, topic_arn, protocol, endpoint, status, token, attrs_json, created_at, confirmed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    getSub: db.prepare('SELECT * FROM sns_subscriptions WHERE arn = ?'),
    subByToken: db.prepare('SELECT * FROM sns_subscriptions WHERE topic_arn = ? AND token = ?'),
    subsOfTopic: db.prepare('SELECT * FROM sns_subscriptions WHERE topic_arn = ? ORDER BY seq'),
    allSubs: db.prepare('SELECT * FROM sns_subscriptions ORDER BY seq'),
    updateSub: db.prepare('UPDATE sns_subscriptions SET status = ?, attrs_json = ?, confirmed_at = ? WHERE arn = ?'),
    deleteSub: db.prepare('DELETE FROM sns_subscriptions WHERE arn = ?'),
    deleteSubsOfTopic: db.prepare('DELETE FROM sns_subscriptions WHERE topic_arn = ?'),
    insertDelivery: db.prepare(
      `INSERT INTO sns_deliveries (kind, message_id, topic_arn, subscription_arn, endpoint, headers_json, body, state, created_at,
        next_attempt_at, origin_message_id, origin_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
    ),
    getDelivery: db.prepare('SELECT * FROM sns_deliveries WHERE id = ?'),
    due: db.prepare("SELECT * FROM sns_deliveries WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?"),
    nextDue: db.prepare("SELECT MIN(next_attempt_at) AS at FROM sns_deliveries WHERE state = 'pending'"),
    finishAttempt: db.prepare('UPDATE sns_deliveries SET state = ?, next_attempt_at = ?, attempts = ? WHERE id = ?'),
    insertAttempt: db.prepare(
      'INSERT OR REPLACE INTO sns_delivery_attempts (delivery_id, attempt, at, status, latency_ms, response_body, error) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    attemptsOf: db.prepare('SELECT * FROM sns_delivery_attempts WHERE delivery_id = ? ORDER BY attempt'),
    cancelPending: db.prepare("UPDATE sns_deliveries SET state = 'failed', next_attempt_at = NULL WHERE state = 'pending' AND subscription_arn = ?"),
    clear: db.prepare('DELETE FROM sns_topics'),
    clearSubs: db.prepare('DELETE FROM sns_subscriptions'),
    clearPending: db.prepare("UPDATE sns_deliveries SET state = 'failed', next_attempt_at = NULL WHERE state = 'pending'"),
  };

  return {
    insertTopic: (t: TopicRow) => void st.insertTopic.run(t.arn, t.name, t.createdAt, JSON.stringify(t.attrs), JSON.stringify(t.tags)),
    getTopic: (arn: string): TopicRow | undefined => {
      const r = st.getTopic.get(arn);
      return r ? topicOf(r) : undefined;
    },
    listTopics: (): TopicRow[] => st.listTopics.all().map(topicOf),
    updateTopic: (t: TopicRow) => void st.updateTopic.run(JSON.stringify(t.attrs), JSON.stringify(t.tags), t.arn),
    deleteTopic: (arn: string) => db.transaction(() => {
      st.deleteSubsOfTopic.run(arn);
      return st.deleteTopic.run(arn).changes > 0;
    })(),
    insertSubscription: (s: SubscriptionRow) =>
      void st.insertSub.run(s.arn, s.topicArn, s.protocol, s.endpoint, s.status, s.token, JSON.stringify(s.attrs), s.createdAt, s.confirmedAt),
    getSubscription: (arn: string): SubscriptionRow | undefined => {
      const r = st.getSub.get(arn);
      return r ? subOf(r) : undefined;
    },
    subscriptionByToken: (topicArn: string, token: string): SubscriptionRow | undefined => {
      const r = st.subByToken.get(topicArn, token);
      return r ? subOf(r) : undefined;
    },
    subscriptions: (topicArn?: string): SubscriptionRow[] => (topicArn ? st.subsOfTopic.all(topicArn) : st.allSubs.all()).map(subOf),
    updateSubscription: (s: SubscriptionRow) => void st.updateSub.run(s.status, JSON.stringify(s.attrs), s.confirmedAt, s.arn),
    deleteSubscription: (arn: string) => db.transaction(() => {
      st.cancelPending.run(arn);
      return st.deleteSub.run(arn).changes > 0;
    })(),
    insertDelivery: (d: Omit<DeliveryRow, 'id' | 'state' | 'attempts'>): number =>
      Number(
        st.insertDelivery.run(d.kind, d.messageId, d.topicArn, d.subscriptionArn, d.endpoint, JSON.stringify(d.headers), d.body,
          d.createdAt, d.nextAttemptAt, d.originMessageId, d.originEventId).lastInsertRowid,
      ),
    getDelivery: (id: number): DeliveryRow | undefined => {
      const r = st.getDelivery.get(id);
      return r ? deliveryOf(r) : undefined;
    },
    due: (now: number, limit: number): DeliveryRow[] => st.due.all(now, limit).map(deliveryOf),
    nextDueAt: (): number | null => (st.nextDue.get() as { at: number | null }).at,
    recordAttempt: (a: AttemptRow, state: DeliveryRow['state'], nextAttemptAt: number | null) =>
      db.transaction(() => {
        st.insertAttempt.run(a.deliveryId, a.attempt, a.at, a.status, a.latencyMs, a.responseBody, a.error);
        st.finishAttempt.run(state, nextAttemptAt, a.attempt, a.deliveryId);
      })(),
    attempts: (deliveryId: number): AttemptRow[] => st.attemptsOf.all(deliveryId).map(attemptOf),
    deliveries(f: DeliveryFilter): DeliveryRow[] {
      const where: string[] = [];
      const args: unknown[] = [];
      const filters: [string, string | undefined][] = [
        ['message_id', f.messageId],
        ['topic_arn', f.topicArn],
        ['subscription_arn', f.subscriptionArn],
        ['origin_message_id', f.originMessageId],
      ];
      for (const [column, value] of filters) {
        if (value === undefined) continue;
        where.push(`${column} = ?`);
        args.push(value);
      }
      const sql = `SELECT * FROM sns_deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
      return db.prepare(sql).all(...args, f.limit).map(deliveryOf);
    },
    /** Topics and subscriptions go; pending deliveries stop (the log stays, like mail). */
    reset: () => db.transaction(() => {
      st.clearSubs.run();
      st.clear.run();
      st.clearPending.run();
    })(),
  };
}

export type SnsStore = ReturnType<typeof createSnsStore>;
