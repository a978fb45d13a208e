/**
 * How this PC's app behaves. Not secret, and needed before unlock (language and theme of the unlock
 * screen), so kept in a plain file beside the vault rather than inside it; VaultSettings are the ones that
 * travel inside the vault.
 */
export const LANGUAGES = ['system', 'en', 'nb'] as const;
export type LanguagePreference = (typeof LANGUAGES)[number];
export type Language = Exclude<LanguagePreference, 'system'>;

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEMES)[number];

export interface Preferences {
  /** Idle minutes before the vault locks itself; 0 never. */
  readonly autoLockMinutes: number;
  readonly lockOnMinimise: boolean;
  /** Seconds before a copied code is cleared from the clipboard; 0 never. */
  readonly clipboardClearSeconds: number;
  readonly language: LanguagePreference;
  readonly theme: ThemePreference;
}

export const DEFAULT_PREFERENCES: Preferences = {
  autoLockMinutes: 5,
  lockOnMinimise: false,
  clipboardClearSeconds: 30,
  language: 'system',
  theme: 'system',
};

export const PREFERENCE_LIMITS = {
  maxAutoLockMinutes: 24 * 60,
  maxClipboardClearSeconds: 10 * 60,
} as const;

/** The UI language for an OS locale such as "nb-NO", "nn", "no" or "en-GB": Norwegian for any Norwegian. */
export function languageForLocale(locale: string): Language {
  return /^(nb|nn|no)\b/i.test(locale) ? 'nb' : 'en';
}
