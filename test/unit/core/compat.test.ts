// HTML compatibility (issue 5): feature detection on small fixtures, support from the real caniemail package
// data, and the exact score arithmetic on a tiny hand-made data set.
import { describe, expect, it } from 'vitest';
import type { CompatData, CompatFeatureData, PairSupport } from '../../../src-main/core/inspect/compat-data';
import { compatData, parseSupport } from '../../../src-main/core/inspect/compat-data';
import { compatibilityReport } from '../../../src-main/core/inspect/compat';
import { detectFeatures } from '../../../src-main/core/inspect/compat-detect';
import { crlf, makeEngine, rawRequest } from './helpers';

const real = compatData();
const known = (slug: string) => real.features.has(slug);
const slugs = (html: string) => detectFeatures(html, known).map((f) => f.slug).sort();

describe('feature detection', () => {
  it('finds display:flex in a style attribute, with its units', () => {
    expect(slugs('<div style="display:flex; padding: 4px 1em">x</div>')).toEqual(['css-display-flex', 'css-padding', 'css-unit-em', 'css-unit-px', 'html-div']);
  });

  it('finds @media, its media feature, selectors and pseudo-classes in a <style> block', () => {
    const found = slugs(`<style>/* c */ @media (prefers-color-scheme: dark) { .card > a:hover { color: rgb(1,2,3) !important } }
      p + p, #x ~ span { margin-top: 2% } </style>`);
    expect(found).toEqual(
      expect.arrayContaining([
        'css-at-media', 'css-at-media-prefers-color-scheme', 'css-comments', 'css-selector-class', 'css-selector-child',
        'css-pseudo-class-hover', 'css-selector-type', 'css-rgb', 'css-important', 'css-selector-adjacent-sibling',
        'css-selector-general-sibling', 'css-selector-grouping', 'css-selector-id', 'css-margin', 'css-unit-percent', 'html-style',
      ]),
    );
    expect(found).not.toContain('css-display-flex');
  });

  it('finds background-image (also through the background shorthand), <video> and image formats', () => {
    expect(slugs('<td style="background: url(a.png) no-repeat"><video src="m.mp4"></video><img src="https://x.test/p.webp?v=1"><img src="data:image/gif;base64,R0l"></td>')).toEqual(
      ['css-background', 'css-background-image', 'html-img', 'html-video', 'image-base64', 'image-webp'],
    );
  });

  it('counts occurrences and keeps the first sample', () => {
    const f = detectFeatures('<p style="display:flex">a</p><p style="display: flex">b</p>', known).find((x) => x.slug === 'css-display-flex');
    expect(f).toEqual({ slug: 'css-display-flex', count: 2, sample: 'display: flex' });
  });

  it('tolerates broken CSS', () => {
    expect(() => slugs('<style>@media screen { .a { color: red </style><div style="::;;: {">')).not.toThrow();
    expect(slugs('<style>@media screen { .a { color: red </style>')).toContain('css-at-media');
  });
});

describe('support data from the caniemail package', () => {
  it('reads the newest tested version per client/platform, with partial-support notes', () => {
    const flex = compatibilityReport('m1', ['<div style="display:flex">x</div>']).features.find((f) => f.slug === 'css-display-flex')!;
    const pick = (family: string, platform: string) => flex.clients.find((c) => c.family === family && c.platform === platform)!;
    expect(pick('outlook', 'windows')).toMatchObject({ familyName: 'Outlook', platformName: 'Windows', support: 'n', version: '2019' });
    expect(pick('gmail', 'android')).toMatchObject({ support: 'a', notes: ['Not supported with non Google accounts.'] });
    expect(pick('apple-mail', 'macos').support).toBe('y');
    expect(flex.url).toBe('https://www.caniemail.com/features/css-display-flex/');
  });

  it('parses support codes with note numbers', () => {
    expect(parseSupport('2020', 'a #1 #2', { notes: 'General.', notes_by_num: { 1: 'One', 2: 'Two' } })).toEqual({ version: '2020', support: 'a', notes: ['One', 'Two', 'General.'] });
    expect(parseSupport('x', '?', { notes: null, notes_by_num: null }).support).toBe('u');
  });

  it('puts the worst features and clients first; no HTML means no score', () => {
    const r = compatibilityReport('m2', ['<div style="display:flex; color: red"><video></video></div>']);
    expect(r.hasHtml).toBe(true);
    expect(r.features[0].score).toBeLessThanOrEqual(r.features[r.features.length - 1].score);
    expect(r.clients[0].support).toBe('n');
    expect(r.source).toMatch(/^caniemail 2\./);
    expect(compatibilityReport('m3', [])).toMatchObject({ hasHtml: false, score: null, features: [] });
  });
});

describe('score', () => {
  const s = (support: PairSupport['support'], notes: string[] = []): PairSupport => ({ version: '1', support, notes });
  const feature = (slug: string, support: [string, PairSupport][]): CompatFeatureData => ({ slug, title: slug, category: 'css', url: '', support: new Map(support) });
  const tiny: CompatData = {
    features: new Map([
      ['css-display-flex', feature('css-display-flex', [['a/x', s('y')], ['b/x', s('a', ['half'])], ['c/x', s('y')], ['d/x', s('y')]])],
      ['html-video', feature('html-video', [['a/x', s('y')], ['b/x', s('y')], ['c/x', s('n')]])],
    ]),
    pairs: ['a/x', 'b/x', 'c/x', 'd/x', 'e/x'].map((key) => ({ key, family: key[0], platform: 'x' })),
    familyName: (f) => f.toUpperCase(),
    platformName: (p) => p,
    dataDate: '2026-01-01',
    source: 'test',
  };

  it('is the share of pairs fully supporting everything, partial counted as half, unknown pairs left out', () => {
    const r = compatibilityReport('m', ['<div style="display:flex"><video></video></div>'], tiny);
    // a: y,y → 1; b: a,y → ½; c: y,n → 0; d: y,u → 1; e: u,u → left out. (1 + ½ + 0 + 1) / 4 = 62.5
    expect(r.score).toBe(62.5);
    expect(r.features.map((f) => [f.slug, f.score])).toEqual([['html-video', 66.7], ['css-display-flex', 87.5]]);
    expect(r.clients.map((c) => [c.family, c.support])).toEqual([['c', 'n'], ['b', 'a'], ['a', 'y'], ['d', 'y'], ['e', 'u']]);
    expect(r.clients[0].unsupported).toEqual(['html-video']);
    expect(r.clients[1].partial).toEqual(['css-display-flex']);
  });

  it('is null when nothing is detected', () => {
    expect(compatibilityReport('m', ['<b>hi</b>'], tiny).score).toBeNull();
  });
});

describe('performance', () => {
  it('checks a large HTML part quickly (the data is loaded once)', () => {
    const big = `<table>${'<tr><td style="padding:4px;color:#111;font-family:Arial" class="x"><a href="#a">x</a></td></tr>'.repeat(5000)}</table>`;
    const t = performance.now();
    const r = compatibilityReport('big', [big]);
    const ms = performance.now() - t;
    expect(r.features.find((f) => f.slug === 'css-padding')?.count).toBe(5000);
    expect(compatData()).toBe(real);
    expect(ms).toBeLessThan(1500);
  });
});

describe('engine.inspect.compatibility', () => {
  it('checks the HTML parts of a stored message (quoted-printable, beside a text part); no HTML, no score', async () => {
    const { engine } = makeEngine();
    const raw = crlf(
      'From: a@example.com', 'To: b@example.org', 'Subject: c', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b"', '',
      '--b', 'Content-Type: text/plain', '', 'display:flex in text is not HTML', '--b',
      'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '', '<div style=3D"display:flex">x</div>', '--b--', '',
    );
    const { messageId } = await engine.sending.send(rawRequest(raw));
    const report = (await engine.inspect.compatibility(messageId))!;
    expect(report.hasHtml).toBe(true);
    expect(report.features.map((f) => f.slug).sort()).toEqual(['css-display-flex', 'html-div']);
    const textOnly = await engine.sending.send(rawRequest(crlf('From: a@example.com', 'To: b@example.org', 'Subject: t', '', '<div style="display:flex">')));
    expect(await engine.inspect.compatibility(textOnly.messageId)).toMatchObject({ hasHtml: false, score: null });
    expect(await engine.inspect.compatibility('no-such-id')).toBeUndefined();
  });
});
