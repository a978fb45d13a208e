import type { HostBridge } from '../../shared/api.js';
import { createLoopbackBridge } from './loopbackBridge.js';

/** The Electron preload's bridge when there is one, else the loopback client of the web host. */
export function connectHostBridge(): HostBridge {
  return window.totpVault ?? createLoopbackBridge(window.location);
}
