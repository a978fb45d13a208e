/**
 * Builds the preload exactly as `npm run build` does (preload.vite.config.ts), into a temporary folder,
 * and runs the bundle the way a sandboxed renderer would: a context whose `require` knows only
 * 'electron'. That proves the one-file constraint Electron enforces and that the page sees `totpVault`
 * and nothing else, without Electron's binary.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_CALL_NAMES, apiChannel } from '../../../src/shared/api.js';

const CONFIG_FILE = fileURLToPath(new URL('../../../src/main/electron/preload.vite.config.ts', import.meta.url));

interface Loaded {
  readonly required: string[];
  readonly exposed: Map<string, unknown>;
  readonly ipcRenderer: { invoke: ReturnType<typeof vi.fn>; on: ReturnType<typeof vi.fn>; removeListener: ReturnType<typeof vi.fn> };
  readonly source: string;
}

let folder: string;
let loaded: Loaded;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'preload-bundle-'));
  await build({ configFile: CONFIG_FILE, logLevel: 'silent', build: { outDir: folder, emptyOutDir: false } });
  const source = await readFile(join(folder, 'preload.cjs'), 'utf8');
  const required: string[] = [];
  const exposed = new Map<string, unknown>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string) => ({ ok: true, value: channel })),
    on: vi.fn(),
    removeListener: vi.fn(),
  };
  const electron = { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) }, ipcRenderer };
  const context = vm.createContext({
    require: (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
      return electron;
    },
    module: { exports: {} },
    exports: {},
  });
  vm.runInContext(source, context, { filename: 'preload.cjs' });
  loaded = { required, exposed, ipcRenderer, source };
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

interface ExposedBridge {
  api: Record<string, (request: unknown) => Promise<unknown>>;
  events: { on: (name: string, listener: (...args: unknown[]) => void) => () => void };
  clipboard: Record<string, (text: string) => Promise<unknown>>;
  host: string;
}

const bridge = () => loaded.exposed.get('totpVault') as ExposedBridge;

describe('the bundled preload', () => {
  it('is one CommonJS file that requires electron and nothing else', () => {
    expect(loaded.required).toEqual(['electron']);
    expect(loaded.source).not.toMatch(/\bimport\s*[{(*]|\bexport\s/);
  });

  it('exposes exactly one object, totpVault, shaped as HostBridge', () => {
    expect([...loaded.exposed.keys()]).toEqual(['totpVault']);
    expect(Object.keys(bridge()).sort()).toEqual(['api', 'capture', 'clipboard', 'events', 'host']);
    expect(bridge().host).toBe('electron');
    expect(Object.keys(bridge().api).sort()).toEqual([...API_CALL_NAMES].sort());
  });

  it('never hands the page ipcRenderer or electron', () => {
    const seen = new Set<unknown>();
    const walk = (value: unknown): void => {
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      seen.add(value);
      expect(value).not.toBe(loaded.ipcRenderer);
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key]);
    };
    walk(bridge());
    expect(seen.size).toBeGreaterThan(1);
  });

  it('invokes each call on its own channel', async () => {
    for (const name of API_CALL_NAMES) {
      const call = bridge().api[name];
      expect(call, name).toBeTypeOf('function');
      expect(await call?.({ probe: name })).toEqual({ ok: true, value: apiChannel(name) });
      expect(loaded.ipcRenderer.invoke).toHaveBeenLastCalledWith(apiChannel(name), { probe: name });
    }
  });

  it('passes a listener the payload only, never the IPC event, and unsubscribes the same wrapper', () => {
    const listener = vi.fn();
    const off = bridge().events.on('vaultChanged', listener);
    const [channel, wrapper] = loaded.ipcRenderer.on.mock.lastCall as [string, (...args: unknown[]) => void];
    expect(channel).toBe(apiChannel('vaultChanged'));
    wrapper({ sender: loaded.ipcRenderer, ports: [] }, {});
    expect(listener).toHaveBeenCalledWith({});
    expect(listener.mock.lastCall).toHaveLength(1);
    off();
    expect(loaded.ipcRenderer.removeListener).toHaveBeenCalledWith(apiChannel('vaultChanged'), wrapper);
  });
});
