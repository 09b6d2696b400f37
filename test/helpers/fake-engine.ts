// An in-memory stand-in for the Engine, for adapter and host unit tests: messages, a working bus,
// LocalStack-style retrospection, and a record of calls. Not the engine's semantics — only its shapes.
// Owns: test data builders. Must not: be imported by src-main.
import { untouchedServices } from './partial-service';
import type { MessageDetail, MessageSummary } from '../../src-main/contract/messages';
import type { MessageListQuery } from '../../src-main/contract/ui-api';
import type { DomainBus, DomainEvents, Engine, RetrospectionMessage } from '../../src-main/core/engine-api';

export type FakeBus = DomainBus & { count(name: keyof DomainEvents): number };

export function createBus(): FakeBus {
  const handlers = new Map<string, Set<(p: any) => void>>();
  return {
    on(name, fn) {
      let set = handlers.get(name);
      if (!set) handlers.set(name, (set = new Set()));
      set.add(fn as (p: any) => void);
      return () => void set.delete(fn as (p: any) => void);
    },
    emit<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]) {
      for (const fn of handlers.get(name) ?? []) fn(payload);
    },
    count: (name) => handlers.get(name)?.size ?? 0,
  };
}

export interface StoredMessage {
  detail: MessageDetail;
  raw: Buffer;
  attachments: { filename: string | null; contentType: string; content: Buffer }[];
  retro: RetrospectionMessage;
}

export function makeMessage(id: string, over: Partial<MessageDetail> = {}, attachments: StoredMessage['attachments'] = []): StoredMessage {
  const detail: MessageDetail = {
    id,
    receivedAt: '2026-01-01T00:00:00.000Z',
    door: 'sesv2',
    operation: 'SendEmail',
    from: { name: '', address: 'sender@example.com' },
    to: [{ name: '', address: 'to@example.com' }],
    subject: `Subject ${id}`,
    snippet: 'hello',
    size: 100,
    read: false,
    hasAttachments: attachments.length > 0,
    status: 'delivered',
    configurationSet: null,
    cc: [],
    bcc: [],
    replyTo: [],
    envelope: { mailFrom: 'sender@example.com', rcptTo: ['to@example.com'] },
    returnPath: null,
    relatedId: null,
    headers: [],
    text: 'hello',
    html: null,
    attachments: attachments.map((a, index) => ({
      index,
      filename: a.filename,
      contentType: a.contentType,
      size: a.content.length,
      contentId: null,
      disposition: 'attachment',
    })),
    tags: {},
    smtp: null,
    api: null,
    events: [],
    template: null,
    ...over,
  };
  return {
    detail,
    raw: Buffer.from(`Subject: ${detail.subject}\r\n\r\nhello\r\n`),
    attachments,
    retro: {
      Id: id,
      Region: 'us-east-1',
      Timestamp: detail.receivedAt,
      Source: detail.from?.address ?? '',
      Destination: { ToAddresses: detail.to.map((a) => a.address), CcAddresses: [], BccAddresses: [] },
      Subject: detail.subject,
      Body: { text_part: detail.text, html_part: detail.html },
    },
  };
}

const summary = (d: MessageDetail): MessageSummary => {
  const { id, receivedAt, door, operation, from, to, subject, snippet, size, read, hasAttachments, status, configurationSet } = d;
  return { id, receivedAt, door, operation, from, to, subject, snippet, size, read, hasAttachments, status, configurationSet };
};

export interface FakeEngine extends Engine {
  bus: FakeBus;
  store: StoredMessage[];
  calls: { list: MessageListQuery[]; retrospection: { id?: string; email?: string }[]; retrospectionDelete: (string | undefined)[] };
  closed: boolean;
}

export function createFakeEngine(messages: StoredMessage[] = []): FakeEngine {
  const store = [...messages];
  const calls: FakeEngine['calls'] = { list: [], retrospection: [], retrospectionDelete: [] };
  const find = (id: string) => store.find((m) => m.detail.id === id);
  const unsupported = () => {
    throw new Error('not in the fake engine');
  };
  const engine: FakeEngine = {
    region: 'us-east-1',
    accountId: '000000000000',
    bus: createBus(),
    store,
    calls,
    closed: false,
    sending: { send: unsupported, sendBulk: unsupported },
    ...untouchedServices(),
    reset: unsupported,
    messages: {
      counts: () => ({ total: store.length, unread: store.filter((m) => !m.detail.read).length }),
      list(query) {
        calls.list.push(query);
        const q = query.q?.toLowerCase();
        const all = store.filter((m) => !q || m.detail.subject.toLowerCase().includes(q));
        const start = query.cursor ? Number(query.cursor) : 0;
        const limit = query.limit ?? 50;
        const items = all.slice(start, start + limit).map((m) => summary(m.detail));
        return {
          items,
          total: all.length,
          totalCapped: false,
          unread: store.filter((m) => !m.detail.read).length,
          nextCursor: start + limit < all.length ? String(start + limit) : null,
        };
      },
      get: async (id) => find(id)?.detail,
      raw: async (id) => find(id)?.raw,
      attachment: async (id, index) => find(id)?.attachments[index],
      markRead(id, read) {
        const m = find(id);
        if (!m) return undefined;
        m.detail.read = read;
        return summary(m.detail);
      },
      delete(ids) {
        let n = 0;
        for (const id of ids) {
          const i = store.findIndex((m) => m.detail.id === id);
          if (i !== -1) {
            store.splice(i, 1);
            n++;
          }
        }
        return n;
      },
      deleteAll() {
        const n = store.length;
        store.length = 0;
        return n;
      },
      async retrospection(filter) {
        calls.retrospection.push(filter);
        return store
          .map((m) => m.retro)
          .filter((r) => (filter.id === undefined || r.Id === filter.id) && (filter.email === undefined || r.Source === filter.email));
      },
      retrospectionDelete(id) {
        calls.retrospectionDelete.push(id);
        return id === undefined ? engine.messages.deleteAll() : engine.messages.delete([id]);
      },
    },
    close() {
      engine.closed = true;
    },
  };
  return engine;
}
