import type { ErrorCode, ErrorInfo } from '../../shared/errors.js';
import type { PlainMessageKey, Translator } from './translate.js';

/** Every error code's message; a code added to ERROR_CODES and missing here fails to compile. */
const ERROR_MESSAGES: Readonly<Record<ErrorCode, PlainMessageKey>> = {
  WRONG_PASSWORD: 'error.WRONG_PASSWORD',
  VAULT_LOCKED: 'error.VAULT_LOCKED',
  VAULT_DAMAGED: 'error.VAULT_DAMAGED',
  NOT_A_VAULT: 'error.NOT_A_VAULT',
  VAULT_TOO_NEW: 'error.VAULT_TOO_NEW',
  VAULT_NOT_FOUND: 'error.VAULT_NOT_FOUND',
  VAULT_EXISTS: 'error.VAULT_EXISTS',
  VAULT_BUSY: 'error.VAULT_BUSY',
  WEAK_PASSWORD: 'error.WEAK_PASSWORD',
  INVALID_SECRET: 'error.INVALID_SECRET',
  INVALID_URI: 'error.INVALID_URI',
  INVALID_PARAMETER: 'error.INVALID_PARAMETER',
  INVALID_INPUT: 'error.INVALID_INPUT',
  ITEM_NOT_FOUND: 'error.ITEM_NOT_FOUND',
  QR_NOT_FOUND: 'error.QR_NOT_FOUND',
  QR_NOT_TOTP: 'error.QR_NOT_TOTP',
  MICROSOFT_PUSH_QR: 'error.MICROSOFT_PUSH_QR',
  UNSUPPORTED_FORMAT: 'error.UNSUPPORTED_FORMAT',
  IO_ERROR: 'error.IO_ERROR',
  INTERNAL: 'error.INTERNAL',
};

/**
 * Codes whose English message from main names exactly what is wrong ("The secret contains '0' (character
 * 5) … Did you mean the letter O?"). Translating that detail would need a message per sentence main can
 * build, so it is shown as written, under the translated summary. Other messages are never shown: they
 * add nothing the summary does not say, and INTERNAL's are fixed text anyway.
 */
const CODES_WITH_DETAIL: ReadonlySet<ErrorCode> = new Set(['INVALID_SECRET', 'INVALID_URI', 'INVALID_PARAMETER', 'INVALID_INPUT']);

export interface ErrorDescription {
  readonly summary: string;
  readonly detail: string | null;
}

export function describeError(error: ErrorInfo, translator: Translator): ErrorDescription {
  const summary = translator.t(ERROR_MESSAGES[error.code]);
  const detail = CODES_WITH_DETAIL.has(error.code) && error.message.trim() !== '' ? error.message.trim() : null;
  return { summary, detail };
}

/** One line, for toasts and live regions. */
export function errorText(error: ErrorInfo, translator: Translator): string {
  const { summary, detail } = describeError(error, translator);
  return detail === null ? summary : `${summary} ${translator.t('error.detail', { detail })}`;
}
