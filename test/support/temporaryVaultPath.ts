import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Small but real Argon2id parameters so suites stay fast; the default parameters have their own tests. */
export const TEST_KDF = { memoryBytes: 8 * 1024 * 1024, passes: 2 } as const;

export const TEST_PASSWORD = 'correct horse battery staple';

/** A fresh folder per suite, removed after it; returns a function naming vault files inside it. */
export function temporaryVaultPaths(): () => string {
  const folder = mkdtempSync(join(tmpdir(), 'totp-vault-test-'));
  let counter = 0;
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return () => join(folder, `vault-${++counter}.totpvault`);
}
