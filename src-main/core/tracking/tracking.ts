// Open and click tracking put together (ses-facts §A.13): which messages are tracked (their configuration
// set has an enabled event destination matching OPEN and/or CLICK), the tracked copy of the MIME (pixel and
// rewritten links, tracking/html.ts through tracking/mime.ts), the tokens behind the tracking URLs, and the
// Open / Click events recorded when the endpoint (adapters/aws-endpoint/tracking.ts) is hit.
// Events are recorded through the outcome scheduler's one path for later events (a step due now, run at
// once): the event is appended with its status, committed, then `event.recorded` and `message.updated` are
// emitted — exactly as a scheduled bounce or complaint is.
// Tokens are derived from the message id and the link's position (a SHA-256, cut to 22 base64url
// characters): opaque, stable, and no id is drawn from the injected id source.
// Owns: those rules. Must not: speak HTTP or read the wire.
import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import type { ConfigurationSetService } from '../config-sets/api';
import type { DomainBus } from '../engine-api';
import { clickBody, openBody } from '../events/engagement-json';
import { decodeCharset } from '../mime/decode';
import type { Scheduler } from '../outcomes/api';
import { matches } from '../publishing/shapes';
import type { Db } from '../store/database';
import { createTrackingStore } from '../store/tracking-store';
import type { TrackingLink, TrackingService, TrackingWanted } from './api';
import { decodeEntities, rewriteHtml } from './html';
import { rewriteHtmlParts } from './mime';

/** Paths on the AWS port (adapters/aws-endpoint/tracking.ts serves them). */
export const TRACKING_OPEN_PREFIX = '/_sesame/t/o/';
export const TRACKING_CLICK_PREFIX = '/_sesame/t/c/';

export interface TrackingDeps {
  db: Db;
  clock: Clock;
  bus: DomainBus;
  configurationSets: Pick<ConfigurationSetService, 'get'>;
  scheduler: Pick<Scheduler, 'recordNow'>;
  /** Sesame's AWS origin (`http://127.0.0.1:4566`, no trailing slash), read when a message is tracked. */
  awsOrigin(): string;
}

const NONE: TrackingWanted = { open: false, click: false };

export const trackingToken = (messageId: string, n: number): string =>
  createHash('sha256').update(`${messageId}\n${n}`).digest('base64url').slice(0, 22);

/** A raw href (binary string in the part's charset) as the link text: bytes decoded, then character references. */
const linkDecoder = (charset: string | undefined) => (raw: string) => decodeEntities(decodeCharset(Buffer.from(raw, 'latin1'), charset));

export function createTracking(deps: TrackingDeps): TrackingService {
  const store = createTrackingStore(deps.db);
  deps.bus.on('messages.deleted', ({ ids }) => store.forget(ids));

  return {
    wanted(configurationSet) {
      const set = configurationSet === null ? undefined : deps.configurationSets.get(configurationSet);
      const destinations = set?.eventDestinations ?? [];
      const open = destinations.some((d) => matches(d, 'Open'));
      const click = destinations.some((d) => matches(d, 'Click'));
      return open || click ? { open, click } : NONE;
    },
    rewrite(messageId, mime, wanted) {
      if (!wanted.open && !wanted.click) return { mime, links: [] };
      const origin = deps.awsOrigin();
      const links: TrackingLink[] = [];
      const pixel: TrackingLink = { token: trackingToken(messageId, 0), messageId, link: null, linkTags: {} };
      let htmlParts = 0;
      const tracked = rewriteHtmlParts(mime, (binary, charset) => {
        htmlParts++;
        const { html, links: found } = rewriteHtml(binary, {
          pixelUrl: wanted.open ? `${origin}${TRACKING_OPEN_PREFIX}${pixel.token}.gif` : null,
          linkUrl: wanted.click ? (n) => `${origin}${TRACKING_CLICK_PREFIX}${trackingToken(messageId, links.length + n + 1)}` : null,
          decodeLink: linkDecoder(charset),
        });
        const base = links.length;
        found.forEach((l, n) => links.push({ token: trackingToken(messageId, base + n + 1), messageId, link: l.link, linkTags: l.linkTags }));
        return html;
      });
      // The pixel's token only when some HTML part carries it (text-only mail has nothing to open).
      return { mime: tracked, links: wanted.open && htmlParts > 0 ? [pixel, ...links] : links };
    },
    persist: (links) => store.insert(links),
    open(token, client) {
      const t = store.get(token);
      if (!t || t.link !== null) return null;
      const at = deps.clock.now();
      return { recorded: deps.scheduler.recordNow(t.messageId, { eventType: 'Open', timestamp: at, body: openBody({ ...client, timestamp: at }) }, at) };
    },
    click(token, client) {
      const t = store.get(token);
      if (!t || t.link === null) return null;
      const at = deps.clock.now();
      const body = clickBody({ ...client, link: t.link, linkTags: t.linkTags, timestamp: at });
      return { link: t.link, recorded: deps.scheduler.recordNow(t.messageId, { eventType: 'Click', timestamp: at, body }, at) };
    },
    lookup: (token) => store.get(token),
    links: (messageId) => store.forMessage(messageId),
  };
}
