import type { IncomingMessage } from 'node:http';

/** The names a browser on this machine uses for the host; both resolve to loopback only. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'] as const;

/**
 * Refuses requests that did not come from our own page. Host must name loopback and our port exactly, so
 * a web site that rebinds its DNS name to 127.0.0.1 (DNS rebinding) is turned away even though its
 * requests arrive here; an Origin, when the browser sends one, must be our own, so another local page or
 * port cannot drive the API with a token it somehow learnt.
 */
export function isTrustedRequest(request: IncomingMessage, port: number): boolean {
  const hosts = LOOPBACK_NAMES.map((name) => `${name}:${port}`);
  if (!hosts.includes(request.headers.host ?? '')) return false;
  const origin = request.headers.origin;
  return origin === undefined || hosts.some((host) => origin === `http://${host}`);
}
