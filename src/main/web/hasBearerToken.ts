import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Whether the request's `Authorization: Bearer …` carries the launch token. Both sides are hashed first so
 * the comparison takes the same time whatever the length or content of the guess (timingSafeEqual alone
 * needs equal lengths, and a length check would answer early).
 */
export function hasBearerToken(request: IncomingMessage, token: string): boolean {
  const given = BEARER.exec(request.headers.authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(given), digest(token)) && given !== '';
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
