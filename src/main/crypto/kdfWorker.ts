/**
 * Runs one Argon2id derivation and exits.
 *
 * Why a worker: libsodium's WebAssembly memory grows to fit the 256 MiB Argon2id needs and never shrinks.
 * Run in the main thread, the app would keep that memory for its whole life; a worker's heap goes away
 * with the worker.
 *
 * This file must stay free of relative imports and non-erasable TypeScript: under the test runner it is
 * loaded from source by Node's type stripping.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sodium from 'libsodium-wrappers-sumo';

interface KdfRequest {
  readonly password: Uint8Array;
  readonly salt: Uint8Array;
  readonly memoryBytes: number;
  readonly passes: number;
  readonly keyBytes: number;
}

const request = workerData as KdfRequest;
await sodium.ready;
try {
  const key = sodium.crypto_pwhash(
    request.keyBytes,
    request.password,
    request.salt,
    request.passes,
    request.memoryBytes,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
  parentPort?.postMessage({ ok: true, key }, [key.buffer as ArrayBuffer]);
} catch {
  parentPort?.postMessage({ ok: false });
} finally {
  sodium.memzero(request.password);
}
