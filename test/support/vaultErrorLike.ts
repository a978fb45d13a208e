import { expect } from 'vitest';
import type { ErrorCode } from '../../src/shared/errors.js';

/** Matches a thrown VaultError by code and a part of its message (a substring, or a pattern). */
export function vaultErrorLike(code: ErrorCode, messagePart: string | RegExp) {
  return expect.objectContaining({
    name: 'VaultError',
    code,
    message: typeof messagePart === 'string' ? expect.stringContaining(messagePart) : expect.stringMatching(messagePart),
  });
}
