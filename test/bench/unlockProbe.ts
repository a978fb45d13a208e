/**
 * Runs in a fresh Node process so every number is cold: unlocks the vault named on the command line
 * (password on stdin), computes codes, and prints one JSON line of timings and memory.
 */
import { readFileSync } from 'node:fs';
import { Vault } from '../../dist/main/vault/index.js';

const path = process.argv[2]!;
const password = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
const rssBefore = process.memoryUsage().rss;
const vault = await Vault.unlock(path, password);
const rssAfterUnlock = process.memoryUsage().rss;
const at = Date.now();
let started = performance.now();
const codes = vault.codes(at);
const codesColdMilliseconds = performance.now() - started;
started = performance.now();
vault.codes(at + 30_000);
const codesWarmMilliseconds = performance.now() - started;
vault.lock();
console.log(
  JSON.stringify({
    entries: codes.length,
    kdfMilliseconds: vault.unlockTimings.kdfMilliseconds,
    otherMilliseconds: vault.unlockTimings.otherMilliseconds,
    codesColdMilliseconds,
    codesWarmMilliseconds,
    rssBefore,
    rssAfterUnlock,
  }),
);
