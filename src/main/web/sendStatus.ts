import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * An error answer with no body: a refusal explains nothing to whoever probes the port, and our own
 * client tells the cases apart by status alone.
 */
export function sendStatus(response: ServerResponse, status: number, headers: OutgoingHttpHeaders = {}): void {
  response.writeHead(status, { ...headers, 'Cache-Control': 'no-store', 'Content-Length': 0 });
  response.end();
}
