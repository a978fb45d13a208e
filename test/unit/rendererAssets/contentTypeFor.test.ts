import { describe, expect, it } from 'vitest';
import { contentTypeFor } from '../../../src/main/rendererAssets/contentTypeFor.js';

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-Bx3.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.mjs', 'text/javascript; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['strings.json', 'application/json; charset=utf-8'],
    ['assets/index.js.map', 'application/json; charset=utf-8'],
    ['manifest.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['photo.jpg', 'image/jpeg'],
    ['photo.jpeg', 'image/jpeg'],
    ['spinner.gif', 'image/gif'],
    ['icon.webp', 'image/webp'],
    ['icon.avif', 'image/avif'],
    ['favicon.ico', 'image/x-icon'],
    ['font.woff', 'font/woff'],
    ['font.woff2', 'font/woff2'],
    ['font.ttf', 'font/ttf'],
    ['font.otf', 'font/otf'],
    // WebAssembly.instantiateStreaming needs exactly this type.
    ['assets/zxing_reader.wasm', 'application/wasm'],
  ])('types %s as %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  it('ignores the case of the extension and the folders', () => {
    expect(contentTypeFor('/opt/TOTP Vault/renderer/INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('C:\\Program Files\\TOTP Vault\\assets\\Reader.WASM')).toBe('application/wasm');
  });

  it('serves what it does not know as opaque bytes', () => {
    for (const file of ['assets/data.bin', 'README', 'archive.tar.gz', '.env', 'index.html.bak', 'page.htm']) {
      expect(contentTypeFor(file), file).toBe('application/octet-stream');
    }
  });
});
