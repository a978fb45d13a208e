/**
 * Runs in a fresh Node process so the first numbers are cold, as every CLI run and the app's first unlock
 * are: unlocks the vault named on the command line (password on stdin), lists codes, then locks and does
 * it all again warm, as the app does after an auto-lock. Prints one JSON line of timings and memory.
 */
import { readFileSync } from 'node:fs';
import { Vault, preloadVaultCrypto } from '../../dist/main/vault/index.js';

const path = process.argv[2]!;
// As the CLI does: libsodium loads while the password is read, so it is not part of the unlock.
const preloading = preloadVaultCrypto();
const password = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
await preloading;

async function unlockAndList() {
  const rssBefore = process.memoryUsage().rss;
  const vault = await Vault.unlock(path, password);
  const rssAfterUnlock = process.memoryUsage().rss;
  const at = Date.now();
  let started = performance.now();
  const codes = vault.codes(at);
  const codesFirstMilliseconds = performance.now() - started;
  started = performance.now();
  vault.codes(at + 30_000);
  const codesNextPeriodMilliseconds = performance.now() - started;
  vault.lock();
  return { entries: codes.length, ...vault.unlockTimings, codesFirstMilliseconds, codesNextPeriodMilliseconds, rssBefore, rssAfterUnlock };
}

const cold = await unlockAndList();
const warm = await unlockAndList();
console.log(JSON.stringify({ cold, warm }));
