import sodium from 'libsodium-wrappers-sumo';

export type Sodium = typeof sodium;

/** libsodium compiles its WebAssembly once per thread; every caller awaits the same readiness. */
export async function loadSodium(): Promise<Sodium> {
  await sodium.ready;
  return sodium;
}
