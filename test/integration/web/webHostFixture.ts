/**
 * A real loopback web host on an OS-chosen port, in front of a real ApiService on a vault path in a
 * temporary folder (the vault need not exist: `status` and preferences work without one). Beside the
 * renderer folder lies a file that must never be served, to catch any path that escapes the folder.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type ApiService, createApiService } from '../../../src/main/vault/apiService.js';
import { type WebHost, startWebHost } from '../../../src/main/web/index.js';

const VAULT_FILE = 'vault.totpvault';

export const INDEX_HTML = '<!doctype html><html><head><title>TOTP Vault</title></head><body><div id="root"></div></body></html>\n';
export const APP_SCRIPT = 'document.getElementById("root").textContent = "ready";\n';
/** What the file outside the renderer folder holds; no answer may ever contain it. */
export const OUTSIDE_CONTENT = 'OUTSIDE-THE-RENDERER-FOLDER';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface SendOptions {
  readonly method?: string;
  /** Added to (or, with undefined, removed from) the default Host and Authorization headers. */
  readonly headers?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: string | Buffer;
  /** Send no Host header at all (HTTP/1.1 requires one; the host must refuse). */
  readonly withoutHost?: boolean;
}

export interface WebHostSuite {
  readonly host: () => WebHost;
  readonly service: () => ApiService;
  readonly folder: () => string;
  /** The service's vault file, which does not exist until a test creates it. */
  readonly vaultPath: () => string;
  /** One request to the host with our page's Host and token unless overridden; the raw path is sent as is. */
  readonly send: (path: string, options?: SendOptions) => Promise<HttpAnswer>;
  /** A JSON POST to `/api/<name>`, with the token. */
  readonly call: (name: string, payload: unknown) => Promise<HttpAnswer>;
}

export function webHostSuite(options: { heartbeatMilliseconds?: number; wrapService?: (service: ApiService) => ApiService } = {}): WebHostSuite {
  let folder = '';
  let service: ApiService | undefined;
  let host: WebHost | undefined;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'totp-vault-web-'));
    const renderer = join(folder, 'renderer');
    mkdirSync(join(renderer, 'assets', 'nested'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), INDEX_HTML);
    writeFileSync(join(renderer, 'assets', 'app.js'), APP_SCRIPT);
    writeFileSync(join(renderer, 'assets', 'style.css'), 'body { margin: 0; }\n');
    writeFileSync(join(renderer, 'assets', 'nested', 'decoder.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    writeFileSync(join(renderer, '.hidden'), OUTSIDE_CONTENT);
    writeFileSync(join(folder, 'outside.txt'), OUTSIDE_CONTENT);
    symlinkSync(join(folder, 'outside.txt'), join(renderer, 'link.txt'));
    const real = createApiService({ vaultPath: join(folder, VAULT_FILE) });
    service = options.wrapService ? options.wrapService(real) : real;
    host = await startWebHost({ service, port: 0, rendererFolder: renderer, heartbeatMilliseconds: options.heartbeatMilliseconds });
  });
  afterAll(async () => {
    await host?.close();
    service?.dispose();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });
  const current = (): WebHost => {
    if (!host) throw new Error('the web host has not started');
    return host;
  };
  const send = (path: string, sendOptions: SendOptions = {}): Promise<HttpAnswer> => {
    const { port, token } = current();
    const headers: Record<string, string | number | undefined> = {
      Host: `127.0.0.1:${port}`,
      Authorization: `Bearer ${token}`,
      ...sendOptions.headers,
    };
    if (sendOptions.withoutHost) delete headers['Host'];
    return sendRequest(port, path, { ...sendOptions, headers });
  };
  return {
    host: current,
    service: () => {
      if (!service) throw new Error('the service has not started');
      return service;
    },
    folder: () => folder,
    vaultPath: () => join(folder, VAULT_FILE),
    send,
    call: (name, payload) =>
      send(`/api/${name}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) }),
  };
}

/** A plain node:http request (fetch would normalise the path and refuses to set Host). Times out after 10 s. */
export function sendRequest(port: number, path: string, options: SendOptions & { host?: string } = {}): Promise<HttpAnswer> {
  const headers = Object.fromEntries(Object.entries(options.headers ?? {}).filter(([, value]) => value !== undefined)) as OutgoingHttpHeaders;
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: options.host ?? '127.0.0.1', port, path, method: options.method ?? 'GET', headers, setHost: false, timeout: 10_000, agent: false },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer to ${path} within 10 s`)));
    request.on('error', reject);
    request.end(options.body);
  });
}

/** How many listeners a host holds on the service right now: a spy around the real service's `on`. */
export class ListenerCount {
  value = 0;

  wrap(service: ApiService): ApiService {
    return {
      handlers: service.handlers,
      dispatch: (name, payload) => service.dispatch(name, payload),
      lock: (reason) => service.lock(reason),
      dispose: () => service.dispose(),
      on: (name, listener) => {
        this.value += 1;
        const unsubscribe = service.on(name, listener);
        let subscribed = true;
        return () => {
          if (subscribed) this.value -= 1;
          subscribed = false;
          unsubscribe();
        };
      },
    };
  }
}

/** Polls `condition` every 10 ms; fails after `within` milliseconds. */
export async function eventually(condition: () => boolean, within = 5000): Promise<void> {
  const deadline = Date.now() + within;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${within} ms`);
    await new Promise((wake) => setTimeout(wake, 10));
  }
}
