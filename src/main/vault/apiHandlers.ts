import { existsSync } from 'node:fs';
import type { ApiHandlers, SettingsView } from '../../shared/api.js';
import { VaultError } from '../../shared/errors.js';
import type { Item } from '../../shared/item.js';
import { formatOtpauthUri, generateCode, parseOtpInput, toOtpSummary } from '../otp/index.js';
import type { ApiEventEmitter } from './apiEventEmitter.js';
import { ImportSession } from './importSession.js';
import { toItemSummary, toItemView } from './itemView.js';
import type { PreferencesStore } from './preferencesStore.js';
import { ScanSession } from './scanSession.js';
import { Vault } from './vault.js';
import type { VaultSession } from './vaultSession.js';

export interface ApiHandlerContext {
  readonly session: VaultSession;
  readonly preferences: PreferencesStore;
  readonly events: ApiEventEmitter;
  /** Unix milliseconds: item timestamps, HOTP and the code in an OTP preview. */
  readonly now: () => number;
}

/**
 * Every call of the API on one session. Handlers take requests already checked by readApiRequest and throw
 * VaultError; `createApiService` turns both into Results. Every change to the vault emits `vaultChanged`.
 */
export function createApiHandlers({ session, preferences, events, now }: ApiHandlerContext): ApiHandlers {
  const path = session.vaultPath;
  const vaultOptions = { now };

  const changed = <T>(value: T): T => {
    events.emit('vaultChanged', {});
    return value;
  };
  const view = (vault: Vault, item: Item) => toItemView(item, (uri) => vault.otpSummary(uri));
  const changedView = (vault: Vault, item: Item) => changed(view(vault, item));
  const settingsView = (): SettingsView => ({ preferences: preferences.current, vault: session.vault?.settings() ?? null });
  /** The vault's time offset fixes the clock of a managed PC that cannot be corrected; every code uses it. */
  const codeTime = (vault: Vault, milliseconds: number) => milliseconds + vault.settings().timeOffsetSeconds * 1000;
  // Scanned accounts and a previewed import hold secrets: they go when the vault locks, however it locks.
  const scans = new ScanSession();
  const imports = new ImportSession();
  events.on('locked', () => {
    scans.clear();
    imports.clear();
  });

  return {
    status: () => session.status(),

    createVault: async ({ password }) => {
      // Checked up front as well as by Vault.create: the answer should not wait for a second of KDF.
      if (session.vault || existsSync(path)) {
        throw new VaultError('VAULT_EXISTS', `A vault already exists at ${path}.`);
      }
      await session.open(() => Vault.create(path, password, vaultOptions));
      return session.status();
    },

    unlock: async ({ password }) => {
      if (!session.vault) await session.open(() => Vault.unlock(path, password, vaultOptions));
      return session.status();
    },

    lock: () => {
      session.close('user');
      return session.status();
    },

    changePassword: async ({ currentPassword, newPassword }) => {
      await session.requireVault().changePassword(currentPassword, newPassword);
      return changed(null);
    },

    listEntries: () => session.requireVault().entries(),

    codes: ({ fields, at }) => {
      const vault = session.requireVault();
      return vault.liveCodes(fields, codeTime(vault, at));
    },

    nextHotpCode: ({ itemId, fieldId }) => changed(session.requireVault().nextHotpCode(itemId, fieldId)),

    listItems: ({ trashed }) => {
      const vault = session.requireVault();
      const summarise = (uri: string) => vault.otpSummary(uri);
      return vault
        .items()
        .filter((item) => (item.trashedAt !== null) === trashed)
        .map((item) => toItemSummary(item, summarise));
    },

    getItem: ({ id }) => {
      const vault = session.requireVault();
      return view(vault, vault.item(id));
    },

    revealItem: ({ id }) => session.requireVault().item(id),

    // Needs no key, yet asks for an unlocked vault: the code shown must use the vault's time offset like
    // the list's, the editor exists only while unlocked, and the secret cache it fills is wiped at lock.
    previewOtp: ({ text, issuer, account }) => {
      const vault = session.requireVault();
      const parameters = parseOtpInput(text, { issuer, account });
      return {
        secret: parameters.secret,
        uri: formatOtpauthUri(parameters),
        summary: toOtpSummary(parameters),
        current: parameters.type === 'hotp' ? null : generateCode(parameters, codeTime(vault, now())),
      };
    },

    saveItem: ({ id, content }) => {
      const vault = session.requireVault();
      return changedView(vault, id === null ? vault.createItem(content) : vault.updateItem(id, content));
    },

    trashItem: ({ id }) => {
      const vault = session.requireVault();
      return changedView(vault, vault.trashItem(id));
    },

    restoreItem: ({ id }) => {
      const vault = session.requireVault();
      return changedView(vault, vault.restoreItem(id));
    },

    deleteItem: ({ id }) => {
      session.requireVault().deleteItem(id);
      return changed(null);
    },

    getSettings: settingsView,

    savePreferences: ({ preferences: patch }) => {
      const saved = preferences.save(patch);
      // A new auto-lock delay counts from now rather than from the last activity.
      session.noteActivity();
      events.emit('preferencesChanged', { preferences: saved });
      return settingsView();
    },

    saveVaultSettings: ({ settings }) => {
      session.requireVault().updateSettings(settings);
      return changed(settingsView());
    },

    scanTexts: ({ sources, restart }) => {
      const vault = session.requireVault();
      return scans.scan(vault, sources, restart, codeTime(vault, now()));
    },

    saveScanned: ({ choices }) => {
      const vault = session.requireVault();
      const items = scans.save(vault, choices);
      return changed(items.map((item) => view(vault, item)));
    },

    previewImport: (file) => imports.preview(file, () => session.requireVault()),

    applyImport: ({ importId, keepDuplicates }) => changed(imports.apply(session.requireVault(), importId, keepDuplicates)),

    discardImport: ({ importId }) => {
      imports.discard(importId);
      return null;
    },

    reportActivity: () => {
      session.noteActivity();
      return null;
    },
  };
}
