import { type ErrorInfo, isVaultError } from './errors.js';

/** Results cross process boundaries as values: Electron forwards only `message` from a thrown error. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure(error: ErrorInfo): { ok: false; error: ErrorInfo } {
  return { ok: false, error: { code: error.code, message: error.message } };
}

/**
 * Turns anything thrown into an ErrorInfo. Unknown exceptions become INTERNAL with a fixed message:
 * their text might quote a secret, a path or a stack, none of which belongs in a UI or a log.
 */
export function toErrorInfo(thrown: unknown): ErrorInfo {
  if (isVaultError(thrown)) {
    return { code: thrown.code, message: thrown.message };
  }
  return { code: 'INTERNAL', message: 'Something went wrong inside TOTP Vault. Nothing was changed.' };
}

export async function settle<T>(work: () => Promise<T> | T): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (thrown) {
    return failure(toErrorInfo(thrown));
  }
}
