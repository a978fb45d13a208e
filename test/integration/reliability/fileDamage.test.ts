/**
 * Damage below SQL: bytes flipped anywhere in the closed file, as a failing disk or a bad copy leaves it.
 * Whatever is hit (SQLite's header, b-tree pages, the schema, free space), unlocking and reading must give
 * VAULT_DAMAGED or NOT_A_VAULT, or succeed showing exactly what the file held: never other data, never an
 * exception that is not a VaultError.
 */
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../../src/main/vault/index.js';
import { VaultError } from '../../../src/shared/errors.js';
import {
  type VaultSnapshot,
  createSampleVault,
  fileBytes,
  flipped,
  mapWithConcurrency,
  randomInteger,
  seededRandom,
  temporaryVaultPaths,
  unlockAndReadEverything,
  vaultErrorOf,
  withDatabase,
} from './support.js';

const nextPath = temporaryVaultPaths();
const SEED = 20_260_102;
const FLIPS = 200;

/** SQLite's database header: offset 60 holds user_version (the schema version), 68 application_id. */
const USER_VERSION_OFFSET = 60;

type Outcome = 'identical' | 'VAULT_DAMAGED' | 'NOT_A_VAULT' | `other: ${string}`;

let original: Buffer;
let snapshot: VaultSnapshot;

beforeAll(async () => {
  const path = nextPath();
  snapshot = await createSampleVault(path);
  original = fileBytes(path);
});

async function outcomeOf(bytes: Buffer): Promise<Outcome> {
  const path = nextPath();
  writeFileSync(path, bytes);
  try {
    const shown = await unlockAndReadEverything(path);
    return JSON.stringify(shown) === JSON.stringify(snapshot) ? 'identical' : `other: succeeded with different data (${describeDifference(shown)})`;
  } catch (thrown) {
    if (!(thrown instanceof VaultError)) return `other: ${String(thrown)}`;
    if (thrown.code === 'VAULT_DAMAGED' || thrown.code === 'NOT_A_VAULT') return thrown.code;
    return `other: ${thrown.code} (${thrown.message})`;
  }
}

function describeDifference(shown: VaultSnapshot): string {
  const ids = new Set(shown.items.map((item) => item.id));
  const missing = snapshot.items.filter((item) => !ids.has(item.id)).map((item) => item.title);
  const changed = shown.items.filter((item) => JSON.stringify(item) !== JSON.stringify(snapshot.items.find((other) => other.id === item.id))).map((item) => item.title);
  return `${shown.items.length} of ${snapshot.items.length} items; missing: ${missing.join(', ') || 'none'}; changed: ${changed.join(', ') || 'none'}`;
}

/** The byte range of a b-tree page's cell content area (its rows), located through SQLite's own catalogue. */
function cellContentOf(path: string, name: string): { page: number; start: number; end: number } {
  const rootPage = withDatabase(path, (database) => (database.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(name) as { rootpage: number }).rootpage);
  const pageSize = original.readUInt16BE(16);
  const page = (rootPage - 1) * pageSize;
  // Byte 0: page type (0x0a leaf index, 0x0d leaf table); bytes 5-6: where the cell content area starts.
  expect([0x0a, 0x0d], `${name} fits in one leaf page`).toContain(original[page]);
  return { page, start: page + original.readUInt16BE(page + 5), end: page + pageSize };
}

describe('bytes flipped in the raw file', () => {
  it(`${FLIPS} random offsets (seed ${SEED}) give VAULT_DAMAGED, NOT_A_VAULT or exactly the original data`, async () => {
    const random = seededRandom(SEED);
    const cases = Array.from({ length: FLIPS }, () => ({ offset: randomInteger(random, original.length), mask: 1 + randomInteger(random, 255) }));
    const outcomes = await mapWithConcurrency(cases, 3, ({ offset, mask }) => outcomeOf(flipped(original, offset, mask)));

    // A raised schema version is indistinguishable from a newer file, so VAULT_TOO_NEW is right there.
    const isUserVersion = (offset: number): boolean => offset >= USER_VERSION_OFFSET && offset < USER_VERSION_OFFSET + 4;
    const failures = cases
      .map((flip, index) => ({ ...flip, outcome: outcomes[index]! }))
      .filter(({ offset, outcome }) => outcome.startsWith('other') && !(isUserVersion(offset) && outcome.startsWith('other: VAULT_TOO_NEW')));
    expect(failures).toEqual([]);
    // The flips must reach real structure, or the test proves nothing about it.
    const tally = Object.groupBy(outcomes, (outcome) => outcome);
    expect(tally['VAULT_DAMAGED']?.length ?? 0, JSON.stringify(Object.keys(tally))).toBeGreaterThan(0);
  });

  it('a schema version in the header that is lower than the file really is reads as VAULT_DAMAGED', async () => {
    // The migrations then run again on tables that exist; SQLite's "duplicate column" must not surface as INTERNAL.
    const current = original.readUInt32BE(USER_VERSION_OFFSET);
    expect(current).toBe(2);
    for (const lower of [1, 0]) {
      const bytes = Buffer.from(original);
      bytes.writeUInt32BE(lower, USER_VERSION_OFFSET);
      expect(await outcomeOf(bytes), `user_version ${lower}`).toBe('VAULT_DAMAGED');
    }
  });

  it('entries has no index that a damaged page could use to hide intact rows', () => {
    // An index on entries once made one flipped byte in an index row hide items whose rows were intact.
    const path = nextPath();
    writeFileSync(path, original);
    const indexes = withDatabase(path, (database) =>
      database.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'entries' AND sql IS NOT NULL").all(),
    );
    expect(indexes).toEqual([]);
  });

  it('damaged entry rows with a wrong password: one VaultError, and no promise left to reject later', async () => {
    // The slot is opened (KDF in a worker) while the rows are read; when reading the rows throws first, the
    // pending derivation must still be awaited, or its WRONG_PASSWORD rejection goes unhandled and ends the process.
    const path = nextPath();
    writeFileSync(path, original);
    const { page } = cellContentOf(path, 'entries');
    const bytes = flipped(original, page, 0xff); // the entries page's type byte: SQLite reports corruption
    const unhandled: unknown[] = [];
    const listener = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      writeFileSync(path, bytes);
      const error = await vaultErrorOf(() => Vault.unlock(path, 'not the password at all'));
      expect(['WRONG_PASSWORD', 'VAULT_DAMAGED']).toContain(error.code);
      expect(await outcomeOf(bytes)).toBe('VAULT_DAMAGED');
      // Give the abandoned derivation (about 0.15 s here) ample time to settle.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(unhandled.map(String)).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('every byte of the application id in the header reads as NOT_A_VAULT', async () => {
    for (let offset = 68; offset < 72; offset += 1) {
      expect(await outcomeOf(flipped(original, offset, 0x10)), `offset ${offset}`).toBe('NOT_A_VAULT');
    }
  });
});
