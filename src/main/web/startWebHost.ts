import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentSecurityPolicy } from '../rendererAssets/contentSecurityPolicy.js';
import { securityHeaders } from '../rendererAssets/securityHeaders.js';
import type { ApiService } from '../vault/apiService.js';
import { apiRouteOf } from './apiRoutes.js';
import { createLaunchToken } from './createLaunchToken.js';
import { defaultRendererFolder } from './defaultRendererFolder.js';
import { handleApiCall } from './handleApiCall.js';
import { hasBearerToken } from './hasBearerToken.js';
import { isTrustedRequest } from './isTrustedRequest.js';
import { sendStatus } from './sendStatus.js';
import { serveStaticFile } from './serveStaticFile.js';
import { HEARTBEAT_MILLISECONDS, streamEvents } from './streamEvents.js';

/** Loopback only, by address: never a wildcard, never a name that could resolve elsewhere. */
const LOOPBACK_ADDRESS = '127.0.0.1';

/** The page calls `/api/…` and the event stream on its own origin, so it may connect to 'self' and nowhere else. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ connect: "'self'" });
export const SECURITY_HEADERS = securityHeaders(CONTENT_SECURITY_POLICY);

export interface WebHostOptions {
  readonly service: ApiService;
  /** The port to listen on; 0 or absent lets the OS choose a free one. */
  readonly port?: number;
  /** The built renderer; default: dist/renderer of this package. */
  readonly rendererFolder?: string;
  /** How often the event stream sends its `{}` heartbeat; tests shorten it. */
  readonly heartbeatMilliseconds?: number;
}

export interface WebHost {
  /** The page's address with the token in its fragment: `http://127.0.0.1:PORT/#token=TOKEN`. */
  readonly url: string;
  readonly port: number;
  /** This launch's capability; API and event requests carry it as `Authorization: Bearer …`. */
  readonly token: string;
  /** Where the server listens, as the OS reports it. */
  readonly address: AddressInfo;
  /** Ends the event streams, drops every connection and stops listening. The service is the caller's. */
  close(): Promise<void>;
}

/**
 * Serves the renderer and the API of `service` to a browser on this machine. Rejects with the listen
 * error (its `code` is EADDRINUSE when the port is taken).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { service } = options;
  const rendererFolder = options.rendererFolder ?? defaultRendererFolder();
  const heartbeatMilliseconds = options.heartbeatMilliseconds ?? HEARTBEAT_MILLISECONDS;
  const token = createLaunchToken();
  const eventStreams = new Set<() => void>();
  let port = 0;

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (!isTrustedRequest(request, port)) return sendStatus(response, 403);
    const target = request.url ?? '';
    // Origin-form only ("/path?query"); absolute-form is for proxies, which this is not.
    if (!target.startsWith('/')) return sendStatus(response, 400);
    const path = target.split('?', 1)[0] ?? '';
    const route = apiRouteOf(path);
    if (route === null) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return sendStatus(response, 405, { Allow: 'GET, HEAD' });
      return serveStaticFile(request, response, rendererFolder, path);
    }
    if (!hasBearerToken(request, token)) return sendStatus(response, 401, { 'WWW-Authenticate': 'Bearer' });
    if (route.kind === 'none') return sendStatus(response, 404);
    if (route.kind === 'events') {
      if (request.method !== 'GET') return sendStatus(response, 405, { Allow: 'GET' });
      const end = streamEvents(response, service, heartbeatMilliseconds);
      eventStreams.add(end);
      response.on('close', () => eventStreams.delete(end));
      return;
    }
    if (request.method !== 'POST') return sendStatus(response, 405, { Allow: 'POST' });
    return handleApiCall(request, response, service, route.name);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      // Nothing about the failure is sent or logged: it may quote a path or a payload.
      if (response.headersSent) response.destroy();
      else sendStatus(response, 500);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: LOOPBACK_ADDRESS, port: options.port ?? 0 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  port = address.port;

  return {
    url: `http://${LOOPBACK_ADDRESS}:${port}/#token=${token}`,
    port,
    token,
    address,
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of eventStreams) end();
        server.close(() => resolve());
        // Keep-alive sockets and in-flight requests would otherwise hold close() open indefinitely.
        server.closeAllConnections();
      }),
  };
}
