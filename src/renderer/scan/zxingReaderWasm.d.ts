/**
 * Vite's `?inline` import of zxing's reader WebAssembly: the file's bytes as a base64 `data:` URL inside
 * the worker's bundle. The window may fetch nothing (Electron's CSP has connect-src 'none'), so the worker
 * carries the .wasm with it instead of loading it by URL.
 */
declare module 'zxing-wasm/reader/zxing_reader.wasm?inline' {
  const dataUrl: string;
  export default dataUrl;
}
