import type { IncomingMessage } from 'node:http';

/**
 * Requests are small objects; a password change is the largest. Anything near this is not our client. The
 * one exception, an export file sent to previewImport, gets its own bound (LARGE_REQUEST_BODY_BYTES).
 */
export const MAXIMUM_BODY_BYTES = 1024 * 1024;

export type BodyOutcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly status: 400 | 413 | 415 };

/**
 * The request's JSON body, or the HTTP status that refuses it: 415 unless it says application/json,
 * 413 past the limit (told by Content-Length up front, or counted while reading), 400 unless it parses.
 */
export async function readJsonBody(request: IncomingMessage, limit = MAXIMUM_BODY_BYTES): Promise<BodyOutcome> {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return { ok: false, status: 415 };
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return { ok: false, status: 413 };
  const body = await readAtMost(request, limit);
  if (body === null) return { ok: false, status: 413 };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return { ok: false, status: 400 };
  }
}

/**
 * The body, or null once it passes `limit`. Reading stops there without destroying the request (as
 * breaking out of `for await` would): the socket must stay writable for the 413.
 */
function readAtMost(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        request.off('data', onData).off('end', onEnd).off('error', reject).off('close', onClose);
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    // A client gone before the end leaves nobody to answer; 'close' after 'end' finds the promise settled.
    const onClose = (): void => reject(new Error('The request ended early.'));
    request.on('data', onData).on('end', onEnd).on('error', reject).on('close', onClose);
  });
}
