import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { VaultError } from '../../shared/errors.js';
import { type KdfParameters, KDF_BOUNDS, assertKdfParametersWithinBounds } from './kdfParameters.js';

/** Under the test runner this module is TypeScript source, and so is its worker. */
const workerFile = new URL(fileURLToPath(import.meta.url).endsWith('.ts') ? './kdfWorker.ts' : './kdfWorker.js', import.meta.url);

/**
 * Derives a key-encryption key from a password with Argon2id in a short-lived worker thread.
 * The password is normalised to NFC so the same password typed on different systems gives the same key.
 */
export async function deriveKey(password: string, salt: Uint8Array, parameters: KdfParameters): Promise<Uint8Array> {
  assertKdfParametersWithinBounds(parameters);
  if (salt.length !== KDF_BOUNDS.saltBytes) {
    throw new VaultError('VAULT_DAMAGED', 'The password slot has a salt of the wrong length. The file is damaged or was tampered with.');
  }
  const passwordBytes = new TextEncoder().encode(password.normalize('NFC'));
  return runArgon2id(passwordBytes, salt, parameters.memoryBytes, parameters.passes);
}

/**
 * Argon2id13 of `passwordBytes` (zeroed here once handed over) in a short-lived worker thread, giving a
 * KDF_BOUNDS.keyBytes key. Callers check the parameters against their bounds first: this runs what it is given.
 */
export async function runArgon2id(passwordBytes: Uint8Array, salt: Uint8Array, memoryBytes: number, passes: number): Promise<Uint8Array> {
  const worker = new Worker(workerFile, {
    workerData: {
      password: passwordBytes,
      salt: Uint8Array.from(salt),
      memoryBytes,
      passes,
      keyBytes: KDF_BOUNDS.keyBytes,
    },
    // The derivation itself needs no JS heap to speak of; the WebAssembly memory is outside these limits.
    resourceLimits: { maxOldGenerationSizeMb: 64 },
  });
  // workerData is a copy: zero ours now rather than leave it for the garbage collector.
  passwordBytes.fill(0);
  const outcome = await new Promise<Uint8Array | VaultError>((resolve) => {
    worker.once('message', (message: { ok: boolean; key?: Uint8Array }) => {
      resolve(
        message.ok && message.key
          ? new Uint8Array(message.key.buffer, message.key.byteOffset, message.key.byteLength)
          : new VaultError('INTERNAL', 'The key derivation failed. Nothing was changed.'),
      );
    });
    worker.once('error', () => resolve(new VaultError('INTERNAL', 'The key derivation could not run (out of memory?). Nothing was changed.')));
    worker.once('exit', () => resolve(new VaultError('INTERNAL', 'The key derivation stopped unexpectedly. Nothing was changed.')));
  });
  // Wait for the worker to be gone: its WebAssembly heap (256 MiB for our vault) is released only then.
  await worker.terminate();
  if (outcome instanceof VaultError) throw outcome;
  return outcome;
}
