import { homedir } from 'node:os';
import { join } from 'node:path';

export const VAULT_FILE_NAME = 'vault.totpvault';
export const APP_DATA_FOLDER = 'TOTP Vault';

/**
 * Where the desktop app keeps its vault, computed without Electron so the CLI finds the same file.
 * It mirrors Electron's `app.getPath('userData')` for our product name on each platform.
 */
export function defaultVaultPath(environment: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return join(appDataFolder(environment, platform), VAULT_FILE_NAME);
}

export function appDataFolder(environment: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = environment['HOME'] ?? environment['USERPROFILE'] ?? homedir();
  if (platform === 'win32') {
    return join(environment['APPDATA'] ?? join(home, 'AppData', 'Roaming'), APP_DATA_FOLDER);
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', APP_DATA_FOLDER);
  }
  return join(environment['XDG_CONFIG_HOME'] || join(home, '.config'), APP_DATA_FOLDER);
}

/** The vault a command should use: an explicit path, else TOTP_VAULT, else the app's own file. */
export function resolveVaultPath(explicit: string | undefined, environment: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? (environment['TOTP_VAULT'] || defaultVaultPath(environment));
}
