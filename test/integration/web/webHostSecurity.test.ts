/**
 * The loopback web host as a hostile local page or process would see it: real HTTP on 127.0.0.1 against a
 * real ApiService. Every refusal is checked by status, and every answer for its security headers.
 */
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { LARGE_REQUEST_BODY_BYTES } from '../../../src/main/vault/apiRequestValidation.js';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../src/main/web/index.js';
import { APP_SCRIPT, type HttpAnswer, INDEX_HTML, OUTSIDE_CONTENT, sendRequest, webHostSuite } from './webHostFixture.js';

const { host, send, call } = webHostSuite();

/** The web host's policy to the letter: nothing remote; the page may connect to its own origin (the API) only. */
const WEB_POLICY =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function expectSecurityHeaders(answer: HttpAnswer): void {
  expect(answer.headers['content-security-policy']).toBe(WEB_POLICY);
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['referrer-policy']).toBe('no-referrer');
  expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(answer.headers['permissions-policy']).toBe('camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), display-capture=(self)');
}

describe('the security headers', () => {
  it('are the ones the host exports: its exact policy, connecting to its own origin only', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(WEB_POLICY);
    expect(SECURITY_HEADERS).toMatchObject({ 'Content-Security-Policy': WEB_POLICY, 'Permissions-Policy': expect.any(String) });
  });
});

describe('where it listens', () => {
  it('binds 127.0.0.1 and nothing else', () => {
    expect(host().address).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(host().url).toBe(`http://127.0.0.1:${host().port}/#token=${host().token}`);
    expect(host().token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('cannot be reached on any other address of this machine', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((entry) => entry !== undefined && !entry.internal && entry.family === 'IPv4')
      .map((entry) => entry?.address ?? '');
    for (const address of [...others, '::1']) {
      // Refused, or unreachable where the machine has no such address (::1 without IPv6): never answered.
      await expect(sendRequest(host().port, '/', { host: address }), address).rejects.toMatchObject({ code: expect.stringMatching(/^E[A-Z]+$/) });
    }
  });
});

describe('the token', () => {
  it('is required on every API call and the event stream', async () => {
    for (const authorization of [undefined, 'Bearer ', 'Bearer wrong', `Basic ${host().token}`, `Bearer ${host().token}x`, `Bearer ${host().token.slice(1)}`]) {
      const answer = await send('/api/status', { method: 'POST', headers: { Authorization: authorization, 'Content-Type': 'application/json' }, body: '{}' });
      expect(answer.status, String(authorization)).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer');
      expect(answer.body).toBe('');
      expectSecurityHeaders(answer);
    }
    expect((await send('/api/events', { headers: { Authorization: undefined } })).status).toBe(401);
    expect((await send(`/api/events?token=${host().token}`, { headers: { Authorization: undefined } })).status).toBe(401);
  });

  it('is refused with a token of the same length that differs', async () => {
    const token = host().token;
    const other = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect((await send('/api/status', { method: 'POST', headers: { Authorization: `Bearer ${other}`, 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
  });

  it('is not needed for the page itself, which holds nothing secret', async () => {
    const answer = await send('/', { headers: { Authorization: undefined } });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(INDEX_HTML);
  });
});

describe('Host and Origin', () => {
  it('refuses any Host but our own loopback name and port (DNS rebinding)', async () => {
    const port = host().port;
    for (const value of [`evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1', `127.0.0.1.evil.example:${port}`, `[::1]:${port}`, `0.0.0.0:${port}`, `LOCALHOST:${port}x`]) {
      for (const path of ['/', '/api/status']) {
        const answer = await send(path, { method: path === '/' ? 'GET' : 'POST', headers: { Host: value, 'Content-Type': 'application/json' }, body: '{}' });
        expect(answer.status, `${value} ${path}`).toBe(403);
        expect(answer.body).toBe('');
        expectSecurityHeaders(answer);
      }
    }
    // Node's HTTP server refuses an HTTP/1.1 request without Host itself (requireHostHeader), with 400.
    expect([400, 403]).toContain((await send('/', { withoutHost: true })).status);
  });

  it('accepts localhost as well as 127.0.0.1', async () => {
    expect((await send('/', { headers: { Host: `localhost:${host().port}` } })).status).toBe(200);
  });

  it('refuses a foreign Origin, and accepts our own', async () => {
    const port = host().port;
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, `https://127.0.0.1:${port}`, 'null', `http://127.0.0.1:${port}/`, `http://localhost.evil.example:${port}`]) {
      const answer = await send('/api/status', { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: '{}' });
      expect(answer.status, origin).toBe(403);
      expect(answer.body).toBe('');
    }
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      expect((await send('/api/status', { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json' }, body: '{}' })).status, origin).toBe(200);
    }
  });
});

describe('static files', () => {
  it('serves index.html for / with the security headers', async () => {
    const answer = await send('/');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.body).toBe(INDEX_HTML);
    expectSecurityHeaders(answer);
    expect(answer.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('gives each kind of file its content type, and HEAD no body', async () => {
    expect((await send('/index.html')).headers['content-type']).toBe('text/html; charset=utf-8');
    const script = await send('/assets/app.js');
    expect(script).toMatchObject({ status: 200, body: APP_SCRIPT });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await send('/assets/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await send('/assets/nested/decoder.wasm')).headers['content-type']).toBe('application/wasm');
    const head = await send('/assets/app.js', { method: 'HEAD' });
    expect(head).toMatchObject({ status: 200, body: '' });
    expect(head.headers['content-length']).toBe(String(Buffer.byteLength(APP_SCRIPT)));
    expect((await send('/assets/app.js?v=1')).body).toBe(APP_SCRIPT);
  });

  it('lists no folders and answers 404 for what is not there', async () => {
    for (const path of ['/assets', '/assets/', '/assets/nested/', '/missing.js', '/index.htm', '/api']) {
      const answer = await send(path, { headers: { Authorization: undefined } });
      expect(answer.status, path).toBe(path === '/api' ? 401 : 404);
      expect(answer.body).toBe('');
      expectSecurityHeaders(answer);
    }
  });

  it('never serves a file outside the folder, however the path is spelled', async () => {
    const attempts = [
      '/../outside.txt',
      '/../package.json',
      '/../../package.json',
      '/%2e%2e/outside.txt',
      '/%2E%2E/outside.txt',
      '/..%2foutside.txt',
      '/..%2Foutside.txt',
      '/%2e%2e%2foutside.txt',
      '/assets/..%2f..%2foutside.txt',
      '/assets/%2e%2e/%2e%2e/outside.txt',
      '/assets/../../outside.txt',
      '/..\\outside.txt',
      '/..%5coutside.txt',
      '/%252e%252e/outside.txt',
      '/%c0%ae%c0%ae/outside.txt',
      '/index.html%00.js',
      '/%00',
      '/link.txt',
      '/.hidden',
      '//outside.txt',
      `/${'%2e%2e/'.repeat(20)}etc/passwd`,
      '/C:%5cWindows%5cwin.ini',
    ];
    for (const path of attempts) {
      const answer = await send(path);
      expect([400, 404], path).toContain(answer.status);
      expect(answer.body, path).not.toContain(OUTSIDE_CONTENT);
      expect(answer.body, path).not.toContain('"name"');
    }
    // Absolute-form targets are for proxies; the path inside one is never looked at.
    expect((await send(`http://127.0.0.1:${host().port}/../outside.txt`)).status).toBe(400);
  });

  it('answers only GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const answer = await send('/', { method, headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
    }
  });
});

describe('API calls', () => {
  it('answers a call with its Result as JSON, never cached', async () => {
    const answer = await call('status', {});
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(answer);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: expect.objectContaining({ exists: false, unlocked: false }) });
  });

  it('answers a failed call with 200 and the failed Result: it is a value', async () => {
    const answer = await call('unlock', { password: 'nothing to unlock' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'VAULT_NOT_FOUND' } });
  });

  it('passes an unknown call to the service, which answers with its own failed Result', async () => {
    const answer = await call('frobnicate', {});
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    for (const path of ['/api/', '/api/a.b', '/api/status/x', '/api/%73tatus', `/api/${'a'.repeat(65)}`]) {
      expect((await send(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status, path).toBe(404);
    }
  });

  it('answers only POST', async () => {
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE']) {
      const answer = await send('/api/status', { method });
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('POST');
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    expect((await send('/api/events', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).headers.allow).toBe('GET');
  });

  it('wants application/json (415), at most 1 MiB of it (413), and valid (400)', async () => {
    const post = (headers: Record<string, string | undefined>, body: string | Buffer) => send('/api/status', { method: 'POST', headers, body });
    expect((await post({ 'Content-Type': 'text/plain' }, '{}')).status).toBe(415);
    expect((await post({ 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=1')).status).toBe(415);
    expect((await post({}, '{}')).status).toBe(415);
    expect((await post({ 'Content-Type': 'application/json; charset=utf-8' }, '{}')).status).toBe(200);
    expect((await post({ 'Content-Type': 'Application/JSON' }, '{}')).status).toBe(200);
    expect((await post({ 'Content-Type': 'application/json' }, '{"unterminated')).status).toBe(400);
    expect((await post({ 'Content-Type': 'application/json' }, '')).status).toBe(400);
    const large = Buffer.alloc(1024 * 1024 + 1, 0x20);
    expect((await post({ 'Content-Type': 'application/json' }, large)).status).toBe(413);
    // Without Content-Length (chunked), the limit is counted while reading.
    expect((await post({ 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, large)).status).toBe(413);
    expect((await post({ 'Content-Type': 'application/json' }, Buffer.concat([Buffer.from('{}'), Buffer.alloc(1024 * 1024 - 2, 0x20)]))).status).toBe(200);
  });

  it('reads an export file of up to 32 MiB for previewImport, and no more', async () => {
    const post = (body: Buffer) => send('/api/previewImport', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    const largest = LARGE_REQUEST_BODY_BYTES.previewImport!;
    expect(largest).toBeGreaterThan((32 * 1024 * 1024 * 4) / 3);
    // Read and handed to the service, which answers (there is no vault to import into) with a Result.
    const read = await post(Buffer.concat([Buffer.from('{}'), Buffer.alloc(largest - 2, 0x20)]));
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await post(Buffer.alloc(largest + 1, 0x20))).status).toBe(413);
  });
});
