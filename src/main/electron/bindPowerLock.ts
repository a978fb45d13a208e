import { powerMonitor } from 'electron';
import type { ApiService } from '../vault/apiService.js';

/**
 * When the machine leaves the user's hands, the vault locks: the screen locks (Windows, where a session
 * switch locks the session first, and macOS), the machine suspends, the macOS user is switched away, or
 * the OS shuts down. Linux reports no screen lock to Electron; there the idle timer and suspend cover it.
 * Returns the function that stops listening.
 */
export function bindPowerLock(service: Pick<ApiService, 'lock'>): () => void {
  const lock = (): void => service.lock('system');
  powerMonitor.on('lock-screen', lock);
  powerMonitor.on('suspend', lock);
  powerMonitor.on('user-did-resign-active', lock);
  powerMonitor.on('shutdown', lock);
  return () => {
    powerMonitor.off('lock-screen', lock);
    powerMonitor.off('suspend', lock);
    powerMonitor.off('user-did-resign-active', lock);
    powerMonitor.off('shutdown', lock);
  };
}
