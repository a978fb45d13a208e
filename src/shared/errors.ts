/**
 * The closed set of error codes that cross every boundary (IPC, loopback HTTP, CLI exit status).
 * A const tuple with a derived union rather than an enum: it type-strips cleanly and serialises as itself.
 */
export const ERROR_CODES = [
  'WRONG_PASSWORD',
  'VAULT_LOCKED',
  'VAULT_DAMAGED',
  'NOT_A_VAULT',
  'VAULT_TOO_NEW',
  'VAULT_NOT_FOUND',
  'VAULT_EXISTS',
  'VAULT_BUSY',
  'WEAK_PASSWORD',
  'INVALID_SECRET',
  'INVALID_URI',
  'INVALID_PARAMETER',
  'INVALID_INPUT',
  'ITEM_NOT_FOUND',
  'QR_NOT_FOUND',
  'QR_NOT_TOTP',
  'MICROSOFT_PUSH_QR',
  'UNSUPPORTED_FORMAT',
  'IO_ERROR',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** What crosses a boundary: a code the UI can translate and a human message in English for logs and the CLI. */
export interface ErrorInfo {
  readonly code: ErrorCode;
  readonly message: string;
}

/**
 * The one exception type our own code throws on purpose. Anything else that escapes a module is a bug
 * and is reported as INTERNAL without its details (they may carry secrets).
 */
export class VaultError extends Error implements ErrorInfo {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VaultError';
    this.code = code;
  }
}

export function isVaultError(value: unknown): value is VaultError {
  return value instanceof VaultError;
}
