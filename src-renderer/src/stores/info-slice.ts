// Info slice: the server's facts (/api/info) for the "Connect your app" panel and the empty inbox, and
// the live-stream connection state shown in the top bar. Must not: render.
import type { ServerInfo } from '../../../src-main/contract';
import { api, errorText } from '../api/client';
import type { LiveState } from '../api/live';
import type { Slice } from './types';

export interface InfoSlice {
  info: ServerInfo | null;
  infoError: string | null;
  liveState: LiveState;
  loadInfo: () => Promise<void>;
  setLiveState: (s: LiveState) => void;
}

export const createInfoSlice: Slice<InfoSlice> = (set) => ({
  info: null,
  infoError: null,
  liveState: 'connecting',

  loadInfo: async () => {
    try {
      const info = await api.info();
      set({ info, infoError: null });
    } catch (err) {
      set({ infoError: errorText(err) });
    }
  },

  setLiveState: (liveState) => set({ liveState }),
});
