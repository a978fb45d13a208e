import { VaultError } from '../../shared/errors.js';

/**
 * Maps what SQLite throws to our error codes. Messages are ours, never SQLite's: SQLite's text can
 * quote SQL and paths, and means nothing to the person at the desk.
 */
export function translateSqliteError(thrown: unknown): VaultError {
  if (thrown instanceof VaultError) return thrown;
  const code = typeof thrown === 'object' && thrown !== null && 'code' in thrown ? String((thrown as { code: unknown }).code) : '';
  const message = thrown instanceof Error ? thrown.message : '';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || /no such (table|column)|malformed/i.test(message)) {
    return new VaultError('VAULT_DAMAGED', 'The vault file is damaged: part of it cannot be read. Restore it from a backup.', { cause: thrown });
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new VaultError('VAULT_BUSY', 'The vault is busy in another program. Try again in a moment.', { cause: thrown });
  }
  if (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return new VaultError('IO_ERROR', 'The vault file could not be read or written (disk full, no permission, or the drive is gone). Nothing was changed.', { cause: thrown });
  }
  return new VaultError('INTERNAL', 'The vault file could not be used because of an unexpected storage error. Nothing was changed.', { cause: thrown });
}

/** Runs storage work, turning SQLite's exceptions into ours. */
export function guardStorage<T>(work: () => T): T {
  try {
    return work();
  } catch (thrown) {
    throw translateSqliteError(thrown);
  }
}
