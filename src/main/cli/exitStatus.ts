import type { ErrorCode } from '../../shared/errors.js';

/**
 * Exit statuses from BSD sysexits(3), so scripts can tell "you typed it wrong" from "wrong password" from
 * "the file is broken" without parsing messages.
 */
export const EXIT_STATUS = {
  ok: 0,
  usage: 64,
  dataError: 65,
  noInput: 66,
  unavailable: 69,
  software: 70,
  cannotCreate: 73,
  ioError: 74,
  temporaryFailure: 75,
  noPermission: 77,
  /** 128 + SIGINT, what a shell reports for Ctrl+C. */
  interrupted: 130,
} as const;

export type ExitStatus = (typeof EXIT_STATUS)[keyof typeof EXIT_STATUS];

/** One row per error code: adding a code to src/shared/errors.ts fails to compile until it is given a status here. */
export const EXIT_STATUS_BY_ERROR_CODE: Record<ErrorCode, ExitStatus> = {
  WRONG_PASSWORD: EXIT_STATUS.noPermission,
  VAULT_LOCKED: EXIT_STATUS.software,
  VAULT_DAMAGED: EXIT_STATUS.ioError,
  NOT_A_VAULT: EXIT_STATUS.ioError,
  VAULT_TOO_NEW: EXIT_STATUS.ioError,
  VAULT_NOT_FOUND: EXIT_STATUS.noInput,
  VAULT_EXISTS: EXIT_STATUS.cannotCreate,
  VAULT_BUSY: EXIT_STATUS.temporaryFailure,
  WEAK_PASSWORD: EXIT_STATUS.dataError,
  INVALID_SECRET: EXIT_STATUS.dataError,
  INVALID_URI: EXIT_STATUS.dataError,
  INVALID_PARAMETER: EXIT_STATUS.dataError,
  INVALID_INPUT: EXIT_STATUS.dataError,
  ITEM_NOT_FOUND: EXIT_STATUS.dataError,
  QR_NOT_FOUND: EXIT_STATUS.dataError,
  QR_NOT_TOTP: EXIT_STATUS.dataError,
  MICROSOFT_PUSH_QR: EXIT_STATUS.dataError,
  UNSUPPORTED_FORMAT: EXIT_STATUS.dataError,
  IO_ERROR: EXIT_STATUS.ioError,
  INTERNAL: EXIT_STATUS.software,
};
