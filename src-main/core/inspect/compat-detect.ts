// Feature detection for the compatibility check (issue 5): tokenizes a message's HTML with htmlparser2
// and reports which caniemail features it uses — elements, attributes, link kinds, the doctype, comments,
// image formats (by file extension or data: URL), and the CSS in <style> blocks and style="…" attributes
// (scanned by compat-css.ts).
// Owns: HTML → detected features (slug, count, first sample). Must not: know support data or score.
import { Parser } from 'htmlparser2';
import { scanDeclarations, scanStylesheet } from './compat-css';

export interface DetectedFeature {
  slug: string;
  count: number;
  sample: string;
}

/** Elements whose caniemail slug is `html-<tag>`. */
const TAG_SLUGS = new Set([
  'abbr', 'acronym', 'address', 'audio', 'base', 'bdi', 'blockquote', 'body', 'code', 'del', 'dfn', 'dialog', 'div',
  'form', 'hr', 'img', 'link', 'marquee', 'meter', 'object', 'p', 'picture', 'pre', 'progress', 'rp', 'rt', 'ruby',
  'select', 'small', 'span', 'strike', 'strong', 'style', 'svg', 'table', 'textarea', 'video', 'wbr',
]);
const TAG_ALIASES: Record<string, string> = {
  h1: 'html-h1-h6', h2: 'html-h1-h6', h3: 'html-h1-h6', h4: 'html-h1-h6', h5: 'html-h1-h6', h6: 'html-h1-h6',
  ul: 'html-lists', ol: 'html-lists', dl: 'html-lists',
  map: 'html-image-maps', area: 'html-image-maps',
  article: 'html-semantics', aside: 'html-semantics', details: 'html-semantics', figcaption: 'html-semantics',
  figure: 'html-semantics', footer: 'html-semantics', header: 'html-semantics', main: 'html-semantics',
  mark: 'html-semantics', nav: 'html-semantics', section: 'html-semantics', summary: 'html-semantics', time: 'html-semantics',
};
/** Attributes whose caniemail slug is `html-<attr>` (or the mapped slug). */
const ATTR_SLUGS: Record<string, string> = {
  align: 'html-align', background: 'html-background', cellpadding: 'html-cellpadding', cellspacing: 'html-cellspacing',
  dir: 'html-dir', height: 'html-height', width: 'html-width', hidden: 'html-hidden', lang: 'html-lang',
  loading: 'html-loading-attribute', required: 'html-required', role: 'html-role', srcset: 'html-srcset',
  target: 'html-target', valign: 'html-valign', popover: 'html-popover', inert: 'css-inert-attribute',
  'aria-describedby': 'html-aria-describedby', 'aria-hidden': 'html-aria-hidden', 'aria-label': 'html-aria-label',
  'aria-labelledby': 'html-aria-labelledby', 'aria-live': 'html-aria-live',
};
const INPUT_TYPES = new Set(['checkbox', 'hidden', 'radio', 'reset', 'submit', 'text']);
const IMAGE_EXT: Record<string, string> = {
  apng: 'image-apng', avif: 'image-avif', bmp: 'image-bmp', gif: 'image-gif', hdr: 'image-hdr', heif: 'image-heif',
  heic: 'image-heif', ico: 'image-ico', jpg: 'image-jpg', jpeg: 'image-jpg', mp4: 'image-mp4', png: 'image-png',
  svg: 'image-svg', tif: 'image-tiff', tiff: 'image-tiff', webp: 'image-webp',
};

function attrSample(name: string, attrs: Record<string, string>, only?: string): string {
  const shown = Object.entries(attrs)
    .filter(([k]) => only === undefined || k === only)
    .map(([k, v]) => (v === '' ? k : `${k}="${v.length > 40 ? `${v.slice(0, 37)}…` : v}"`));
  return `<${name}${shown.length ? ` ${shown.join(' ')}` : ''}>`.slice(0, 100);
}

function imageSlug(src: string): string | undefined {
  const data = /^data:image\/([\w+.-]+)/i.exec(src);
  if (data) return 'image-base64';
  const ext = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(src.trim())?.[1]?.toLowerCase();
  return ext ? IMAGE_EXT[ext] : undefined;
}

/** The caniemail features `html` uses; `known` filters to slugs the data has. */
export function detectFeatures(html: string, known: (slug: string) => boolean): DetectedFeature[] {
  const found = new Map<string, DetectedFeature>();
  const add = (slug: string, sample: string) => {
    if (!known(slug)) return;
    const f = found.get(slug);
    if (f) f.count++;
    else found.set(slug, { slug, count: 1, sample });
  };
  let inStyle = false;
  let styleText = '';
  const parser = new Parser(
    {
      onprocessinginstruction(name, data) {
        if (name.toLowerCase() === '!doctype') add('html-doctype', `<${data}>`);
      },
      oncomment(data) {
        add('html-comments', `<!--${data.length > 40 ? `${data.slice(0, 37)}…` : data}-->`);
      },
      onopentag(name, attrs) {
        if (TAG_SLUGS.has(name)) add(`html-${name}`, attrSample(name, attrs));
        if (TAG_ALIASES[name]) add(TAG_ALIASES[name], attrSample(name, attrs));
        if (name === 'input') {
          const type = (attrs.type ?? 'text').toLowerCase();
          if (INPUT_TYPES.has(type)) add(`html-input-${type}`, attrSample(name, attrs, 'type'));
        }
        if (name === 'button') {
          const type = (attrs.type ?? 'submit').toLowerCase();
          if (type === 'reset' || type === 'submit') add(`html-button-${type}`, attrSample(name, attrs, 'type'));
        }
        if (name === 'meta' && /^(?:color-scheme|supported-color-schemes)$/i.test(attrs.name ?? '')) add('html-meta-color-scheme', attrSample(name, attrs));
        if (name === 'a' && attrs.href !== undefined) {
          const href = attrs.href.trim();
          if (href.startsWith('#')) add('html-anchor-links', attrSample(name, attrs, 'href'));
          if (/^mailto:/i.test(href)) add('html-mailto-links', attrSample(name, attrs, 'href'));
        }
        if ((name === 'img' || name === 'source') && attrs.src !== undefined) {
          const slug = imageSlug(attrs.src);
          if (slug) add(slug, attrSample(name, attrs, 'src'));
        }
        for (const attr of Object.keys(attrs)) {
          const slug = ATTR_SLUGS[attr];
          if (slug) add(slug, attrSample(name, attrs, attr));
        }
        if (attrs.style) scanDeclarations(attrs.style, known, add);
        if (name === 'style') {
          inStyle = true;
          styleText = '';
        }
      },
      ontext(text) {
        if (inStyle) styleText += text;
      },
      onclosetag(name) {
        if (name === 'style' && inStyle) {
          inStyle = false;
          scanStylesheet(styleText, known, add);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return [...found.values()];
}
