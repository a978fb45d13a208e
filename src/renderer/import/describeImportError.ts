import type { ErrorInfo } from '../../shared/errors.js';
import { type ErrorDescription, describeError } from '../i18n/describeError.js';
import type { Translator } from '../i18n/translate.js';

/**
 * A failed import call in the import dialog's words. WRONG_PASSWORD there is the export's password, not
 * the master password the general message speaks of; UNSUPPORTED_FORMAT comes with main's own message,
 * which says what is wrong with the file or names every format TOTP Vault reads.
 */
export function describeImportError(error: ErrorInfo, translator: Translator): ErrorDescription {
  if (error.code === 'WRONG_PASSWORD') return { summary: translator.t('import.wrongPassword'), detail: null };
  if (error.code === 'UNSUPPORTED_FORMAT') return { summary: translator.t('import.unsupported'), detail: error.message.trim() || null };
  return describeError(error, translator);
}
