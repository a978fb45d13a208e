// Builds the renderer into dist/renderer for both hosts: Electron loads it from app://totp-vault/ and the
// web host from http://127.0.0.1:PORT/, hence relative asset URLs. Both serve a CSP of script-src 'self'
// and style-src 'self', so nothing may be inlined: no module-preload polyfill (an inline script), CSS
// always in its own file, and small assets emitted as files rather than data: URLs.
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  publicDir: 'public',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    target: 'chrome120',
  },
  // The QR decoder worker (src/renderer/scan) is a module worker, built as its own file with zxing's
  // .wasm inlined (it may fetch nothing); ES output keeps it one self-contained module.
  worker: { format: 'es' },
  // Lets `zxing_reader.wasm?inline` be read as an asset, which `?inline` makes a data: URL in the bundle.
  assetsInclude: ['**/*.wasm'],
});
