// Applies the theme preference to the document: `data-theme="light|dark"` on <html>, or no attribute for
// "system" (base.css then follows prefers-color-scheme). The last choice is also remembered in
// localStorage and applied before the first render, so a reload does not flash the other theme while
// /api/preferences loads; the server's value always wins once it arrives.
// Owns: the <html> attribute and that cache. Must not: read or write preferences (the store does).
import type { Preferences } from '../../../src-main/contract';

export type Theme = Preferences['theme'];

const CACHE_KEY = 'sesame.theme';

/** The attribute value for a theme: null means "no attribute" (follow the system). */
export function themeAttribute(theme: Theme): 'light' | 'dark' | null {
  return theme === 'light' || theme === 'dark' ? theme : null;
}

function setAttribute(theme: Theme): void {
  const root = document.documentElement;
  const value = themeAttribute(theme);
  if (value) root.setAttribute('data-theme', value);
  else root.removeAttribute('data-theme');
}

export function applyTheme(theme: Theme): void {
  setAttribute(theme);
  try {
    window.localStorage.setItem(CACHE_KEY, theme);
  } catch {
    // Storage can be disabled; the theme still applies once preferences load.
  }
}

/** Called once at startup, before React renders. */
export function applyCachedTheme(): void {
  try {
    const cached = window.localStorage.getItem(CACHE_KEY);
    if (cached === 'light' || cached === 'dark' || cached === 'system') setAttribute(cached);
  } catch {
    // No storage: start with the system theme.
  }
}
