/**
 * The event stream over real HTTP: newline-delimited JSON fed by the real service's events, a heartbeat,
 * and every subscription dropped when the client goes away or the host closes.
 */
import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { API_EVENT_NAMES } from '../../../src/shared/api.js';
import { Vault } from '../../../src/main/vault/index.js';
import { startWebHost } from '../../../src/main/web/index.js';
import { TEST_KDF, TEST_PASSWORD } from '../../support/temporaryVaultPath.js';
import { ListenerCount, eventually, webHostSuite } from './webHostFixture.js';

const HEARTBEAT_MILLISECONDS = 150;

const listeners = new ListenerCount();
const { host, service, call, vaultPath } = webHostSuite({ heartbeatMilliseconds: HEARTBEAT_MILLISECONDS, wrapService: (real) => listeners.wrap(real) });

interface EventStream {
  readonly response: IncomingMessage;
  /** The next JSON line, parsed; fails after `within` milliseconds. */
  next(within?: number): Promise<unknown>;
  /** Waits for the server to end the stream. */
  ended(within?: number): Promise<void>;
  close(): void;
}

function openEventStream(port: number, token: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    let request: ClientRequest | undefined = undefined;
    request = httpRequest(
      { host: '127.0.0.1', port, path: '/api/events', headers: { Authorization: `Bearer ${token}` }, agent: false },
      (response) => {
        const lines: string[] = [];
        let buffered = '';
        let waiting: (() => void) | null = null;
        let finished = false;
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffered += chunk;
          const parts = buffered.split('\n');
          buffered = parts.pop() ?? '';
          lines.push(...parts);
          waiting?.();
        });
        const finish = (): void => {
          finished = true;
          waiting?.();
        };
        response.on('end', finish).on('close', finish).on('error', finish);
        const until = async (condition: () => boolean, within: number, what: string): Promise<void> => {
          const deadline = Date.now() + within;
          while (!condition()) {
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`no ${what} within ${within} ms`);
            await new Promise<void>((wake) => {
              const timer = setTimeout(wake, left);
              waiting = () => {
                clearTimeout(timer);
                wake();
              };
            });
            waiting = null;
          }
        };
        resolve({
          response,
          async next(within = 5000) {
            await until(() => lines.length > 0 || finished, within, 'event line');
            const line = lines.shift();
            if (line === undefined) throw new Error('the stream ended');
            return JSON.parse(line) as unknown;
          },
          ended: (within = 5000) => until(() => finished, within, 'end of stream'),
          close: () => request?.destroy(),
        });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('GET /api/events', () => {
  it('streams newline-delimited JSON: a heartbeat at once, then each event as it happens', async () => {
    const stream = await openEventStream(host().port, host().token);
    try {
      expect(stream.response.statusCode).toBe(200);
      expect(stream.response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      expect(stream.response.headers['cache-control']).toBe('no-store');
      expect(stream.response.headers['content-security-policy']).toContain("default-src 'none'");
      expect(await stream.next()).toEqual({});
      expect(listeners.value).toBe(API_EVENT_NAMES.length);

      const saved = await call('savePreferences', { preferences: { theme: 'dark' } });
      expect(JSON.parse(saved.body)).toMatchObject({ ok: true });
      let line = await stream.next();
      while (JSON.stringify(line) === '{}') line = await stream.next();
      expect(line).toEqual({ event: 'preferencesChanged', payload: { preferences: expect.objectContaining({ theme: 'dark' }) } });

      // Then only heartbeats, one per interval, while nothing happens.
      const started = Date.now();
      expect([await stream.next(HEARTBEAT_MILLISECONDS * 10), await stream.next(HEARTBEAT_MILLISECONDS * 10)]).toEqual([{}, {}]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(HEARTBEAT_MILLISECONDS - 20);
    } finally {
      stream.close();
    }
  });

  it('delivers `locked` with its reason when the host side locks the vault', async () => {
    (await Vault.create(vaultPath(), TEST_PASSWORD, { kdf: TEST_KDF })).lock();
    const stream = await openEventStream(host().port, host().token);
    try {
      expect(await stream.next()).toEqual({});
      expect(JSON.parse((await call('unlock', { password: TEST_PASSWORD })).body)).toMatchObject({ ok: true, value: { unlocked: true } });
      service().lock('system');
      const lines: unknown[] = [];
      while (!lines.some((line) => JSON.stringify(line).includes('"locked"'))) lines.push(await stream.next());
      expect(lines).toContainEqual({ event: 'locked', payload: { reason: 'system' } });
    } finally {
      stream.close();
    }
  });

  it('unsubscribes from the service when the client disconnects', async () => {
    await eventually(() => listeners.value === 0);
    const first = await openEventStream(host().port, host().token);
    const second = await openEventStream(host().port, host().token);
    await first.next();
    await second.next();
    expect(listeners.value).toBe(2 * API_EVENT_NAMES.length);
    first.close();
    await eventually(() => listeners.value === API_EVENT_NAMES.length);
    second.close();
    await eventually(() => listeners.value === 0);
  });

  it('ends open streams and drops every listener when the host closes', async () => {
    const own = await startWebHost({ service: service(), port: 0, heartbeatMilliseconds: HEARTBEAT_MILLISECONDS });
    const before = listeners.value;
    const stream = await openEventStream(own.port, own.token);
    await stream.next();
    expect(listeners.value).toBe(before + API_EVENT_NAMES.length);
    const closing = own.close();
    await stream.ended();
    await closing;
    expect(listeners.value).toBe(before);
  });
});

describe('the port', () => {
  it('rejects with EADDRINUSE when it is taken', async () => {
    await expect(startWebHost({ service: service(), port: host().port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
