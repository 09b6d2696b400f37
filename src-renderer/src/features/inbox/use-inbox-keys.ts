// Hook: the inbox's keyboard shortcuts, installed once on the window.
//   j / k            next / previous message (anywhere outside text fields)
//   ArrowDown / Up   same, when focus is on the list or nowhere in particular
//   Delete           delete the open message (Backspace too, when the list has focus)
//   u                toggle read / unread
//   /                focus the search box
// Must not: run while a text field, a dialog or a modifier key is involved, or on another screen than the inbox.
import { useEffect } from 'react';
import { useStore } from '../../stores';
import { SEARCH_INPUT_ID } from './SearchBox';

function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (el as HTMLElement).isContentEditable;
}

/** Focus is on the list itself, or on nothing that owns arrow keys. */
function arrowsAreOurs(el: Element | null): boolean {
  return !el || el === document.body || el.closest('[data-inbox-list]') !== null;
}

export function useInboxKeys(): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const active = document.activeElement;
      if (isEditable(active) || active?.closest('dialog[open]')) return;
      const s = useStore.getState();
      if (s.connectOpen || s.view !== 'inbox') return;
      switch (e.key) {
        case 'j':
        case 'k':
          e.preventDefault();
          s.moveSelection(e.key === 'j' ? 1 : -1);
          return;
        case 'ArrowDown':
        case 'ArrowUp':
          if (!arrowsAreOurs(active)) return;
          e.preventDefault();
          s.moveSelection(e.key === 'ArrowDown' ? 1 : -1);
          return;
        case 'Backspace':
          if (!active?.closest('[data-inbox-list]')) return;
          if (s.selectedId) {
            e.preventDefault();
            void s.deleteMessage(s.selectedId);
          }
          return;
        case 'Delete':
          if (s.selectedId) {
            e.preventDefault();
            void s.deleteMessage(s.selectedId);
          }
          return;
        case 'u': {
          const m = s.items.find((x) => x.id === s.selectedId) ?? s.detail;
          if (m) void s.markRead(m.id, !m.read);
          return;
        }
        case '/':
          e.preventDefault();
          document.getElementById(SEARCH_INPUT_ID)?.focus();
          return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
