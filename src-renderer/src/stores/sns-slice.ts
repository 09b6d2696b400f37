// SNS slice: topics, the selected topic's subscriptions and its delivery log for the SNS screen, and
// creating/deleting topics, subscribing an HTTP endpoint and unsubscribing. Owns: that state. Must not:
// render, or deliver anything (the engine does; this only reads its log).
import type { DeliveryAttemptDto, SnsSubscriptionDto, SnsTopicDto } from '../../../src-main/contract';
import { feedbackApi } from '../api/feedback-client';
import { screenError, type ScreenError } from './account-slice';
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
}

export const createSnsSlice: Slice<SnsSlice> = (set, get) => {
  const act = async (run: () => Promise<void>): Promise<boolean> => {
    set({ snsBusy: true, snsError: null });
    try {
      await run();
      set({ snsBusy: false });
      return true;
    } catch (err) {
      set({ snsError: screenError(err), snsBusy: false });
      return false;
    }
  };
  return {
    topics: [],
    snsLoaded: false,
    snsError: null,
    snsBusy: false,
    selectedTopic: null,
    subscriptions: [],
    deliveryLog: [],

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
