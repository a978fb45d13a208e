import type { HostBridge } from '../../shared/api.js';

declare global {
  interface Window {
    /** Set by the Electron preload (contextBridge); absent when the page is served by the web host. */
    readonly totpVault?: HostBridge;
  }
}

export {};
