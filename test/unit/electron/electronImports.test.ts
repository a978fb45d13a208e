/**
 * Keeps the seams testable: only the files that must touch Electron at run time import its values, and
 * every other file in src/main/electron (the ones the unit tests load under plain Node) may import it
 * as a type at most. Also checks that no channel string is spelled outside src/shared/api.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FOLDER = fileURLToPath(new URL('../../../src/main/electron/', import.meta.url));

/** The thin layer that needs electron's values; everything else is pure and unit-tested. */
const ELECTRON_VALUE_IMPORTERS = [
  'bindPowerLock.ts',
  'createVaultWindow.ts',
  'guardWebContents.ts',
  'hardenSession.ts',
  'ipcBinding.ts',
  'main.ts',
  'preload.ts',
  'registerAppProtocol.ts',
];

async function sources(): Promise<Map<string, string>> {
  const names = (await readdir(FOLDER)).filter((name) => name.endsWith('.ts'));
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(`${FOLDER}${name}`, 'utf8')] as const)));
}

/** `import … from 'electron'` that is not `import type …`, plus require/import() of electron. */
function importsElectronValues(withComments: string): boolean {
  const source = withComments.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const statements = source.match(/^import\s[^;]*?from\s+['"]electron['"]/gms) ?? [];
  const valueStatements = statements.filter((statement) => !/^import\s+type\s/.test(statement));
  return valueStatements.length > 0 || /require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/.test(source);
}

describe('src/main/electron', () => {
  it('imports electron values only in its thin host files', async () => {
    const importers = [...(await sources())].filter(([, source]) => importsElectronValues(source)).map(([name]) => name);
    expect(importers.sort()).toEqual(ELECTRON_VALUE_IMPORTERS);
  });

  it('spells no IPC channel name: they all come from apiChannel', async () => {
    for (const [name, source] of await sources()) {
      expect(source, name).not.toMatch(/['"`]totp-vault:/);
    }
  });

  it('exposes exactly one object to the page, never ipcRenderer itself', async () => {
    const preload = (await sources()).get('preload.ts') ?? '';
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('totpVault', bridge\)/);
  });
});
