import type { ApiEventName, ApiEvents, EventListener } from '../../shared/api.js';

/** The service's events, one listener set per name. */
export class ApiEventEmitter {
  readonly #listeners = new Map<ApiEventName, Set<(payload: never) => void>>();

  /** Returns the function that unsubscribes. */
  on<K extends ApiEventName>(name: K, listener: EventListener<K>): () => void {
    let listeners = this.#listeners.get(name);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(name, listeners);
    }
    const registered = listener as (payload: never) => void;
    listeners.add(registered);
    return () => {
      listeners.delete(registered);
    };
  }

  /**
   * A listener that throws (a window that closed meanwhile, say) must not fail the call that emitted nor
   * starve the other listeners, so its failure is dropped here; hosts report their own failures.
   */
  emit<K extends ApiEventName>(name: K, payload: ApiEvents[K]): void {
    for (const listener of [...(this.#listeners.get(name) ?? [])]) {
      try {
        (listener as EventListener<K>)(payload);
      } catch {
        // See above.
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
