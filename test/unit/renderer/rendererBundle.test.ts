/**
 * Builds the renderer exactly as `npm run build` does (src/renderer/vite.config.ts), into a temporary
 * folder, and checks how the QR decoder ships: as its own worker file carrying zxing's WebAssembly inside
 * it (the window may fetch nothing, Electron's CSP has connect-src 'none'), and not in the window's script.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CONFIG_FILE = fileURLToPath(new URL('../../../src/renderer/vite.config.ts', import.meta.url));
const require = createRequire(import.meta.url);

let folder: string;
let assets: string[];
const read = (name: string) => readFile(join(folder, 'assets', name), 'utf8');

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'renderer-bundle-'));
  await build({ configFile: CONFIG_FILE, logLevel: 'silent', build: { outDir: folder, emptyOutDir: false } });
  assets = await readdir(join(folder, 'assets'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the renderer bundle', () => {
  it('has the QR decoder as a worker of its own, with the reader .wasm inlined byte for byte', async () => {
    const workers = assets.filter((name) => /^qrDecoder\.worker-.*\.js$/.test(name));
    expect(workers).toHaveLength(1);
    const worker = await read(workers[0]!);
    const wasm = await readFile(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    expect(worker).toContain(`data:application/wasm;base64,${wasm.toString('base64')}`);
  });

  // zxing-wasm still names its CDN as the default place of the file; given the bytes, it never goes there
  // (test/e2e/scan.test.ts checks the page requests nothing from anywhere else).
  it('emits no .wasm file: the worker has nothing to fetch', () => {
    expect(assets.filter((name) => name.endsWith('.wasm'))).toEqual([]);
  });

  it('keeps the decoder out of the window’s script, which starts the worker by its file', async () => {
    const entries = assets.filter((name) => /^index-.*\.js$/.test(name));
    expect(entries).toHaveLength(1);
    const entry = await read(entries[0]!);
    expect(entry).not.toContain('data:application/wasm');
    // jsQR's option name and zxing's: either in the window's script means the decoder was bundled there.
    expect(entry).not.toContain('inversionAttempts');
    expect(entry).not.toContain('tryDownscale');
    expect(entry).toMatch(/new Worker\(new URL\(.*qrDecoder\.worker-[\w-]+\.js/);
  });
});
