import { afterAll, expect } from 'vitest';
import type { ApiCallName, ApiEventName, ApiEvents, ApiRequest, ApiResponse } from '../../../src/shared/api.js';
import type { ErrorInfo } from '../../../src/shared/errors.js';
import { type ApiService, createApiService } from '../../../src/main/vault/apiService.js';
import { Vault } from '../../../src/main/vault/index.js';
import { TEST_KDF, TEST_PASSWORD } from '../../support/temporaryVaultPath.js';

/** A clock and timers that move only when the test says so. */
export class ManualClock {
  now: number;
  #nextHandle = 1;
  readonly #pending = new Map<number, { readonly due: number; readonly callback: () => void }>();

  constructor(start: number) {
    this.now = start;
  }

  readonly setTimeout = (callback: () => void, milliseconds: number): unknown => {
    const handle = this.#nextHandle++;
    this.#pending.set(handle, { due: this.now + milliseconds, callback });
    return handle;
  };

  readonly clearTimeout = (handle: unknown): void => {
    this.#pending.delete(handle as number);
  };

  get pendingTimers(): number {
    return this.#pending.size;
  }

  /** Moves time forward, firing every timer that falls due on the way, in order. */
  advance(milliseconds: number): void {
    const end = this.now + milliseconds;
    for (;;) {
      const due = [...this.#pending.entries()].filter(([, timer]) => timer.due <= end).sort(([, a], [, b]) => a.due - b.due)[0];
      if (!due) break;
      this.#pending.delete(due[0]);
      this.now = due[1].due;
      due[1].callback();
    }
    this.now = end;
  }
}

export interface ServiceFixture {
  readonly service: ApiService;
  readonly clock: ManualClock;
  readonly vaultPath: string;
  readonly preferencesPath: string;
  /** Every event emitted, in order. */
  readonly events: { readonly name: ApiEventName; readonly payload: unknown }[];
}

const services: ApiService[] = [];
afterAll(() => {
  for (const service of services.splice(0)) service.dispose();
});

/** A service on `vaultPath` (which need not exist) with a manual clock, recording its events; disposed after the test. */
export function startService(vaultPath: string, start = Date.UTC(2026, 10, 22, 12, 0, 0)): ServiceFixture {
  const clock = new ManualClock(start);
  const preferencesPath = `${vaultPath}.preferences.json`;
  const service = createApiService({
    vaultPath,
    preferencesPath,
    now: () => clock.now,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
  });
  services.push(service);
  const events: ServiceFixture['events'] = [];
  for (const name of ['locked', 'vaultChanged', 'preferencesChanged'] as const) {
    service.on(name, (payload: ApiEvents[typeof name]) => events.push({ name, payload }));
  }
  return { service, clock, vaultPath, preferencesPath, events };
}

/** A vault made with the light test KDF (the API's createVault uses the full one), unlocked through the service. */
export async function startUnlockedService(vaultPath: string): Promise<ServiceFixture> {
  (await Vault.create(vaultPath, TEST_PASSWORD, { kdf: TEST_KDF })).lock();
  const fixture = startService(vaultPath);
  await call(fixture.service, 'unlock', { password: TEST_PASSWORD });
  return fixture;
}

/** Dispatches as a host would and expects success. */
export async function call<K extends ApiCallName>(service: ApiService, name: K, request: ApiRequest<K>): Promise<ApiResponse<K>> {
  const result = await service.dispatch(name, request);
  if (!result.ok) expect.fail(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as ApiResponse<K>;
}

/** Dispatches a raw payload and expects a failure; returns its error. */
export async function callFailure(service: ApiService, name: unknown, payload: unknown): Promise<ErrorInfo> {
  const result = await service.dispatch(name, payload);
  if (result.ok) expect.fail(`${String(name)} succeeded with ${JSON.stringify(result.value)}`);
  return result.error;
}
