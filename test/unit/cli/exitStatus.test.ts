import { describe, expect, it } from 'vitest';
import { EXIT_STATUS_BY_ERROR_CODE } from '../../../src/main/cli/exitStatus.js';
import { ERROR_CODES } from '../../../src/shared/errors.js';

describe('EXIT_STATUS_BY_ERROR_CODE', () => {
  it('gives every error code its documented sysexits status', () => {
    expect(Object.keys(EXIT_STATUS_BY_ERROR_CODE).sort()).toEqual([...ERROR_CODES].sort());
    expect(EXIT_STATUS_BY_ERROR_CODE).toMatchObject({
      INVALID_SECRET: 65,
      INVALID_URI: 65,
      INVALID_PARAMETER: 65,
      INVALID_INPUT: 65,
      WEAK_PASSWORD: 65,
      ITEM_NOT_FOUND: 65,
      VAULT_NOT_FOUND: 66,
      VAULT_EXISTS: 73,
      VAULT_DAMAGED: 74,
      NOT_A_VAULT: 74,
      VAULT_TOO_NEW: 74,
      IO_ERROR: 74,
      VAULT_BUSY: 75,
      WRONG_PASSWORD: 77,
      INTERNAL: 70,
    });
  });
});
