import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HostBridge, LockReason, VaultStatus } from '../../shared/api.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { DEFAULT_PREFERENCES, languageForLocale, type Preferences } from '../../shared/preferences.js';
import { VaultScreen } from '../codes/VaultScreen.js';
import { errorText } from '../i18n/describeError.js';
import { createTranslator } from '../i18n/translate.js';
import { CreateVaultScreen } from '../unlock/CreateVaultScreen.js';
import type { LockNote } from '../unlock/lockNote.js';
import { UnlockScreen } from '../unlock/UnlockScreen.js';
import { type AppServices, AppServicesContext, type ToastRequest } from './AppServices.js';
import { StartupScreen } from './StartupScreen.js';
import { type Toast, Toaster } from './Toaster.js';
import { useDocumentAppearance } from './useDocumentAppearance.js';

type Phase =
  | { readonly name: 'loading' }
  | { readonly name: 'failed'; readonly error: ErrorInfo }
  | { readonly name: 'create'; readonly status: VaultStatus }
  | { readonly name: 'unlock'; readonly status: VaultStatus; readonly note: LockNote | null }
  /** `session` keys the vault screen: a new unlock mounts it afresh, with none of the last session's state. */
  | { readonly name: 'unlocked'; readonly status: VaultStatus; readonly session: number };

const TOAST_MILLISECONDS = { info: 6000, error: 12_000 } as const;
const MOST_TOASTS = 3;

export function App({ bridge }: { readonly bridge: HostBridge }) {
  const [preferences, setPreferences] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  const [toasts, setToasts] = useState<readonly Toast[]>([]);
  const nextToastId = useRef(1);
  const sessionCount = useRef(0);

  const language = preferences.language === 'system' ? languageForLocale(navigator.language) : preferences.language;
  const translator = useMemo(() => createTranslator(language), [language]);
  useDocumentAppearance(translator.locale, preferences.theme, translator.t('app.name'));

  const dismissToast = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const notify = useCallback(
    (request: ToastRequest) => {
      const id = nextToastId.current++;
      const tone = request.tone ?? 'info';
      setToasts((current) => [...current, { id, text: request.text, tone, action: request.action ?? null }].slice(-MOST_TOASTS));
      setTimeout(() => dismissToast(id), TOAST_MILLISECONDS[tone] + (request.action === undefined ? 0 : 4000));
    },
    [dismissToast],
  );

  const showLocked = useCallback((note: LockNote) => {
    // Toasts may name items or offer Undo on them: they belong to the session that just ended.
    setToasts([]);
    setPhase((current) => (current.name === 'unlocked' ? { name: 'unlock', status: { ...current.status, unlocked: false }, note } : current));
  }, []);

  const translatorRef = useRef(translator);
  translatorRef.current = translator;
  const reportError = useCallback(
    (error: ErrorInfo) => {
      if (error.code === 'VAULT_LOCKED') showLocked({ reason: 'elsewhere' });
      else notify({ text: errorText(error, translatorRef.current), tone: 'error' });
    },
    [notify, showLocked],
  );

  const preferencesRef = useRef(preferences);
  preferencesRef.current = preferences;
  useEffect(() => {
    const stopLocked = bridge.events.on('locked', ({ reason }: { reason: LockReason }) =>
      showLocked({ reason, autoLockMinutes: preferencesRef.current.autoLockMinutes }),
    );
    const stopPreferences = bridge.events.on('preferencesChanged', (payload) => setPreferences(payload.preferences));
    return () => {
      stopLocked();
      stopPreferences();
    };
  }, [bridge, showLocked]);

  const start = useCallback(async () => {
    setPhase({ name: 'loading' });
    const [status, settings] = await Promise.all([bridge.api.status({}), bridge.api.getSettings({})]);
    if (settings.ok) setPreferences(settings.value.preferences);
    if (!status.ok) {
      setPhase({ name: 'failed', error: status.error });
      return;
    }
    const value = status.value;
    if (!value.exists) setPhase({ name: 'create', status: value });
    else if (value.unlocked) setPhase({ name: 'unlocked', status: value, session: ++sessionCount.current });
    else setPhase({ name: 'unlock', status: value, note: null });
  }, [bridge]);

  useEffect(() => {
    void start();
  }, [start]);

  const onUnlocked = useCallback((status: VaultStatus) => setPhase({ name: 'unlocked', status, session: ++sessionCount.current }), []);

  const services = useMemo<AppServices>(
    () => ({ bridge, translator, preferences, applyPreferences: setPreferences, reportError, notify }),
    [bridge, translator, preferences, reportError, notify],
  );

  return (
    <AppServicesContext.Provider value={services}>
      {phase.name === 'loading' && <StartupScreen error={null} onRetry={start} />}
      {phase.name === 'failed' && <StartupScreen error={phase.error} onRetry={start} />}
      {phase.name === 'create' && <CreateVaultScreen path={phase.status.path} onCreated={onUnlocked} />}
      {phase.name === 'unlock' && <UnlockScreen path={phase.status.path} note={phase.note} onUnlocked={onUnlocked} />}
      {phase.name === 'unlocked' && <VaultScreen key={phase.session} status={phase.status} onLocked={() => showLocked({ reason: 'user' })} />}
      <Toaster toasts={toasts} onDismiss={dismissToast} />
    </AppServicesContext.Provider>
  );
}
