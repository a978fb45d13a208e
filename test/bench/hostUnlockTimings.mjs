/**
 * Loaded into the `totp-vault ui` process by the UI benchmark (NODE_OPTIONS=--import): after every unlock it
 * appends the vault's own unlock timings (KDF and the rest) as one JSON line to the file named by
 * TOTP_VAULT_BENCH_TIMINGS. It only observes: the unlock itself runs unchanged. This is how the benchmark
 * takes the KDF out of the click-to-codes time using what the KDF cost in that very process and run.
 *
 * Plain JavaScript, and nothing imported up front but worker_threads: worker threads inherit NODE_OPTIONS, so
 * this file also loads in the KDF's worker, where a TypeScript file (type stripping) or the vault modules
 * would add 20–65 ms to the very KDF time being measured.
 */
import { isMainThread } from 'node:worker_threads';

const file = process.env['TOTP_VAULT_BENCH_TIMINGS'];
if (file && isMainThread) {
  const { appendFileSync } = await import('node:fs');
  const { Vault } = await import('../../dist/main/vault/index.js');
  const unlock = Vault.unlock.bind(Vault);
  Vault.unlock = async (...parameters) => {
    const vault = await unlock(...parameters);
    appendFileSync(file, JSON.stringify(vault.unlockTimings) + '\n');
    return vault;
  };
}
