import type { ServerResponse } from 'node:http';
import { API_EVENT_NAMES } from '../../shared/api.js';
import type { ApiService } from '../vault/apiService.js';

/** Long enough to cost nothing, short enough that the client notices a dead connection within a minute. */
export const HEARTBEAT_MILLISECONDS = 25_000;

/** A client this far behind is not reading; it is cut off and reconnects rather than grow our memory. */
const MAXIMUM_BUFFERED_BYTES = 1024 * 1024;

/**
 * `GET /api/events`: one JSON object per line, `{"event": name, "payload": …}`, for every event of the
 * contract, plus `{}` as a heartbeat right away (so the client knows it is subscribed) and then every
 * HEARTBEAT_MILLISECONDS. A fetch stream rather than Server-Sent Events because EventSource cannot send
 * the Authorization header. Returns the function that ends the stream; the subscriptions end with the
 * response, whichever side closes it.
 */
export function streamEvents(response: ServerResponse, service: ApiService, heartbeatMilliseconds = HEARTBEAT_MILLISECONDS): () => void {
  response.writeHead(200, {
    'Content-Type': 'application/x-ndjson; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearInterval(heartbeat);
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
  const send = (line: object): void => {
    if (stopped || response.writableEnded) return;
    if (response.writableLength > MAXIMUM_BUFFERED_BYTES) {
      stop();
      response.destroy();
      return;
    }
    response.write(`${JSON.stringify(line)}\n`);
  };
  const unsubscribes = API_EVENT_NAMES.map((name) => service.on(name, (payload) => send({ event: name, payload })));
  const heartbeat = setInterval(() => send({}), heartbeatMilliseconds);
  response.on('close', stop);
  send({});
  return () => {
    stop();
    response.end();
  };
}
