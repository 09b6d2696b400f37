// Navigation slice: which screen is open (Inbox, Identities, Account, Suppression, Scenario rules, Templates,
// SNS, Event stream), kept in the address's hash (`#/identities`) so a reload or a shared link lands on the same screen.
// Owns: the current view and jumping to a message from another screen. Must not: fetch (screens load their
// own data when they open) or render.
import type { Slice } from './types';

export const VIEWS = ['inbox', 'identities', 'account', 'suppression', 'scenarios', 'templates', 'sns', 'event-stream', 'dashboard', 'dedicated-ips'] as const;
export type View = (typeof VIEWS)[number];

/** `#/account` → 'account'; anything else → the inbox. */
export function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '');
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : 'inbox';
}

export const hashFor = (view: View): string => (view === 'inbox' ? '' : `#/${view}`);

export interface NavSlice {
  view: View;
  setView: (view: View) => void;
  /** Show a message in the inbox with its Events tab open (after a simulator test send). */
  openMessage: (id: string) => void;
}

const initialView = (): View => (typeof window === 'undefined' ? 'inbox' : viewFromHash(window.location.hash));

export const createNavSlice: Slice<NavSlice> = (set, get) => ({
  view: initialView(),

  setView: (view) => {
    if (view === get().view) return;
    set({ view });
    if (typeof window !== 'undefined' && window.location.hash !== hashFor(view)) {
      const url = window.location.pathname + window.location.search + hashFor(view);
      window.history.replaceState(window.history.state, '', url);
    }
  },

  openMessage: (id) => {
    get().setView('inbox');
    get().setTab('events');
    if (get().selectedId === id) void get().loadDetail(id);
    else get().select(id);
  },
});
