import type { ServerResponse, IncomingMessage } from 'node:http';
import { isApiCallName } from '../../shared/api.js';
import { failure, toErrorInfo } from '../../shared/result.js';
import { LARGE_REQUEST_BODY_BYTES } from '../vault/apiRequestValidation.js';
import type { ApiService } from '../vault/apiService.js';
import { MAXIMUM_BODY_BYTES, readJsonBody } from './readJsonBody.js';
import { sendStatus } from './sendStatus.js';

/**
 * `POST /api/<name>`: the JSON body goes to the service as the call's payload, and the Result comes back
 * with status 200 whether it succeeded or not (a failure is a value the UI translates, not a transport
 * error). The service validates the name and the payload: this host knows nothing about calls, except
 * the few whose requests may be larger than MAXIMUM_BODY_BYTES, which the validation names with their bound.
 */
export async function handleApiCall(request: IncomingMessage, response: ServerResponse, service: ApiService, name: string): Promise<void> {
  const body = await readJsonBody(request, (isApiCallName(name) ? LARGE_REQUEST_BODY_BYTES[name] : undefined) ?? MAXIMUM_BODY_BYTES);
  if (!body.ok) {
    // The rest of a refused body is never read; closing beats draining whatever the sender still has.
    return sendStatus(response, body.status, body.status === 400 ? {} : { Connection: 'close' });
  }
  const result = await service.dispatch(name, body.value).catch((thrown: unknown) => failure(toErrorInfo(thrown)));
  const text = JSON.stringify(result);
  response.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
