import type { ApiCallName } from '../../shared/api.js';

/**
 * The loopback routes: `POST /api/<call name>` for every call of src/shared/api.ts, and
 * `GET /api/events` for the event stream. Call names are not listed here: a call's route is its name from
 * the contract, and the service's dispatch decides whether the name is a call.
 */
export const API_PATH_PREFIX = '/api/';

export const EVENTS_SEGMENT = 'events';

/** Fails to compile if a call named `events` is ever added to the contract: its route would be taken. */
export const EVENTS_ROUTE_IS_FREE: typeof EVENTS_SEGMENT extends ApiCallName ? never : true = true;

/** Call names are identifiers; anything else (slashes, dots, escapes) is not a route at all. */
const CALL_SEGMENT = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

export type ApiRoute = { readonly kind: 'events' } | { readonly kind: 'call'; readonly name: string } | { readonly kind: 'none' };

/** What an `/api/…` path names; null when the path is not under /api/ (a static file). */
export function apiRouteOf(path: string): ApiRoute | null {
  if (path !== API_PATH_PREFIX.slice(0, -1) && !path.startsWith(API_PATH_PREFIX)) return null;
  const segment = path.slice(API_PATH_PREFIX.length);
  if (segment === EVENTS_SEGMENT) return { kind: 'events' };
  return CALL_SEGMENT.test(segment) ? { kind: 'call', name: segment } : { kind: 'none' };
}
