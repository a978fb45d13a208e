// Bundles preload.ts into ONE CommonJS file: a sandboxed preload can `require('electron')` and nothing
// else (no relative files, no ES modules), so createHostBridge and the API lists are inlined and electron
// stays external. Run after `tsc -b`, which leaves the rest of dist/main/electron in place:
//   vite build --config src/main/electron/preload.vite.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  root: fromHere('../../..'),
  publicDir: false,
  logLevel: 'warn',
  build: {
    lib: {
      entry: fromHere('preload.ts'),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    outDir: fromHere('../../../dist/main/electron'),
    // tsc has just written main.js and its neighbours here.
    emptyOutDir: false,
    copyPublicDir: false,
    // Electron 45's Chromium; the preload is read once per window, so a readable file costs nothing.
    target: 'chrome140',
    minify: false,
    sourcemap: false,
    rolldownOptions: { external: ['electron'] },
  },
});
