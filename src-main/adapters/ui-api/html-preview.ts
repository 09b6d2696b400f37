// The HTML preview of a captured message, served to a sandboxed iframe. Mail HTML is hostile input:
// no script ever runs (the CSP has no script-src, so default-src 'none' forbids it), and remote content
// (images, styles, fonts, media from http/https) loads only when the user asks (`?remote=1`).
// `cid:` references are rewritten to this API's attachment URLs, carrying the message's attachments
// capability (`?cap=`, capabilities.ts) because a sandboxed iframe's sub-requests come from an opaque origin and
// so never send the SameSite=Strict cookie — never the token: the markup is readable by hostile CSS.
// The CSP carries its own `sandbox` (the iframe attribute does not apply when the preview URL is opened
// directly), `form-action 'none'`, `base-uri 'none'` (the mail cannot re-base its links) and
// `frame-ancestors 'self'` (only the app may frame it). Our `<base target="_blank">` has no href, so
// base-uri does not touch it: links still open in a new tab (the sandbox allows popups).
// Owns: the preview CSP, the cid rewrite, the wrapping into a full document. Must not: sanitise or
// otherwise alter the author's markup (the CSP and the sandbox are the defence, and fidelity matters).
import type { AttachmentInfo } from '../../contract/messages';

/** What both preview policies add: the sandbox of the iframe, enforced even without the iframe. */
export const PREVIEW_LOCKDOWN =
  "sandbox allow-popups allow-popups-to-escape-sandbox; form-action 'none'; base-uri 'none'; frame-ancestors 'self'";

/** The preview's Content-Security-Policy, without and with remote content. */
export const PREVIEW_CSP = {
  local: `default-src 'none'; img-src data: cid: 'self'; style-src 'unsafe-inline'; font-src data:; ${PREVIEW_LOCKDOWN}`,
  remote:
    "default-src 'none'; img-src data: cid: 'self' http: https:; style-src 'unsafe-inline' http: https:; " +
    `font-src data: http: https:; media-src http: https:; ${PREVIEW_LOCKDOWN}`,
} as const;

/** RFC 2392: `cid:` URLs are URL-encoded Content-IDs without the angle brackets. Compare case-insensitively. */
function normaliseContentId(raw: string): string {
  let v = raw.trim();
  try {
    v = decodeURIComponent(v);
  } catch {
    // keep as is
  }
  return v.replace(/^<|>$/g, '').toLowerCase();
}

/**
 * Replace `cid:` references in attribute values and CSS `url()` with `urlFor(index)` of the attachment
 * whose Content-ID matches (`urlFor` must not contain `&`: it may land in a <style> element, where entities
 * are not decoded). Unknown ids are left alone (they show as broken images, as in a mail client).
 */
export function rewriteCidReferences(
  html: string,
  attachments: readonly AttachmentInfo[],
  urlFor: (index: number) => string,
): string {
  const byCid = new Map<string, number>();
  for (const a of attachments) {
    if (a.contentId) byCid.set(normaliseContentId(a.contentId), a.index);
  }
  if (byCid.size === 0) return html;
  return html.replace(/(=\s*["']?|\(\s*["']?)cid:([^\s"'<>)]+)/gi, (whole, lead: string, id: string) => {
    const index = byCid.get(normaliseContentId(id));
    return index === undefined ? whole : lead + urlFor(index);
  });
}

/** `<base target="_blank">`: links leave the preview instead of navigating inside the iframe. */
const HEAD_EXTRA = '<base target="_blank">';

/** Serve mail HTML as a complete document (fragments get a minimal skeleton). */
export function previewDocument(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + HEAD_EXTRA + html.slice(head.index + head[0].length);
  const root = /<html(\s[^>]*)?>/i.exec(html);
  if (root) {
    const at = root.index + root[0].length;
    return `${html.slice(0, at)}<head>${HEAD_EXTRA}</head>${html.slice(at)}`;
  }
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8">${HEAD_EXTRA}</head><body>\n${html}\n</body></html>\n`;
}
