// PNG export of a message's HTML preview without Electron (issue 5): the machine's own Chromium, driven by
// playwright-core, loads the preview URL the UI API serves (the message's preview capability, never the
// token) and captures the whole page. JavaScript is off in the page, every request that does not go to this
// Sesame's UI origin is aborted (remote content stays off even if the preview were asked for with it), and
// popups/navigations away never load. One browser is launched on first use and closed after a minute idle.
// Owns: finding a Chromium, that browser's lifetime, and the capture. Must not: download a browser (Playwright's
// own download is never used — an explicit executable only), or load any URL but the preview it is given.
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

/** Where Debian, Ubuntu, Fedora, Arch and macOS keep Chromium or Chrome; the first that exists is used. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** The configured path, or the first installed candidate for `auto`; null when there is none (export unavailable). */
export function findChromium(configured: string | null, exists: (p: string) => boolean = existsSync): string | null {
  if (configured === null) return null;
  if (configured !== 'auto') return exists(configured) ? configured : null;
  return CANDIDATES.find((p) => exists(p)) ?? null;
}

/** Flags for a quiet headless browser that reaches for nothing on the network by itself. */
const ARGS = ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--mute-audio'];
/** Longest page captured, CSS px (a runaway layout must not make a gigapixel PNG). */
export const MAX_CAPTURE_HEIGHT = 16_000;
const IDLE_CLOSE_MS = 60_000;
const LOAD_TIMEOUT_MS = 15_000;

/**
 * How tall the mail is: the extent of the body's content plus its bottom margin — not the viewport (mail
 * without a doctype renders in quirks mode, where html and body fill the window). Playwright evaluates in its
 * own world, so this works with the page's JavaScript off; if it can't, the page is captured at full length.
 */
async function contentHeight(page: Page): Promise<number> {
  return page.evaluate<number>(CONTENT_HEIGHT).catch(() => MAX_CAPTURE_HEIGHT);
}

/** Evaluated in the page (a string: this module is compiled without the DOM's types). */
const CONTENT_HEIGHT = `(() => {
  const body = document.body;
  if (!body) return document.documentElement.scrollHeight;
  const range = document.createRange();
  range.selectNodeContents(body);
  return Math.ceil(range.getBoundingClientRect().bottom + (parseFloat(getComputedStyle(body).marginBottom) || 0) + window.scrollY);
})()`;

export interface PreviewCapturer {
  /** The browser used, for ServerInfo; null = PNG export not available here. */
  readonly executable: string | null;
  /** A PNG of `url` (a same-origin preview URL) at `width` CSS px, full height up to MAX_CAPTURE_HEIGHT. */
  capture(url: string, width: number): Promise<Buffer>;
  close(): Promise<void>;
}

export function createPreviewCapturer(executable: string | null): PreviewCapturer {
  let browser: Promise<Browser> | null = null;
  let idle: NodeJS.Timeout | null = null;
  let busy = 0;

  const launch = async (): Promise<Browser> => {
    const { chromium } = await import('playwright-core');
    const b = await chromium.launch({ executablePath: executable!, headless: true, args: ARGS });
    b.on('disconnected', () => {
      browser = null;
    });
    return b;
  };
  const shutDown = async () => {
    const b = browser;
    browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => undefined);
  };

  return {
    executable,
    async capture(url, width) {
      if (!executable) throw new Error('No Chromium found for PNG export (set --chromium <path>).');
      const target = new URL(url);
      if (idle) clearTimeout(idle);
      busy++;
      try {
        browser ??= launch().catch((err: unknown) => {
          browser = null;
          throw err;
        });
        const ctx = await (await browser).newContext({ javaScriptEnabled: false, viewport: { width, height: 900 }, acceptDownloads: false, serviceWorkers: 'block' });
        try {
          await ctx.route('**/*', (route) => (new URL(route.request().url()).origin === target.origin ? route.continue() : route.abort('blockedbyclient')));
          const page = await ctx.newPage();
          page.on('popup', (p) => void p.close());
          await page.goto(target.href, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
          const height = Math.max(1, Math.min(MAX_CAPTURE_HEIGHT, await contentHeight(page)));
          return await page.screenshot({ type: 'png', fullPage: true, clip: { x: 0, y: 0, width, height }, timeout: LOAD_TIMEOUT_MS });
        } finally {
          await ctx.close().catch(() => undefined);
        }
      } finally {
        busy--;
        if (busy === 0) {
          idle = setTimeout(() => void shutDown(), IDLE_CLOSE_MS);
          idle.unref();
        }
      }
    },
    async close() {
      if (idle) clearTimeout(idle);
      await shutDown();
    },
  };
}
