// Handlebars as SES renders it (ses-facts §A.11): no HTML escaping, nested paths, each/if/else, built-in
// helpers, inline partials, and the missing-attribute detection that makes SES report a rendering failure
// where plain Handlebars would render an empty string.
import { describe, expect, it } from 'vitest';
import Handlebars from 'handlebars';
import { parseData, render, renderLenient, syntaxError } from '../../../src-main/core/templates/render';
import type { TemplateContent } from '../../../src-main/core/templates/api';

const t = (html: string, subject = 'S'): TemplateContent => ({ subject, text: null, html });
const ok = (html: string, data: unknown) => {
  const out = render(t(html), data);
  if (!out.ok) throw new Error(`expected a render, got ${out.kind}: ${out.message}`);
  return out.html;
};
const missing = (html: string, data: unknown) => {
  const out = render(t(html), data);
  if (out.ok) throw new Error(`expected a failure, rendered ${JSON.stringify(out.html)}`);
  return out;
};

describe('rendering', () => {
  it('does not HTML-escape substituted values, even in the HTML part', () => {
    expect(ok('<p>{{name}}</p>', { name: '<b>Ann & Bo</b>' })).toBe('<p><b>Ann & Bo</b></p>');
  });

  it('renders nested paths, each with @index, if/else and unless', () => {
    const html = '{{contact.first}}:{{#each items}}[{{@index}}={{this.n}}]{{/each}}{{#if vip}}VIP{{else}}std{{/if}}{{#unless vip}}!{{/unless}}';
    expect(ok(html, { contact: { first: 'Ann' }, items: [{ n: 'a' }, { n: 'b' }], vip: false })).toBe('Ann:[0=a][1=b]std!');
  });

  it('renders inline partials and the lookup/with helpers', () => {
    const html = '{{#*inline "greet"}}Hi {{name}}{{/inline}}{{> greet}} {{#with pet}}{{kind}}{{/with}} {{lookup colors 1}}';
    expect(ok(html, { name: 'Ann', pet: { kind: 'cat' }, colors: ['red', 'blue'] })).toBe('Hi Ann cat blue');
  });

  it('uses its own Handlebars environment (nothing registered globally)', () => {
    Handlebars.registerHelper('shout', (s: string) => s.toUpperCase());
    try {
      const out = render(t('{{shout name}}'), { name: 'a' });
      expect(out.ok).toBe(false);
    } finally {
      Handlebars.unregisterHelper('shout');
    }
  });
});

describe('missing attributes', () => {
  it('reports a top-level attribute with SES’s text', () => {
    expect(missing('Hello {{name}}', {})).toEqual({ ok: false, kind: 'MissingRenderingAttribute', message: "Attribute 'name' is not present in the rendering data." });
  });

  it('reports a nested path as written', () => {
    expect(missing('{{contact.firstName}}', { contact: {} }).message).toContain("'contact.firstName'");
  });

  it('checks the subject first, then text, then HTML', () => {
    const out = render({ subject: 'Hi {{a}}', text: '{{b}}', html: '{{c}}' }, {});
    expect(!out.ok && out.message).toContain("'a'");
  });

  it('resolves inside #each against the item, with ../ going out a level and block params by name', () => {
    expect(ok('{{#each xs}}{{v}}{{../sep}}{{/each}}', { xs: [{ v: 1 }, { v: 2 }], sep: ',' })).toBe('1,2,');
    expect(missing('{{#each xs}}{{v}}{{/each}}', { xs: [{ v: 1 }, { w: 2 }] }).message).toContain("'v'");
    expect(missing('{{#each xs}}{{../sep}}{{/each}}', { xs: [1] }).message).toContain("'sep'");
    expect(ok('{{#each xs as |x i|}}{{i}}{{x.v}}{{/each}}', { xs: [{ v: 'a' }] })).toBe('0a');
    expect(ok('{{#each xs}}{{@root.top}}{{/each}}', { xs: [1], top: 'T' })).toBe('T');
  });

  it('checks only the branch that renders: an absent #if condition is falsy, not missing', () => {
    expect(ok('{{#if user}}{{user.name}}{{else}}guest{{/if}}', {})).toBe('guest');
    expect(missing('{{#if user}}{{user.name}}{{else}}guest{{/if}}', { user: { id: 1 } }).message).toContain("'user.name'");
    expect(missing('{{#if flag}}x{{else}}{{fallback}}{{/if}}', {}).message).toContain("'fallback'");
    expect(ok('{{#each none}}x{{else}}empty{{/each}}', {})).toBe('empty');
  });

  it('follows else-if chains to the branch that renders', () => {
    const html = '{{#if a}}{{x}}{{else if b}}{{y}}{{else}}{{z}}{{/if}}';
    expect(ok(html, { b: true, y: 'Y' })).toBe('Y');
    expect(missing(html, { b: true }).message).toContain("'y'");
    expect(missing(html, {}).message).toContain("'z'");
  });

  it('counts null as present, and @index-style data variables as always present', () => {
    expect(ok('[{{a}}]', { a: null })).toBe('[]');
    expect(ok('{{#each xs}}{{@index}}-{{@first}}{{/each}}', { xs: [1] })).toBe('0-true');
  });

  it('checks helper arguments and partial contexts', () => {
    expect(missing('{{lookup colors idx}}', { colors: [] }).message).toContain("'idx'");
    expect(missing('{{#*inline "p"}}{{x}}{{/inline}}{{> p}}', {}).message).toContain("'x'");
    expect(ok('{{#*inline "p"}}{{x}}{{/inline}}{{> p x=y}}', { y: 'Y' })).toBe('Y');
  });

  it('a partial that does not exist is an invalid template', () => {
    expect(missing('{{> nope}}', {}).kind).toBe('InvalidTemplate');
  });
});

describe('data and syntax', () => {
  it('TemplateData that is not JSON is InvalidRenderingParameter', () => {
    const out = parseData('{nope');
    expect(out.ok).toBe(false);
    expect(!out.ok && out.kind).toBe('InvalidRenderingParameter');
  });

  it('reports syntax errors per part, and none for valid templates', () => {
    expect(syntaxError({ subject: 'ok', text: '{{#if}}', html: null })).toMatch(/Parse error|Expecting/);
    expect(syntaxError({ subject: '{{a}}', text: '{{#each b}}{{/each}}', html: null })).toBeNull();
  });

  it('lenient rendering leaves missing values empty (what a failed send is kept as)', () => {
    expect(renderLenient(t('Hi {{name}}!', 'To {{who}}'), {})).toEqual({ subject: 'To ', text: null, html: 'Hi !' });
  });
});
