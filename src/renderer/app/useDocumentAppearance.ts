import { useEffect } from 'react';
import type { ThemePreference } from '../../shared/preferences.js';

/**
 * Puts the UI language on <html lang> (screen readers pick their voice from it) and the theme on
 * <html data-theme>; 'system' removes the attribute so the stylesheet follows prefers-color-scheme.
 */
export function useDocumentAppearance(locale: string, theme: ThemePreference, title: string): void {
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = title;
  }, [locale, title]);
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);
}
