// The global the preload adds. Present only in the Electron window.
import type { SesameBridge } from '../src-main/contract/bridge';

declare global {
  interface Window {
    sesame?: SesameBridge;
  }
}

export {};
