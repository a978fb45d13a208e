/** The timer functions a session uses; injected so tests decide when time passes. */
export interface TimerFunctions {
  readonly setTimeout: (callback: () => void, milliseconds: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
}

/** Node's timers, unreferenced: a pending auto-lock alone must not keep a process alive. */
export const SYSTEM_TIMERS: TimerFunctions = {
  setTimeout: (callback, milliseconds) => setTimeout(callback, milliseconds).unref(),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Calls `onIdle` once after the given minutes without a restart. */
export class IdleTimer {
  readonly #timers: TimerFunctions;
  readonly #onIdle: () => void;
  /** Boxed: an injected setTimeout may return any handle, undefined and 0 included. */
  #pending: { readonly handle: unknown } | null = null;

  constructor(timers: TimerFunctions, onIdle: () => void) {
    this.#timers = timers;
    this.#onIdle = onIdle;
  }

  /** Starts counting again from now; 0 minutes means never. */
  restart(minutes: number): void {
    this.stop();
    if (minutes <= 0) return;
    const pending = {
      handle: this.#timers.setTimeout(() => {
        if (this.#pending !== pending) return;
        this.#pending = null;
        this.#onIdle();
      }, minutes * 60_000),
    };
    this.#pending = pending;
  }

  stop(): void {
    if (this.#pending) this.#timers.clearTimeout(this.#pending.handle);
    this.#pending = null;
  }
}
