import { useCallback, useEffect, useId, useState } from 'react';
import { languageForLocale, LANGUAGES, PREFERENCE_LIMITS, type LanguagePreference, type Preferences, THEMES, type ThemePreference } from '../../shared/preferences.js';
import { VAULT_SETTINGS_LIMITS, type VaultSettings } from '../../shared/settings.js';
import { useAppServices } from '../app/AppServices.js';
import { Dialog } from '../app/Dialog.js';
import { Icon } from '../app/Icon.js';
import type { PlainMessageKey } from '../i18n/translate.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';
import { NumberSetting } from './NumberSetting.js';

const THEME_NAMES: Readonly<Record<ThemePreference, PlainMessageKey>> = { system: 'theme.system', light: 'theme.light', dark: 'theme.dark' };
const LANGUAGE_NAMES = { en: 'language.en', nb: 'language.nb' } as const satisfies Record<Exclude<LanguagePreference, 'system'>, PlainMessageKey>;

/**
 * Preferences (this PC: saved beside the vault), vault settings (inside the vault), the master password
 * and where the vault file is. Each change is saved as soon as it is made; "Saved." confirms it.
 */
export function SettingsDialog({ path, onClose }: { readonly path: string; readonly onClose: () => void }) {
  const { bridge, translator, preferences, applyPreferences, reportError, notify } = useAppServices();
  const { t } = translator;
  const [vaultSettings, setVaultSettings] = useState<VaultSettings | null>(null);
  const [savedCount, setSavedCount] = useState(0);
  const ids = { language: useId(), theme: useId(), lockOnMinimise: useId() };

  useEffect(() => {
    void bridge.api.getSettings({}).then((result) => {
      if (!result.ok) return reportError(result.error);
      applyPreferences(result.value.preferences);
      setVaultSettings(result.value.vault);
    });
  }, [bridge, reportError, applyPreferences]);

  const savePreferences = useCallback(
    async (patch: Partial<Preferences>) => {
      const result = await bridge.api.savePreferences({ preferences: patch });
      if (!result.ok) return reportError(result.error);
      applyPreferences(result.value.preferences);
      setSavedCount((count) => count + 1);
    },
    [bridge, applyPreferences, reportError],
  );

  const saveVaultSettings = async (patch: Partial<VaultSettings>) => {
    const result = await bridge.api.saveVaultSettings({ settings: patch });
    if (!result.ok) return reportError(result.error);
    setVaultSettings(result.value.vault);
    setSavedCount((count) => count + 1);
  };

  const copyPath = async () => {
    const result = await bridge.clipboard.writeText(path);
    if (result.ok) notify({ text: t('settings.pathCopied') });
    else reportError(result.error);
  };

  const systemLanguage = t(LANGUAGE_NAMES[languageForLocale(navigator.language)]);
  return (
    <Dialog title={t('settings.title')} onClose={onClose} size="medium" testId="settings-dialog">
      <div className="dialog-body settings">
        <section className="settings-section" aria-labelledby="settings-security">
          <h3 id="settings-security" className="form-section-title">
            {t('settings.security')}
          </h3>
          <NumberSetting
            label={t('settings.autoLock')}
            hint={t('settings.zeroNever')}
            value={preferences.autoLockMinutes}
            minimum={0}
            maximum={PREFERENCE_LIMITS.maxAutoLockMinutes}
            onCommit={(value) => void savePreferences({ autoLockMinutes: value })}
          />
          <div className="checkbox-field">
            <input
              id={ids.lockOnMinimise}
              type="checkbox"
              className="checkbox"
              checked={preferences.lockOnMinimise}
              onChange={(event) => void savePreferences({ lockOnMinimise: event.target.checked })}
            />
            <label htmlFor={ids.lockOnMinimise}>{t('settings.lockOnMinimise')}</label>
          </div>
          <NumberSetting
            label={t('settings.clipboardClear')}
            hint={t('settings.zeroNever')}
            value={preferences.clipboardClearSeconds}
            minimum={0}
            maximum={PREFERENCE_LIMITS.maxClipboardClearSeconds}
            onCommit={(value) => void savePreferences({ clipboardClearSeconds: value })}
          />
        </section>

        <section className="settings-section" aria-labelledby="settings-appearance">
          <h3 id="settings-appearance" className="form-section-title">
            {t('settings.appearance')}
          </h3>
          <div className="settings-pair">
            <div className="field">
              <label className="label" htmlFor={ids.language}>
                {t('settings.language')}
              </label>
              <select
                id={ids.language}
                className="select"
                value={preferences.language}
                onChange={(event) => void savePreferences({ language: event.target.value as LanguagePreference })}
              >
                {LANGUAGES.map((language) => (
                  <option key={language} value={language} lang={language === 'system' ? undefined : language}>
                    {language === 'system' ? t('language.system', { language: systemLanguage }) : t(LANGUAGE_NAMES[language])}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label className="label" htmlFor={ids.theme}>
                {t('settings.theme')}
              </label>
              <select id={ids.theme} className="select" value={preferences.theme} onChange={(event) => void savePreferences({ theme: event.target.value as ThemePreference })}>
                {THEMES.map((theme) => (
                  <option key={theme} value={theme}>
                    {t(THEME_NAMES[theme])}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </section>

        <section className="settings-section" aria-labelledby="settings-vault">
          <h3 id="settings-vault" className="form-section-title">
            {t('settings.vault')}
          </h3>
          {vaultSettings !== null && (
            <NumberSetting
              label={t('settings.timeOffset')}
              hint={t('settings.timeOffsetHint')}
              value={vaultSettings.timeOffsetSeconds}
              minimum={-VAULT_SETTINGS_LIMITS.maxTimeOffsetSeconds}
              maximum={VAULT_SETTINGS_LIMITS.maxTimeOffsetSeconds}
              onCommit={(value) => void saveVaultSettings({ timeOffsetSeconds: value })}
            />
          )}
          <div className="field">
            <span className="label">
              {t('settings.vaultPath')}
            </span>
            <div className="path-row">
              <code className="path">
                {path}
              </code>
              <button type="button" className="button button-small" onClick={() => void copyPath()}>
                <Icon name="copy" />
                {t('settings.copyPath')}
              </button>
            </div>
          </div>
        </section>

        <section className="settings-section" aria-labelledby="settings-password">
          <h3 id="settings-password" className="form-section-title">
            {t('settings.password')}
          </h3>
          <ChangePasswordForm />
        </section>
      </div>
      <footer className="dialog-footer">
        <p className="dialog-footer-message hint" role="status">
          {savedCount > 0 && <span key={savedCount}>{t('settings.saved')}</span>}
        </p>
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('common.close')}
        </button>
      </footer>
    </Dialog>
  );
}
