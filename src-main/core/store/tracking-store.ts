// The tracking tokens table (`tracking_links`, migration 007): token → message, link and link tags.
// Owns: the SQL. Must not: know what a token is used for (core/tracking does).
import type { TrackingLink } from '../tracking/api';
import type { Db } from './database';

export interface TrackingStore {
  /** Inside the caller's transaction; an existing token is left as it is. */
  insert(links: readonly TrackingLink[]): void;
  get(token: string): TrackingLink | undefined;
  /** A message's tokens: the pixel first, then links in document order. */
  forMessage(messageId: string): TrackingLink[];
  /** Drops the tokens of deleted messages ('all': every token). */
  forget(ids: readonly string[] | 'all'): void;
  clear(): void;
}

interface Row {
  token: string;
  message_id: string;
  link: string | null;
  tags_json: string;
}

const toLink = (r: Row): TrackingLink => ({
  token: r.token,
  messageId: r.message_id,
  link: r.link,
  linkTags: JSON.parse(r.tags_json) as Record<string, string[]>,
});

export function createTrackingStore(db: Db): TrackingStore {
  const st = {
    insert: db.prepare('INSERT INTO tracking_links (token, message_id, link, tags_json) VALUES (?, ?, ?, ?) ON CONFLICT(token) DO NOTHING'),
    get: db.prepare('SELECT * FROM tracking_links WHERE token = ?'),
    forMessage: db.prepare('SELECT * FROM tracking_links WHERE message_id = ? ORDER BY rowid'),
    deleteMessage: db.prepare('DELETE FROM tracking_links WHERE message_id = ?'),
    clear: db.prepare('DELETE FROM tracking_links'),
  };
  const deleteMany = db.transaction((ids: readonly string[]) => {
    for (const id of ids) st.deleteMessage.run(id);
  });
  return {
    insert(links) {
      for (const l of links) st.insert.run(l.token, l.messageId, l.link, JSON.stringify(l.linkTags));
    },
    get(token) {
      const r = st.get.get(token) as Row | undefined;
      return r && toLink(r);
    },
    forMessage: (messageId) => (st.forMessage.all(messageId) as Row[]).map(toLink),
    forget(ids) {
      if (ids === 'all') st.clear.run();
      else deleteMany(ids);
    },
    clear: () => void st.clear.run(),
  };
}
