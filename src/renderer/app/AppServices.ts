import { createContext, useContext } from 'react';
import type { HostBridge } from '../../shared/api.js';
import type { ErrorInfo } from '../../shared/errors.js';
import type { Preferences } from '../../shared/preferences.js';
import type { Translator } from '../i18n/translate.js';

export interface ToastAction {
  readonly label: string;
  readonly run: () => void;
}

export interface ToastRequest {
  readonly text: string;
  readonly tone?: 'info' | 'error';
  readonly action?: ToastAction;
}

/** What every screen needs from the app shell. */
export interface AppServices {
  readonly bridge: HostBridge;
  readonly translator: Translator;
  readonly preferences: Preferences;
  /** Takes preferences main has just saved (the settings screen), so language and theme apply at once. */
  readonly applyPreferences: (preferences: Preferences) => void;
  /** Shows a failed call's translated message; VAULT_LOCKED instead returns to the unlock screen. */
  readonly reportError: (error: ErrorInfo) => void;
  readonly notify: (toast: ToastRequest) => void;
}

export const AppServicesContext = createContext<AppServices | null>(null);

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (services === null) throw new Error('useAppServices outside AppServicesContext');
  return services;
}
