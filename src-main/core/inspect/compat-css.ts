// A small tolerant CSS scanner for the compatibility check (issue 5): finds the caniemail features a
// stylesheet (<style> block) or declaration list (style="…") uses — properties and notable values,
// units and functions, at-rules and media features, selectors, pseudo-classes and pseudo-elements.
// It never fails: unbalanced braces or odd syntax are scanned as far as they make sense.
// Owns: CSS → feature slugs. Must not: know HTML or support data (compat-detect.ts / compat-data.ts).

/** Called once per occurrence: the caniemail slug and a short sample of the CSS that uses it. */
export type Found = (slug: string, sample: string) => void;

/** Property names that map to a differently named caniemail slug. */
const PROPERTY_ALIASES: Record<string, string> = {
  top: 'css-left-right-top-bottom',
  right: 'css-left-right-top-bottom',
  bottom: 'css-left-right-top-bottom',
  left: 'css-left-right-top-bottom',
  'column-gap': 'css-gap',
  'row-gap': 'css-gap',
  'grid-template-columns': 'css-grid-template',
  'grid-template-rows': 'css-grid-template',
  'grid-template-areas': 'css-grid-template',
  'text-decoration-skip': 'css-text-decoration-skip-ink',
  'overflow-x': 'css-overflow',
  'overflow-y': 'css-overflow',
  'inline-size': 'css-inline-size',
  'block-size': 'css-block-inline-size',
  'column-width': 'css-column-layout-properties',
  'column-rule': 'css-column-layout-properties',
  'column-span': 'css-column-layout-properties',
  'column-fill': 'css-column-layout-properties',
  'margin-block-start': 'css-margin-block-start-end',
  'margin-block-end': 'css-margin-block-start-end',
  'margin-inline-start': 'css-margin-inline-start-end',
  'margin-inline-end': 'css-margin-inline-start-end',
  'margin-inline': 'css-margin-inline-block',
  'margin-block': 'css-margin-inline-block',
  'padding-block-start': 'css-padding-block-start-end',
  'padding-block-end': 'css-padding-block-start-end',
  'padding-inline-start': 'css-padding-inline-start-end',
  'padding-inline-end': 'css-padding-inline-start-end',
  'padding-inline': 'css-padding-inline-block',
  'padding-block': 'css-padding-inline-block',
  'border-inline': 'css-border-inline-block',
  'border-block': 'css-border-inline-block',
  '-webkit-text-decoration-color': 'css-text-decoration-color',
};

/** Prefix families: any `margin-top` etc. counts as the base property. */
const PREFIX_SLUGS: [RegExp, string][] = [
  [/^border-(?:top|right|bottom|left)(?:-|$)/, 'css-border'],
  [/^border-(?:width|style|color)$/, 'css-border'],
  [/^border-(?:top|bottom)-(?:left|right)-radius$/, 'css-border-radius'],
  [/^border-(?:start|end)-(?:start|end)-radius$/, 'css-border-radius-logical'],
  [/^border-(?:inline|block)-(?:start|end)$/, 'css-border-inline-block-individual'],
  [/^border-(?:inline|block)-(?:width|style|color)$/, 'css-border-inline-block-longhand'],
  [/^margin-(?:top|right|bottom|left)$/, 'css-margin'],
  [/^padding-(?:top|right|bottom|left)$/, 'css-padding'],
  [/^font-(?:family|style|variant)$/, 'css-font'],
  [/^list-style-/, 'css-list-style'],
  [/^animation-/, 'css-animation'],
  [/^transition-/, 'css-transition'],
  [/^scroll-snap-/, 'css-scroll-snap'],
  [/^(?:contain-intrinsic-)/, 'css-intrinsic-size'],
];

const UNITS = ['px', 'em', 'rem', 'ex', 'ch', 'vw', 'vh', 'vmin', 'vmax', 'cm', 'mm', 'in', 'pt', 'pc'];
const FUNCTIONS: Record<string, string> = {
  calc: 'css-unit-calc',
  clamp: 'css-function-clamp',
  min: 'css-function-min',
  max: 'css-function-max',
  'light-dark': 'css-function-light-dark',
  'linear-gradient': 'css-linear-gradient',
  'repeating-linear-gradient': 'css-linear-gradient',
  'radial-gradient': 'css-radial-gradient',
  'repeating-radial-gradient': 'css-radial-gradient',
  'conic-gradient': 'css-conic-gradient',
  rgb: 'css-rgb',
  rgba: 'css-rgba',
  var: 'css-variables',
  hwb: 'css-modern-color',
  lab: 'css-modern-color',
  lch: 'css-modern-color',
  oklab: 'css-modern-color',
  oklch: 'css-modern-color',
  'color-mix': 'css-modern-color',
};
const MEDIA_FEATURES: [RegExp, string][] = [
  [/prefers-color-scheme/, 'css-at-media-prefers-color-scheme'],
  [/prefers-reduced-motion/, 'css-at-media-prefers-reduced-motion'],
  [/\borientation\b/, 'css-at-media-orientation'],
  [/\bhover\b/, 'css-at-media-hover'],
  [/device-pixel-ratio|\bresolution\b/, 'css-at-media-device-pixel-ratio'],
];

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
}

/** Features used by a declaration list (`color: red; display: flex`). `known` says whether a slug exists. */
export function scanDeclarations(css: string, known: (slug: string) => boolean, found: Found): void {
  for (const decl of splitDeclarations(css)) {
    const colon = decl.indexOf(':');
    if (colon <= 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    let value = decl.slice(colon + 1).trim();
    const sample = short(`${prop}: ${value}`);
    if (/!\s*important\s*$/i.test(value)) {
      found('css-important', sample);
      value = value.replace(/!\s*important\s*$/i, '').trim();
    }
    if (prop.startsWith('--')) {
      found('css-variables', sample);
      continue;
    }
    propertySlug(prop, value.toLowerCase(), known, sample, found);
    valueFeatures(value.toLowerCase(), sample, found);
  }
}

function propertySlug(prop: string, value: string, known: (slug: string) => boolean, sample: string, found: Found): void {
  const bare = prop.replace(/^-(?:webkit|moz|ms|o)-/, '');
  if (bare === 'display') {
    const v = value.split(/\s/)[0];
    if (v === 'flex' || v === 'inline-flex') return found('css-display-flex', sample);
    if (v === 'grid' || v === 'inline-grid') return found('css-display-grid', sample);
    if (v === 'none') return found('css-display-none', sample);
    return found('css-display', sample);
  }
  if (bare === 'background' && /url\(/.test(value)) found('css-background-image', sample);
  if (bare === 'white-space' && /collapse/.test(value)) found('css-white-space-collapse', sample);
  if (bare === 'font-family' && /system-ui/.test(value)) found('css-sytem-ui', sample);
  const alias = PROPERTY_ALIASES[bare] ?? PROPERTY_ALIASES[prop];
  if (alias) return found(alias, sample);
  if (known(`css-${bare}`)) return found(`css-${bare}`, sample);
  for (const [re, slug] of PREFIX_SLUGS) if (re.test(bare)) return found(slug, sample);
}

function valueFeatures(value: string, sample: string, found: Found): void {
  for (const m of value.matchAll(/(?:^|[^\w-])([a-z-]+)\(/g)) {
    const slug = FUNCTIONS[m[1]];
    if (slug) found(slug, sample);
  }
  const units = new Set<string>();
  for (const m of value.matchAll(/(?:^|[\s(,/+*-])-?(?:\d+\.?\d*|\.\d+)(%|[a-z]+)/g)) units.add(m[1]);
  for (const u of units) {
    if (u === '%') found('css-unit-percent', sample);
    else if (UNITS.includes(u)) found(`css-unit-${u}`, sample);
  }
  if (/\binitial\b/.test(value)) found('css-unit-initial', sample);
}

function splitDeclarations(css: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      out.push(css.slice(start, i));
      start = i + 1;
    }
  }
  out.push(css.slice(start));
  return out.filter((d) => d.trim() !== '');
}

/** Features used by a stylesheet: comments, at-rules, selectors and every rule's declarations. */
export function scanStylesheet(css: string, known: (slug: string) => boolean, found: Found): void {
  if (/\/\*[\s\S]*?\*\//.test(css)) found('css-comments', short(css.match(/\/\*[\s\S]*?\*\//)![0]));
  const text = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ');
  let i = 0;
  let prelude = '';
  const stack: string[] = [];
  while (i < text.length) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      const stop = end < 0 ? text.length : end + 1;
      prelude += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === ';' && prelude.trim().startsWith('@')) {
      atRule(prelude.trim(), found);
      prelude = '';
    } else if (c === '{') {
      const head = prelude.trim();
      prelude = '';
      const parent = stack[stack.length - 1] ?? '';
      if (head.startsWith('@')) {
        atRule(head, found);
        stack.push(head.toLowerCase());
      } else if (parent.startsWith('@font-face') || parent.startsWith('@keyframes') || /^(?:from|to|\d)/.test(head)) {
        stack.push(head);
      } else {
        if (stack.some((h) => !h.startsWith('@'))) found('css-nesting', short(head));
        scanSelectors(head, found);
        stack.push(head);
      }
      if (head.startsWith('@') && !head.toLowerCase().startsWith('@font-face')) {
        i++; // a group rule (@media, @supports …): its content is rules, scanned as they come
        continue;
      }
      // A style rule (or @font-face): declarations run to the next `}`, or to a nested rule's selector.
      const close = findBlockBodyEnd(text, i + 1);
      let body = text.slice(i + 1, close);
      if (text[close] === '{') {
        const cut = body.lastIndexOf(';');
        prelude = body.slice(cut + 1);
        body = cut < 0 ? '' : body.slice(0, cut);
      }
      scanDeclarations(body, known, found);
      i = close;
      continue;
    } else if (c === '}') {
      stack.pop();
      prelude = '';
    } else prelude += c;
    i++;
  }
}

/** Index of the first `{` or `}` after `from` (the end of the declarations directly in a block). */
function findBlockBodyEnd(text: string, from: number): number {
  for (let j = from; j < text.length; j++) if (text[j] === '{' || text[j] === '}') return j;
  return text.length;
}

function atRule(head: string, found: Found): void {
  const name = (head.match(/^@([\w-]+)/)?.[1] ?? '').toLowerCase();
  const sample = short(head);
  if (name === 'media') {
    found('css-at-media', sample);
    for (const [re, slug] of MEDIA_FEATURES) if (re.test(head.toLowerCase())) found(slug, sample);
  } else if (name === 'font-face') found('css-at-font-face', sample);
  else if (name === 'import') found('css-at-import', sample);
  else if (name === 'keyframes' || name.endsWith('-keyframes')) found('css-at-keyframes', sample);
  else if (name === 'supports') found('css-at-supports', sample);
}

/** Selector features: combinators, simple selectors, pseudo-classes and pseudo-elements. */
export function scanSelectors(selectorList: string, found: Found): void {
  const sample = short(selectorList);
  const list = selectorList.split(',');
  if (list.length > 1) found('css-selector-grouping', sample);
  for (const raw of list) {
    const sel = raw.replace(/\[[^\]]*\]/g, (m) => (found('css-selector-attribute', sample), m.replace(/[\s>+~]/g, '_')));
    const compounds = sel.trim().split(/\s*[>+~]\s*|\s+/).filter(Boolean);
    if (/\S\s*>\s*\S/.test(sel)) found('css-selector-child', sample);
    if (/\S\s*\+\s*\S/.test(sel)) found('css-selector-adjacent-sibling', sample);
    if (/\S\s*~\s*\S/.test(sel)) found('css-selector-general-sibling', sample);
    if (/[^\s>+~]\s+[^\s>+~]/.test(sel.trim())) found('css-selector-descendant', sample);
    for (const compound of compounds) {
      const parts = compound.match(/::?[\w-]+(?:\([^)]*\))?|[.#]?[\w-]+|\*|\[[^\]]*\]/g) ?? [];
      if (parts.length > 1 && !/^::?/.test(parts[1] ?? '')) found('css-selector-chaining', sample);
      for (const p of parts) {
        if (p === '*') found('css-selector-universal', sample);
        else if (p.startsWith('::')) found(`css-pseudo-element-${p.slice(2).replace(/\(.*$/, '')}`, sample);
        else if (p.startsWith(':')) {
          const name = p.slice(1).replace(/\(.*$/, '').toLowerCase();
          if (name === 'before' || name === 'after' || name === 'first-letter' || name === 'first-line') found(`css-pseudo-element-${name}`, sample);
          else found(`css-pseudo-class-${name}`, sample);
        } else if (p.startsWith('.')) found('css-selector-class', sample);
        else if (p.startsWith('#')) found('css-selector-id', sample);
        else if (/^[a-z][\w-]*$/i.test(p)) found('css-selector-type', sample);
      }
    }
  }
}
