import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { VaultError } from '../../shared/errors.js';
import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/preferences.js';
import { readStoredPreferences } from './preferenceRules.js';

export const PREFERENCES_FILE_NAME = 'preferences.json';

/** Far beyond any preferences file we write; a larger file is not ours and is not read into memory. */
const MAX_FILE_BYTES = 64 * 1024;

/** The preferences file beside a vault. */
export function preferencesPathFor(vaultPath: string): string {
  return join(dirname(vaultPath), PREFERENCES_FILE_NAME);
}

/**
 * This PC's preferences in a plain JSON file (they are needed before unlock, and none is secret). The file is
 * read once, on first use, and created only when something is saved: a first run writes nothing until then.
 */
export class PreferencesStore {
  readonly path: string;
  #current: Preferences | null = null;

  constructor(path: string) {
    this.path = path;
  }

  get current(): Preferences {
    this.#current ??= readPreferencesFile(this.path);
    return this.#current;
  }

  /**
   * Merges an already checked patch and writes the whole file; the new preferences take effect only once
   * they are on disk, so a failed write changes nothing.
   */
  save(patch: Partial<Preferences>): Preferences {
    const next: Preferences = { ...this.current, ...patch };
    writeFileReplacing(this.path, `${JSON.stringify(next, null, 2)}\n`);
    this.#current = next;
    return next;
  }
}

/** A missing, unreadable or malformed file gives the defaults (keeping any valid field): never an error. */
function readPreferencesFile(path: string): Preferences {
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return DEFAULT_PREFERENCES;
    return readStoredPreferences(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return DEFAULT_PREFERENCES;
  }
}

/**
 * Writes a temporary file beside the target, flushes it and renames it over the target: a crash or a full
 * disk leaves the old file or the new one, never a half-written one.
 */
function writeFileReplacing(path: string, text: string): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    const descriptor = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(descriptor, text);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, path);
  } catch (thrown) {
    removeLeftover(temporary);
    throw new VaultError('IO_ERROR', `The preferences could not be saved to ${path}.`, { cause: thrown });
  }
}

/** Best effort: the failure being reported matters more than a stray temporary file. */
function removeLeftover(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // The folder itself may be what failed; there is then no file to remove.
  }
}
