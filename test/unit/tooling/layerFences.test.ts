/**
 * The layer fences of eslint.config.js, exercised through ESLint itself: each snippet is linted at a
 * virtual path as if it lived in that folder. One test per fence; each asserts the fence's own
 * message, so deleting that fence (a row or a target in the config's tables) fails its test, and
 * each also checks the import that fence must still allow.
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The fence messages ESLint reports for `code` placed at `filePath` (relative to the repository). */
async function fenceMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`ESLint returned no result for ${filePath}`);
  const fatal = result.messages.filter((message) => message.fatal);
  expect(fatal, `${filePath} must parse`).toEqual([]);
  return result.messages.filter((message) => message.ruleId === 'local/layer-fences').map((message) => message.message);
}

const importOf = (specifier: string): string => `import * as imported from '${specifier}';\nexport { imported };\n`;

/** Asserts that importing `specifier` from `filePath` breaks a fence whose message contains `expected`. */
async function expectBlocked(filePath: string, specifier: string, expected: string): Promise<void> {
  const messages = await fenceMessages(filePath, importOf(specifier));
  expect(messages, `${filePath} importing ${specifier}`).toEqual(
    expect.arrayContaining([expect.stringContaining(expected)]),
  );
}

async function expectAllowed(filePath: string, specifier: string): Promise<void> {
  expect(await fenceMessages(filePath, importOf(specifier)), `${filePath} importing ${specifier}`).toEqual([]);
}

const layerMessage = (folder: string, specifier: string): string => `${folder} must not import '${specifier}'`;
const ownerMessage = (owner: string, name: string): string => `Only ${owner} may import '${name}'`;

describe('layer fences: src/shared', () => {
  it('imports no Node builtin, with or without the node: prefix', async () => {
    for (const specifier of ['node:fs', 'fs', 'path', 'crypto', 'fs/promises', 'node:sqlite']) {
      await expectBlocked('src/shared/bad.ts', specifier, layerMessage('src/shared', specifier));
    }
  });

  it('imports no React', async () => {
    for (const specifier of ['react', 'react-dom', 'react-dom/client']) {
      await expectBlocked('src/shared/bad.ts', specifier, layerMessage('src/shared', specifier));
    }
  });

  it('imports nothing outside src/shared, but may import within it', async () => {
    await expectBlocked('src/shared/bad.ts', '../main/vault/service.js', layerMessage('src/shared', '../main/vault/service.js'));
    await expectBlocked('src/shared/bad.ts', '../renderer/App.js', layerMessage('src/shared', '../renderer/App.js'));
    await expectBlocked('src/shared/api/bad.ts', '../../main/cli/run.js', layerMessage('src/shared', '../../main/cli/run.js'));
    await expectBlocked('src/shared/bad.ts', '../../package.json', layerMessage('src/shared', '../../package.json'));
    await expectAllowed('src/shared/api/good.ts', '../errors.js');
    await expectAllowed('src/shared/good.ts', './result.js');
  });
});

describe('layer fences: src/renderer', () => {
  it('imports no Node builtin', async () => {
    for (const specifier of ['node:fs', 'fs', 'node:path', 'child_process']) {
      await expectBlocked('src/renderer/bad.tsx', specifier, layerMessage('src/renderer', specifier));
    }
  });

  it('never imports src/main, only src/shared', async () => {
    await expectBlocked('src/renderer/bad.tsx', '../main/vault/service.js', layerMessage('src/renderer', '../main/vault/service.js'));
    await expectBlocked('src/renderer/views/bad.tsx', '../../main/otp/generate.js', layerMessage('src/renderer', '../../main/otp/generate.js'));
    await expectAllowed('src/renderer/views/good.tsx', '../../shared/result.js');
    await expectAllowed('src/renderer/views/good.tsx', '../App.js');
  });
});

describe('layer fences: downward only inside src/main', () => {
  const lowerLayers = ['crypto', 'storage', 'otp', 'qr', 'importers'];

  it.each(lowerLayers)('src/main/%s imports neither the vault nor a host', async (layer) => {
    const folder = `src/main/${layer}`;
    for (const upper of ['vault', 'cli', 'web', 'electron']) {
      await expectBlocked(`${folder}/bad.ts`, `../${upper}/index.js`, layerMessage(folder, `../${upper}/index.js`));
    }
    // Resolution, not string matching: from a subfolder, ../vault is a sibling inside the layer.
    await expectAllowed(`${folder}/sub/good.ts`, '../vault/index.js');
    await expectAllowed(`${folder}/good.ts`, '../../shared/errors.js');
  });

  it('src/main/vault imports no host, but everything below it', async () => {
    for (const host of ['cli', 'web', 'electron']) {
      await expectBlocked('src/main/vault/bad.ts', `../${host}/index.js`, layerMessage('src/main/vault', `../${host}/index.js`));
    }
    for (const lower of ['crypto', 'storage', 'otp', 'qr', 'importers']) {
      await expectAllowed('src/main/vault/good.ts', `../${lower}/index.js`);
    }
  });

  it('src/main/rendererAssets imports neither the vault nor a host, but Node and the contract', async () => {
    const folder = 'src/main/rendererAssets';
    for (const upper of ['vault', 'cli', 'web', 'electron']) {
      await expectBlocked(`${folder}/bad.ts`, `../${upper}/index.js`, layerMessage(folder, `../${upper}/index.js`));
    }
    await expectBlocked(`${folder}/bad.ts`, 'electron', ownerMessage('src/main/electron', 'electron'));
    await expectAllowed(`${folder}/good.ts`, 'node:path');
    await expectAllowed(`${folder}/good.ts`, './isInsideFolder.js');
    await expectAllowed(`${folder}/good.ts`, '../../shared/errors.js');
    // Both hosts share it instead of importing each other.
    await expectAllowed('src/main/web/good.ts', '../rendererAssets/securityHeaders.js');
    await expectAllowed('src/main/electron/good.ts', '../rendererAssets/securityHeaders.js');
  });

  it('src/main/cli imports no Electron host code, but the vault and the web host', async () => {
    await expectBlocked('src/main/cli/bad.ts', '../electron/main.js', layerMessage('src/main/cli', '../electron/main.js'));
    await expectAllowed('src/main/cli/good.ts', '../vault/index.js');
    await expectAllowed('src/main/cli/good.ts', '../web/server.js');
  });

  it('src/main/web imports no Electron host code, but the vault', async () => {
    await expectBlocked('src/main/web/bad.ts', '../electron/main.js', layerMessage('src/main/web', '../electron/main.js'));
    await expectAllowed('src/main/web/good.ts', '../vault/index.js');
  });

  it('src/main/electron imports neither the CLI nor the web host, but the vault', async () => {
    await expectBlocked('src/main/electron/bad.ts', '../cli/run.js', layerMessage('src/main/electron', '../cli/run.js'));
    await expectBlocked('src/main/electron/bad.ts', '../web/server.js', layerMessage('src/main/electron', '../web/server.js'));
    await expectAllowed('src/main/electron/good.ts', '../vault/index.js');
  });
});

describe('dependency owners', () => {
  const everywhereElse = ['src/shared/x.ts', 'src/renderer/x.tsx', 'src/main/x.ts', 'src/main/vault/x.ts', 'src/main/cli/x.ts'];

  it('only src/main/electron imports electron', async () => {
    for (const filePath of [...everywhereElse, 'src/main/web/x.ts', 'src/main/crypto/x.ts', 'src/main/rendererAssets/x.ts']) {
      await expectBlocked(filePath, 'electron', ownerMessage('src/main/electron', 'electron'));
    }
    await expectAllowed('src/main/electron/window.ts', 'electron');
  });

  it.each([
    ['libsodium-wrappers-sumo', 'src/main/crypto', 'src/main/storage/x.ts'],
    ['better-sqlite3', 'src/main/storage', 'src/main/crypto/x.ts'],
    ['otpauth', 'src/main/otp', 'src/main/importers/x.ts'],
    ['jsqr', 'src/shared/qr', 'src/main/qr/x.ts'],
    ['pngjs', 'src/main/qr', 'src/main/importers/x.ts'],
    ['jpeg-js', 'src/main/qr', 'src/main/importers/x.ts'],
    ['omggif', 'src/main/qr', 'src/main/importers/x.ts'],
    ['bmp-ts', 'src/main/qr', 'src/main/importers/x.ts'],
    ['@jsquash/webp', 'src/main/qr', 'src/shared/qr/x.ts'],
  ])('only the owner imports %s (%s)', async (name, owner, sibling) => {
    for (const filePath of [...everywhereElse, sibling]) {
      await expectBlocked(filePath, name, ownerMessage(owner, name));
    }
    await expectBlocked('src/main/vault/x.ts', `${name}/sub/path.js`, ownerMessage(owner, name));
    await expectAllowed(`${owner}/module.ts`, name);
  });
});

describe('a dependency with two owners', () => {
  it('zxing-wasm: the decoding strategy in src/shared/qr and the worker bundling its .wasm in src/renderer/scan', async () => {
    const message = "Only src/shared/qr and src/renderer/scan may import 'zxing-wasm'";
    for (const filePath of ['src/shared/x.ts', 'src/renderer/x.tsx', 'src/main/qr/x.ts', 'src/main/vault/x.ts']) {
      await expectBlocked(filePath, 'zxing-wasm/reader', message);
    }
    await expectAllowed('src/shared/qr/decode.ts', 'zxing-wasm/reader');
    await expectAllowed('src/renderer/scan/worker.ts', 'zxing-wasm/reader/zxing_reader.wasm?inline');
  });
});

describe('the fence rule itself', () => {
  it('sees every way of naming a module: re-exports, import(), require(), import = require, typeof import()', async () => {
    const code = [
      "export { a } from 'electron';",
      "export * from 'better-sqlite3';",
      "const lazy = await import('otpauth');",
      'const lazyTemplate = await import(`jsqr`);',
      "const required = require('libsodium-wrappers-sumo');",
      "import sqlite = require('node:sqlite');",
      "type App = typeof import('react');",
      "import type { Database } from 'better-sqlite3';",
      'export { lazy, lazyTemplate, required, sqlite, type App, type Database };',
    ].join('\n');
    const messages = await fenceMessages('src/shared/forms.ts', code);
    for (const specifier of ['electron', 'better-sqlite3', 'otpauth', 'jsqr', 'libsodium-wrappers-sumo']) {
      expect(messages).toEqual(expect.arrayContaining([expect.stringContaining(`may import '${specifier}'`)]));
    }
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining(layerMessage('src/shared', 'node:sqlite'))]));
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining(layerMessage('src/shared', 'react'))]));
    expect(messages.filter((message) => message.includes("'better-sqlite3'"))).toHaveLength(2);
  });

  it('fences src only: tests and the CLI entry may import what they exercise', async () => {
    expect(await fenceMessages('test/unit/vault/x.test.ts', importOf('electron'))).toEqual([]);
    expect(await fenceMessages('bin/totp-vault.js', importOf('better-sqlite3'))).toEqual([]);
  });
});
