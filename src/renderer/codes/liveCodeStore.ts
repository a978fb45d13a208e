import type { LiveCode } from '../../shared/api.js';
import type { OtpCode } from '../../shared/otp.js';
import { fieldKeyString } from './listRows.js';

function sameCode(left: OtpCode | null, right: OtpCode | null): boolean {
  if (left === null || right === null) return left === right;
  return left.code === right.code && left.remaining === right.remaining && left.period === right.period;
}

/**
 * Live codes by field key, outside React state, so each second only the rows whose code or countdown
 * changed re-render (through useSyncExternalStore) and the list itself does not.
 */
export class LiveCodeStore {
  readonly #codes = new Map<string, LiveCode>();
  readonly #listeners = new Map<string, Set<() => void>>();

  get(key: string): LiveCode | undefined {
    return this.#codes.get(key);
  }

  subscribe(key: string, listener: () => void): () => void {
    let listeners = this.#listeners.get(key);
    if (listeners === undefined) {
      listeners = new Set();
      this.#listeners.set(key, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(key);
    };
  }

  /** Stores fresh codes, keeping the old object (and notifying no one) where nothing changed. */
  update(codes: readonly LiveCode[]): void {
    for (const live of codes) {
      const key = fieldKeyString(live.itemId, live.fieldId);
      const previous = this.#codes.get(key);
      if (previous !== undefined && sameCode(previous.current, live.current) && sameCode(previous.next, live.next)) continue;
      this.#codes.set(key, live);
      this.#notify(key);
    }
  }

  /**
   * Forgets codes for rows no longer asked for, so a row scrolled back into view shows a placeholder
   * for a moment rather than a code that may have expired meanwhile.
   */
  retain(keys: ReadonlySet<string>): void {
    for (const key of [...this.#codes.keys()]) {
      if (!keys.has(key)) {
        this.#codes.delete(key);
        this.#notify(key);
      }
    }
  }

  clear(): void {
    this.retain(new Set());
  }

  #notify(key: string): void {
    for (const listener of this.#listeners.get(key) ?? []) listener();
  }
}
