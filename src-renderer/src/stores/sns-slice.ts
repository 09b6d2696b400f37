// SNS slice: topics, the selected topic's subscriptions and its delivery log for the SNS screen, and
// creating/deleting topics, subscribing an HTTP endpoint and unsubscribing. Live: an SNS delivery's rows
// replace its earlier ones in the log (sns.delivery), and a delivery row about the open message — SNS or a
// sink write (publish.recorded) — bumps `timelinePulse`, which reloads that message's timeline.
// Owns: that state. Must not: render, or deliver anything (the engine does; this only reads its log).
import type { DeliveryAttemptDto, LiveEventPayloads, SnsSubscriptionDto, SnsTopicDto } from '../../../src-main/contract';
import { feedbackApi } from '../api/feedback-client';
import { screenError, type ScreenError } from './account-slice';
import { busyAction } from './busy-action';
import { mergeDelivery } from './ses-list-ops';
import type { Slice } from './types';

export const DELIVERY_LOG_LIMIT = 200;

export interface SnsSlice {
  topics: SnsTopicDto[];
  snsLoaded: boolean;
  snsError: ScreenError | null;
  snsBusy: boolean;
  selectedTopic: string | null;
  subscriptions: SnsSubscriptionDto[];
  deliveryLog: DeliveryAttemptDto[];
  loadSns: () => Promise<void>;
  selectTopic: (topicArn: string | null) => void;
  createTopic: (name: string) => Promise<boolean>;
  deleteTopic: (topicArn: string) => Promise<boolean>;
  subscribe: (protocol: 'http' | 'https', endpoint: string) => Promise<boolean>;
  unsubscribe: (subscriptionArn: string) => Promise<boolean>;
  /** Counts delivery rows that arrived live for `messageId` (the open message); its timeline reloads on a change. */
  timelinePulse: { messageId: string | null; n: number };
  snsDeliveryRecorded: (ev: LiveEventPayloads['sns.delivery']) => void;
  publishRecorded: (row: LiveEventPayloads['publish.recorded']) => void;
}

export const createSnsSlice: Slice<SnsSlice> = (set, get) => {
  const act = busyAction(set, 'snsBusy', 'snsError');
  const pulseIfOpen = (rows: DeliveryAttemptDto[]) => {
    const open = get().selectedId;
    if (open !== null && rows.some((r) => r.sesMessageId === open)) set({ timelinePulse: { messageId: open, n: get().timelinePulse.n + 1 } });
  };
  return {
    topics: [],
    snsLoaded: false,
    snsError: null,
    snsBusy: false,
    selectedTopic: null,
    subscriptions: [],
    deliveryLog: [],
    timelinePulse: { messageId: null, n: 0 },

    snsDeliveryRecorded: (ev) => {
      const topic = get().selectedTopic;
      if (topic !== null && ev.attempts.some((a) => a.topicArn === topic)) set({ deliveryLog: mergeDelivery(get().deliveryLog, ev, DELIVERY_LOG_LIMIT) });
      pulseIfOpen(ev.attempts);
    },

    publishRecorded: (row) => pulseIfOpen([row]),

    loadSns: async () => {
      try {
        const topics = (await feedbackApi.topics()).items;
        let selected = get().selectedTopic;
        if (!topics.some((t) => t.topicArn === selected)) selected = topics[0]?.topicArn ?? null;
        const [subs, log] = selected
          ? await Promise.all([feedbackApi.subscriptions(selected), feedbackApi.deliveries({ topicArn: selected, limit: DELIVERY_LOG_LIMIT })])
          : [{ items: [] }, { items: [] }];
        set({ topics, selectedTopic: selected, subscriptions: subs.items, deliveryLog: log.items, snsLoaded: true, snsError: null });
      } catch (err) {
        set({ snsError: screenError(err), snsLoaded: true });
      }
    },

    selectTopic: (selectedTopic) => {
      set({ selectedTopic, subscriptions: [], deliveryLog: [] });
      void get().loadSns();
    },

    createTopic: (name) =>
      act(async () => {
        const t = await feedbackApi.createTopic(name);
        set({ selectedTopic: t.topicArn });
        await get().loadSns();
      }),

    deleteTopic: (topicArn) =>
      act(async () => {
        await feedbackApi.deleteTopic(topicArn);
        await get().loadSns();
      }),

    subscribe: (protocol, endpoint) =>
      act(async () => {
        const topicArn = get().selectedTopic;
        if (!topicArn) throw new Error('Choose a topic first.');
        await feedbackApi.subscribe({ topicArn, protocol, endpoint });
        await get().loadSns();
      }),

    unsubscribe: (subscriptionArn) =>
      act(async () => {
        await feedbackApi.unsubscribe(subscriptionArn);
        await get().loadSns();
      }),
  };
};
