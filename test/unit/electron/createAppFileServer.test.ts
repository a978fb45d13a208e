import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createAppFileServer } from '../../../src/main/electron/createAppFileServer.js';

let folder: string;
let serve: ReturnType<typeof createAppFileServer>;

const get = (url: string) => serve({ url, method: 'GET' });

/** The app:// policy to the letter: nothing remote, and connect-src 'none' (the renderer uses IPC). */
const APP_POLICY =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function expectSecurityHeaders(response: Response, label: string): void {
  expect(response.headers.get('content-security-policy'), label).toBe(APP_POLICY);
  expect(response.headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), label).toBe('no-referrer');
  expect(response.headers.get('cross-origin-opener-policy'), label).toBe('same-origin');
  expect(response.headers.get('cross-origin-resource-policy'), label).toBe('same-origin');
  expect(response.headers.get('permissions-policy'), label).toBe(
    'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), display-capture=(self)',
  );
}

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'app-protocol-'));
  const renderer = join(folder, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>TOTP Vault</title>');
  await writeFile(join(renderer, 'assets', 'index-Bx3.js'), 'console.log(1)');
  await writeFile(join(renderer, 'assets', 'reader.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(join(renderer, 'assets', 'data.bin'), 'opaque');
  await writeFile(join(folder, 'vault.totpvault'), 'SECRET VAULT BYTES');
  await symlink(join(folder, 'vault.totpvault'), join(renderer, 'assets', 'escape.js'));
  await symlink(join(renderer, 'index.html'), join(renderer, 'assets', 'inside.html'));
  serve = createAppFileServer(renderer);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('createAppFileServer', () => {
  it('serves index.html for the root, with the CSP and nosniff', async () => {
    const response = await get('app://totp-vault/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>TOTP Vault</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sends the app:// policy, which lets the page connect nowhere', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(APP_POLICY);
  });

  it('types what it serves: scripts, WebAssembly for streaming compilation, unknown kinds as bytes', async () => {
    expect((await get('app://totp-vault/assets/index-Bx3.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://totp-vault/assets/reader.wasm')).headers.get('content-type')).toBe('application/wasm');
    expect((await get('app://totp-vault/assets/data.bin')).headers.get('content-type')).toBe('application/octet-stream');
  });

  it('answers 404 for files that are not there, and for folders', async () => {
    for (const url of ['app://totp-vault/missing.js', 'app://totp-vault/assets/missing.js', 'app://totp-vault/assets', 'app://totp-vault/index.html/x']) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('answers 403 for traversal and other origins without reading anything', async () => {
    for (const url of [
      'app://totp-vault/..%2fvault.totpvault',
      'app://totp-vault/..%5cvault.totpvault',
      'app://totp-vault/assets/..%2f..%2fvault.totpvault',
      'app://other/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(403);
      expect(await response.text()).not.toContain('SECRET');
    }
  });

  it('follows a symbolic link only while it stays inside the renderer folder', async () => {
    const escape = await get('app://totp-vault/assets/escape.js');
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('SECRET');
    expect((await get('app://totp-vault/assets/inside.html')).status).toBe(200);
  });

  it('sends the CSP and the other security headers on every answer, errors included', async () => {
    for (const url of ['app://totp-vault/', 'app://totp-vault/assets/reader.wasm', 'app://totp-vault/missing.js', 'app://totp-vault/..%2fx', 'app://totp-vault/assets/escape.js']) {
      expectSecurityHeaders(await get(url), url);
    }
    const refused = await serve({ url: 'app://totp-vault/', method: 'POST' });
    expect(refused.status).toBe(405);
    expectSecurityHeaders(refused, 'POST');
  });

  it('answers HEAD without a body', async () => {
    const response = await serve({ url: 'app://totp-vault/index.html', method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
