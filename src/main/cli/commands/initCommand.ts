import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { VaultError } from '../../../shared/errors.js';
import { KDF_BOUNDS, MINIMUM_KDF_PASSES, type KdfParameters } from '../../crypto/index.js';
import { Vault, defaultVaultPath } from '../../vault/index.js';
import type { Invocation } from '../invocation.js';
import { printJson } from '../printJson.js';
import { readNewPassword } from '../readNewPassword.js';
import { parseWholeNumber } from '../parseWholeNumber.js';

const MiB = 1024 * 1024;
/** The lightest memory the CLI offers; below this Argon2id is a formality. */
const MINIMUM_KDF_MEMORY_MIB = 8;

/** `totp-vault init`: creates an empty vault protected by a new master password. */
export async function initCommand(invocation: Invocation): Promise<void> {
  const { context, options, vaultPath } = invocation;
  const kdf = readKdfOptions(options['kdf-memory'], options['kdf-passes']);
  if (existsSync(vaultPath)) {
    throw new VaultError('VAULT_EXISTS', `A file already exists at ${vaultPath}; the vault there was left as it is.`);
  }
  prepareFolder(vaultPath, context.env);
  const password = await readNewPassword(invocation.secrets);
  const vault = await Vault.create(vaultPath, password, { now: context.now, kdf });
  try {
    if (options.json) {
      printJson(context.stdout, { path: vault.path, kdf: { algorithm: 'Argon2id', memoryBytes: vault.kdf.memoryBytes, passes: vault.kdf.passes } });
    } else {
      context.stdout.write(`Created a vault at ${vault.path} (key derivation: ${describeKdf(vault.kdf)}).\n`);
    }
  } finally {
    vault.lock();
  }
}

function readKdfOptions(memory: string | undefined, passes: string | undefined): { memoryBytes?: number; passes?: number } {
  const kdf: { memoryBytes?: number; passes?: number } = {};
  if (memory !== undefined) {
    kdf.memoryBytes = parseWholeNumber('--kdf-memory', memory, MINIMUM_KDF_MEMORY_MIB, KDF_BOUNDS.maxMemoryBytes / MiB) * MiB;
  }
  if (passes !== undefined) {
    kdf.passes = parseWholeNumber('--kdf-passes', passes, MINIMUM_KDF_PASSES, KDF_BOUNDS.maxPasses);
  }
  return kdf;
}

/**
 * The desktop app's own folder is created on first use, as the app would. Any other missing folder is
 * more likely a typo in --vault or TOTP_VAULT, so it is reported rather than created.
 */
function prepareFolder(vaultPath: string, env: NodeJS.ProcessEnv): void {
  const folder = dirname(vaultPath);
  if (existsSync(folder)) return;
  if (vaultPath === defaultVaultPath(env)) {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    return;
  }
  throw new VaultError('IO_ERROR', `The folder ${folder} does not exist; create it first or choose another place.`);
}

function describeKdf(kdf: KdfParameters): string {
  const memory = kdf.memoryBytes % MiB === 0 ? `${kdf.memoryBytes / MiB} MiB` : `${Math.round(kdf.memoryBytes / 1024)} KiB`;
  return `Argon2id, ${memory}, ${kdf.passes} ${kdf.passes === 1 ? 'pass' : 'passes'}`;
}
