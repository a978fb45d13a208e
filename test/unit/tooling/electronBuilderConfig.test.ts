/**
 * electron-builder.yml is checked by electron-builder itself, not by a copy of its rules:
 * `getConfig` is the loader `electron-builder build` uses (it parses the YAML with electron-builder's
 * own js-yaml and normalises `files`), and `validateConfiguration` is the validator the packager runs
 * before building (ajv over app-builder-lib's scheme.json). Both come from the app-builder-lib that
 * our electron-builder depends on, resolved from electron-builder's own folder so hoisting cannot
 * hand us a different copy. Then the security-relevant settings are pinned one by one.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CONFIG_FILE = path.join(ROOT, 'electron-builder.yml');

interface DebugLogger {
  readonly isEnabled: boolean;
  add(key: string, value: unknown): void;
}

interface AppBuilderConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Configuration>;
  validateConfiguration(config: unknown, debugLogger: DebugLogger): Promise<void>;
}

const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const requireFromAppBuilder = createRequire(requireFromBuilder.resolve('app-builder-lib/package.json'));
const { getConfig, validateConfiguration } = requireFromBuilder(
  'app-builder-lib/out/util/config/config.js',
) as AppBuilderConfigModule;
const { DebugLogger } = requireFromAppBuilder('builder-util') as {
  DebugLogger: new (isEnabled?: boolean) => DebugLogger;
};

const validate = (config: unknown): Promise<void> => validateConfiguration(config, new DebugLogger(false));

/** Every pattern of a `files`-like option, after electron-builder normalised it into FileSets. */
function patterns(option: Configuration['files']): string[] {
  const entries = option == null ? [] : Array.isArray(option) ? option : [option];
  return entries.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    const filter = entry.filter ?? [];
    return typeof filter === 'string' ? [filter] : filter;
  });
}

function targetNames(target: unknown): string[] {
  const entries = Array.isArray(target) ? target : target == null ? [] : [target];
  return entries.map((entry) => (typeof entry === 'string' ? entry : (entry as { target: string }).target));
}

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(ROOT, CONFIG_FILE, null);
});

describe('electron-builder.yml', () => {
  it('loads with electron-builder and passes its own schema validation', async () => {
    expect(config.productName).toBe('TOTP Vault');
    expect(config.appId).toBe('no.totpvault.app');
    await expect(validate(structuredClone(config))).resolves.toBeUndefined();
  });

  it('is checked by a live validator that rejects a wrong type, an unknown key and a misspelt fuse', async () => {
    await expect(validate({ ...structuredClone(config), npmRebuild: 'maybe' })).rejects.toThrow(/npmRebuild/);
    await expect(validate({ ...structuredClone(config), frobnicate: true })).rejects.toThrow(/frobnicate/);
    await expect(
      validate({ ...structuredClone(config), electronFuses: { ...config.electronFuses, runAsNodes: false } }),
    ).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('flips the Electron fuses of the security posture', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('never rebuilds native modules (better-sqlite3 ships N-API prebuilds; a rebuild needs the network)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('packs an asar and unpacks better-sqlite3 so its .node binary can be loaded', () => {
    expect(config.asar).not.toBe(false);
    const unpacked = config.asarUnpack == null ? [] : ([] as string[]).concat(config.asarUnpack);
    expect(unpacked).toContain('**/node_modules/better-sqlite3/**');
  });

  it('installs per user on Windows, without elevation, and keeps the vault on uninstall', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      deleteAppDataOnUninstall: false,
    });
  });

  it('builds nsis + portable, AppImage + deb (Utility) and dmg', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis', 'portable']);
    expect(targetNames(config.linux?.target)).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Utility');
    expect(targetNames(config.mac?.target)).toEqual(['dmg']);
  });

  it('ships dist and package.json without source maps or tests, into release/', () => {
    const files = patterns(config.files);
    expect(files).toEqual(expect.arrayContaining(['dist/**', 'package.json', '!**/*.map', '!**/*.{test,spec}.js']));
    expect(config.directories).toMatchObject({ output: 'release', buildResources: 'assets' });
  });

  it('references only image files that exist', () => {
    const buildResources = path.join(ROOT, config.directories?.buildResources ?? 'build');
    const missing: string[] = [];
    const visit = (value: unknown, key: string): void => {
      if (typeof value === 'string' && /(icon|header|sidebar|background|splashImage)$/i.test(key)) {
        if (!existsSync(path.resolve(buildResources, value)) && !existsSync(path.resolve(ROOT, value))) {
          missing.push(`${key}: ${value}`);
        }
      } else if (value !== null && typeof value === 'object') {
        for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
      }
    };
    visit(config, '');
    expect(missing).toEqual([]);
  });
});
