// The list-management unsubscribe URL on the AWS port (the `List-Unsubscribe` header core/sending/
// list-management.ts writes; AWS doc "Using list management"; RFC 8058):
//   GET  /_sesame/unsubscribe/<token>            → a small preference page (unsubscribe from the topic / from all)
//   POST /_sesame/unsubscribe/<token>            → one-click (RFC 8058, body `List-Unsubscribe=One-Click`):
//                                                  unsubscribes at once, Subscription source "UnsubscribeHeader"
//   POST /_sesame/unsubscribe/<token>?via=page[&all=1] → the page's buttons, source "UnsubscribePage" [verify]
// The body is not read (the one-click body carries nothing else). An unknown token, or a list deleted since,
// answers 404. Owns: these paths' HTTP shapes. Must not: decide what an unsubscribe does (engine.contacts does).
import { UNSUBSCRIBE_PREFIX } from '../../core/contacts/unsubscribe';
import type { Engine } from '../../core/engine-api';
import type { AwsHttpResponse } from '../../protocols/http-types';

const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

export const isUnsubscribePath = (path: string): boolean => path.startsWith(UNSUBSCRIBE_PREFIX);

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store, max-age=0',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (status: number, title: string, inner: string): AwsHttpResponse => ({
  status,
  headers: HEADERS,
  body: `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title><style>body{font:15px system-ui,sans-serif;max-width:36em;margin:3em auto;padding:0 1em}button{margin:.3em 0;padding:.4em 1em}</style></head><body><h1>${escape(title)}</h1>${inner}</body></html>\n`,
});

const notFound = () => page(404, 'Unknown unsubscribe link', '<p>This unsubscribe link is not known to Sesame (the message or its contact list may have been deleted).</p>');

/** Answers one unsubscribe request. `query` is the raw query string without '?'. */
export function handleUnsubscribe(engine: Engine, req: { method: string; path: string; query: string }): AwsHttpResponse {
  const token = req.path.slice(UNSUBSCRIBE_PREFIX.length).replace(/\/$/, '');
  if (!TOKEN.test(token)) return notFound();
  const t = engine.contacts.lookupToken(token);
  if (!t) return notFound();
  const who = escape(t.emailAddress);
  const list = escape(t.contactListName);
  if (req.method === 'GET' || req.method === 'HEAD') {
    const action = `${UNSUBSCRIBE_PREFIX}${token}?via=page`;
    const topicButton = t.topicName
      ? `<form method="post" action="${escape(action)}"><button type="submit" data-testid="unsubscribe-topic">Unsubscribe from ${escape(t.topicName)}</button></form>`
      : '';
    const r = page(
      200,
      'Manage your subscription',
      `<p>${who} on list ${list}.</p>${topicButton}<form method="post" action="${escape(action)}&amp;all=1"><button type="submit" data-testid="unsubscribe-all">Unsubscribe from all</button></form>`,
    );
    return req.method === 'HEAD' ? { ...r, body: '' } : r;
  }
  if (req.method !== 'POST') return { ...page(405, 'Method not allowed', '<p>Use GET or POST.</p>'), headers: { ...HEADERS, allow: 'GET, HEAD, POST' } };
  const params = new URLSearchParams(req.query);
  const viaPage = params.get('via') === 'page';
  const done = engine.contacts.unsubscribe(token, { all: viaPage && params.get('all') === '1', source: viaPage ? 'UnsubscribePage' : 'UnsubscribeHeader' });
  if (!done) return notFound();
  const what = done.contact.unsubscribeAll ? 'all mail on this list' : escape(t.topicName ?? 'this list');
  return page(200, 'Unsubscribed', `<p>${who} is unsubscribed from ${what}.</p>`);
}
