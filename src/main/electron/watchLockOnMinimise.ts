import { DEFAULT_PREFERENCES } from '../../shared/preferences.js';
import type { ApiService } from '../vault/apiService.js';

export interface LockOnMinimiseWatch {
  /** The preference as last heard; the default until the service answers. */
  readonly current: () => boolean;
  readonly dispose: () => void;
}

/**
 * Keeps the `lockOnMinimise` preference at hand for the window's synchronous `minimize` handler: read
 * once through the API like any client, then kept current from `preferencesChanged`. An event that
 * arrives before the first read answers wins, since the read may describe an older state.
 */
export function watchLockOnMinimise(service: Pick<ApiService, 'dispatch' | 'on'>): LockOnMinimiseWatch {
  let lockOnMinimise = DEFAULT_PREFERENCES.lockOnMinimise;
  let heardChange = false;
  const unsubscribe = service.on('preferencesChanged', ({ preferences }) => {
    heardChange = true;
    lockOnMinimise = preferences.lockOnMinimise;
  });
  void service.dispatch('getSettings', {}).then(
    (result) => {
      const value = result.ok ? readLockOnMinimise(result.value) : undefined;
      if (!heardChange && value !== undefined) {
        lockOnMinimise = value;
      }
    },
    () => undefined,
  );
  return { current: () => lockOnMinimise, dispose: unsubscribe };
}

/** `dispatch` answers `unknown`; read the one field without trusting the shape. */
function readLockOnMinimise(settings: unknown): boolean | undefined {
  const preferences: unknown = typeof settings === 'object' && settings !== null ? Reflect.get(settings, 'preferences') : undefined;
  const value: unknown = typeof preferences === 'object' && preferences !== null ? Reflect.get(preferences, 'lockOnMinimise') : undefined;
  return typeof value === 'boolean' ? value : undefined;
}
