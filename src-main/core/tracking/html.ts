// The HTML side of open and click tracking (ses-facts §A.13, AWS doc faqs-metrics): the open pixel goes at
// the bottom of the HTML (before `</body>`, else before `</html>`, else at the end); every `<a href>` with
// an http(s) link is pointed at a tracking URL; anchors carrying `ses:no-track` keep their link; the
// non-standard attributes `ses:no-track` and `ses:tags` are removed from every anchor, and `ses:tags`
// (`product:book;genre:fiction;`) becomes the click's `linkTags`.
// Works on a "binary string" (one char per byte, latin1), so bytes of any charset pass through untouched;
// the caller turns a raw href into the link text (`decodeLink`). Comments are left alone.
// Owns: that markup surgery. Must not: know MIME, tokens or the store.

export interface HtmlRewriteOptions {
  /** The pixel's URL, or null for no open tracking. */
  pixelUrl: string | null;
  /** The tracking URL for the n-th tracked link (0-based), or null for no click tracking. */
  linkUrl: ((n: number) => string) | null;
  /** The raw attribute value (binary string) as the link text the reader's browser would follow. */
  decodeLink(raw: string): string;
}

export interface RewrittenLink {
  link: string;
  linkTags: Record<string, string[]>;
}

/**
 * SES's pixel markup as it appears in tracked mail (`<img alt="" src="…/I0/…" style="display: none; width:
 * 1px; height: 1px;">`) [verify]: browsers load display:none images, so opening the message records an Open.
 */
export const pixelTag = (url: string) => `<img alt="" src="${url}" style="display: none; width: 1px; height: 1px;">`;

/** Comments (skipped) or an anchor start tag (group 1: its attribute text). */
const ANCHOR = /<!--[\s\S]*?-->|<a(\s[^>]*)?>/gi;
/** One attribute: name, then an optional value in double quotes, single quotes or none. */
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Character references in an attribute value (`&amp;` → `&`), as the browser reads them. */
export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** `product:book;genre:fiction;` → `{product: ['book'], genre: ['fiction']}`; a repeated name gathers its values. */
export function parseLinkTags(value: string): Record<string, string[]> {
  const tags: Record<string, string[]> = {};
  for (const pair of value.split(';')) {
    const at = pair.indexOf(':');
    if (at < 0) continue;
    const name = pair.slice(0, at).trim();
    const v = pair.slice(at + 1).trim();
    if (!name) continue;
    (tags[name] ??= []).push(v);
  }
  return tags;
}

const isTrackable = (link: string) => /^https?:\/\/[^\s]/i.test(link.trim());

/** Rewrites one anchor's attribute text; `track` returns the tracking URL for a link, or null to leave it. */
function rewriteAnchor(attrs: string, opts: HtmlRewriteOptions, track: (l: RewrittenLink) => string | null): string {
  let out = '';
  let last = 0;
  let href: { start: number; end: number; raw: string } | null = null;
  let noTrack = false;
  let tags: Record<string, string[]> = {};
  const cuts: { start: number; end: number }[] = [];
  for (const m of attrs.matchAll(ATTRIBUTE)) {
    const name = m[1].toLowerCase();
    const raw = m[2] ?? m[3] ?? m[4];
    const start = m.index;
    if (name === 'ses:no-track' || name === 'ses:tags') {
      // Remove the attribute with the white space before it.
      let from = start;
      while (from > 0 && /\s/.test(attrs[from - 1])) from--;
      cuts.push({ start: from, end: start + m[0].length });
      if (name === 'ses:no-track') noTrack = true;
      else tags = parseLinkTags(opts.decodeLink(raw ?? ''));
    } else if (name === 'href' && href === null && raw !== undefined) {
      const quote = m[2] !== undefined || m[3] !== undefined ? 1 : 0;
      const valueEnd = start + m[0].length - quote;
      href = { start: valueEnd - raw.length, end: valueEnd, raw };
    }
  }
  let replacement: string | null = null;
  if (href && !noTrack) {
    const link = opts.decodeLink(href.raw);
    if (isTrackable(link)) replacement = track({ link: link.trim(), linkTags: tags });
  }
  const edits = [...cuts.map((c) => ({ ...c, text: '' })), ...(href && replacement !== null ? [{ start: href.start, end: href.end, text: replacement }] : [])];
  edits.sort((a, b) => a.start - b.start);
  for (const e of edits) {
    out += attrs.slice(last, e.start) + e.text;
    last = e.end;
  }
  return out + attrs.slice(last);
}

/** The HTML with tracking applied, and the links it now tracks in document order. */
export function rewriteHtml(html: string, opts: HtmlRewriteOptions): { html: string; links: RewrittenLink[] } {
  const links: RewrittenLink[] = [];
  const linkUrl = opts.linkUrl;
  const track = (l: RewrittenLink): string | null => {
    if (!linkUrl) return null;
    links.push(l);
    return linkUrl(links.length - 1);
  };
  let out = html.replace(ANCHOR, (whole: string, attrs: string | undefined) => {
    if (attrs === undefined || whole.startsWith('<!--')) return whole;
    return `${whole.slice(0, 2)}${rewriteAnchor(attrs, opts, track)}>`;
  });
  if (opts.pixelUrl !== null) {
    const pixel = pixelTag(opts.pixelUrl);
    const lower = out.toLowerCase();
    const body = lower.lastIndexOf('</body');
    const at = body >= 0 ? body : lower.lastIndexOf('</html');
    // Without either, at the end of the content (before a trailing line break).
    let where = at >= 0 ? at : out.length;
    while (at < 0 && where > 0 && /\s/.test(out[where - 1])) where--;
    out = out.slice(0, where) + pixel + out.slice(where);
  }
  return { html: out, links };
}
