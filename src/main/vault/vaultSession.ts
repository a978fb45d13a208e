import { existsSync } from 'node:fs';
import type { LockReason, VaultStatus } from '../../shared/api.js';
import { VaultError } from '../../shared/errors.js';
import type { ApiEventEmitter } from './apiEventEmitter.js';
import { IdleTimer, type TimerFunctions } from './idleTimer.js';
import type { Vault } from './vault.js';

export interface VaultSessionOptions {
  readonly vaultPath: string;
  readonly events: ApiEventEmitter;
  readonly timers: TimerFunctions;
  /** Read at every restart, so a changed preference applies from the next activity on. */
  readonly autoLockMinutes: () => number;
}

/**
 * The lock state of one vault file: at most one unlocked Vault, the idle auto-lock that closes it, and the
 * `locked` and `vaultChanged` events that tell the UI about either.
 */
export class VaultSession {
  readonly vaultPath: string;
  readonly #events: ApiEventEmitter;
  readonly #idle: IdleTimer;
  readonly #autoLockMinutes: () => number;
  #vault: Vault | null = null;
  /** Moves at every close, so an unlock that was still deriving its key when the vault locked gives up. */
  #closings = 0;
  #seenExternalReloads = 0;
  #disposed = false;

  constructor(options: VaultSessionOptions) {
    this.vaultPath = options.vaultPath;
    this.#events = options.events;
    this.#autoLockMinutes = options.autoLockMinutes;
    this.#idle = new IdleTimer(options.timers, () => this.close('idle'));
  }

  get vault(): Vault | null {
    return this.#vault;
  }

  status(): VaultStatus {
    return { exists: existsSync(this.vaultPath), unlocked: this.#vault !== null, path: this.vaultPath };
  }

  requireVault(): Vault {
    if (!this.#vault) throw new VaultError('VAULT_LOCKED', 'The vault is locked.');
    return this.#vault;
  }

  /**
   * Adopts the vault that `opening` unlocks or creates. Opening takes about a second (the KDF), and the
   * session may lock, be disposed or be unlocked by a second request meanwhile: then the newcomer is locked
   * again at once, so no key outlives the session that asked for it.
   */
  async open(opening: () => Promise<Vault>): Promise<void> {
    if (this.#disposed) throw new VaultError('VAULT_LOCKED', 'TOTP Vault is shutting down.');
    const closings = this.#closings;
    const vault = await opening();
    if (this.#vault) {
      vault.lock();
      return;
    }
    if (this.#disposed || closings !== this.#closings) {
      vault.lock();
      throw new VaultError('VAULT_LOCKED', 'The vault was locked while it was being opened.');
    }
    this.#vault = vault;
    this.#seenExternalReloads = vault.externalReloads;
    this.noteActivity();
  }

  /** Locks (zeroing the key) and says why; a session already locked stays quiet. */
  close(reason: LockReason): void {
    this.#closings += 1;
    this.#idle.stop();
    const vault = this.#vault;
    if (!vault) return;
    this.#vault = null;
    vault.lock();
    this.#events.emit('locked', { reason });
  }

  /** The user did something: the idle auto-lock counts again from now. */
  noteActivity(): void {
    if (this.#vault) this.#idle.restart(this.#autoLockMinutes());
  }

  /**
   * Tells the UI to reload when the last read found another process's commit (the CLI added an item, say).
   * Cheap: the Vault already checks SQLite's data_version before every read, and this compares a counter.
   */
  noticeExternalChanges(): void {
    const reloads = this.#vault?.externalReloads;
    if (reloads === undefined || reloads === this.#seenExternalReloads) return;
    this.#seenExternalReloads = reloads;
    this.#events.emit('vaultChanged', {});
  }

  dispose(): void {
    this.close('closed');
    this.#disposed = true;
  }
}
