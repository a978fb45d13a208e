/** storage/readDatabaseImage: a database that exists only as bytes in memory, opened read-only, SQLite's errors hidden. */
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readDatabaseImage } from '../../../src/main/storage/index.js';
import { VaultError } from '../../../src/shared/errors.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

const damaged = () => new VaultError('UNSUPPORTED_FORMAT', 'The test database is damaged.');

function image(): Buffer {
  const database = new BetterSqlite3(':memory:');
  database.exec("CREATE TABLE account(name TEXT, secret BLOB); INSERT INTO account VALUES ('alice', x'0102'), ('bob', NULL);");
  const bytes = database.serialize();
  database.close();
  return bytes;
}

describe('readDatabaseImage', () => {
  it('lists the tables and returns rows as plain objects', () => {
    const rows = readDatabaseImage(image(), (database) => {
      expect([...database.tables]).toEqual(['account']);
      return database.rows('SELECT * FROM account WHERE name <> ? ORDER BY name', 'nobody');
    }, damaged);
    expect(rows).toEqual([
      { name: 'alice', secret: Buffer.from([1, 2]) },
      { name: 'bob', secret: null },
    ]);
  });

  it('cannot change the image, and leaves the bytes it was given as they were', () => {
    const bytes = image();
    const before = Buffer.from(bytes);
    expect(() => readDatabaseImage(bytes, (database) => database.rows("INSERT INTO account VALUES ('eve', NULL) RETURNING name"), damaged)).toThrow(
      vaultErrorLike('UNSUPPORTED_FORMAT', 'The test database is damaged.'),
    );
    expect(bytes.equals(before)).toBe(true);
  });

  it('turns what SQLite cannot read into the caller\'s error, and lets the reader\'s own errors through', () => {
    expect(() => readDatabaseImage(Buffer.from('SQLite format 3\0 and then nothing useful'), (database) => database.rows('SELECT * FROM account'), damaged)).toThrow(
      vaultErrorLike('UNSUPPORTED_FORMAT', 'The test database is damaged.'),
    );
    expect(() => readDatabaseImage(image(), (database) => database.rows('SELECT missing FROM account'), damaged)).toThrow(vaultErrorLike('UNSUPPORTED_FORMAT', 'damaged'));
    const own = new VaultError('INVALID_INPUT', 'The reader says no.');
    expect(() =>
      readDatabaseImage(image(), () => {
        throw own;
      }, damaged),
    ).toThrow(own);
  });
});
