// UI slice: view choices that outlive one component (the open message tab, the connect panel) and the
// transient notice line. Must not: hold server data.
import type { Slice } from './types';

export type MessageTab =
  | 'html'
  | 'text'
  | 'headers'
  | 'raw'
  | 'attachments'
  | 'envelope'
  | 'template'
  | 'authentication'
  | 'mime'
  | 'compatibility'
  | 'events';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface UiSlice {
  /** The tab the user last chose; kept across messages (falls back when a message lacks that part). */
  tab: MessageTab | null;
  connectOpen: boolean;
  notice: Notice | null;
  setTab: (tab: MessageTab) => void;
  setConnectOpen: (open: boolean) => void;
  notify: (kind: Notice['kind'], text: string) => void;
  dismissNotice: () => void;
}

let noticeSeq = 0;
let noticeTimer: ReturnType<typeof setTimeout> | null = null;
const NOTICE_MS = 6_000;

export const createUiSlice: Slice<UiSlice> = (set) => ({
  tab: null,
  connectOpen: false,
  notice: null,

  setTab: (tab) => set({ tab }),
  setConnectOpen: (connectOpen) => set({ connectOpen }),

  notify: (kind, text) => {
    if (noticeTimer) clearTimeout(noticeTimer);
    set({ notice: { id: ++noticeSeq, kind, text } });
    noticeTimer = setTimeout(() => set({ notice: null }), NOTICE_MS);
  },

  dismissNotice: () => {
    if (noticeTimer) clearTimeout(noticeTimer);
    set({ notice: null });
  },
});
