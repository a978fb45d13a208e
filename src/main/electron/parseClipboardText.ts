import { failure, ok, type Result } from '../../shared/result.js';

/** A code, a username or a secret the user asked to copy is far shorter; a longer text is not ours. */
export const MAX_CLIPBOARD_TEXT_LENGTH = 1000;

/** Checks what the renderer asks main to put on (or clear from) the system clipboard. */
export function parseClipboardText(payload: unknown): Result<string> {
  if (typeof payload !== 'string') {
    return failure({ code: 'INVALID_INPUT', message: 'The clipboard accepts text only.' });
  }
  if (payload.length > MAX_CLIPBOARD_TEXT_LENGTH) {
    return failure({ code: 'INVALID_INPUT', message: `The clipboard accepts at most ${MAX_CLIPBOARD_TEXT_LENGTH} characters.` });
  }
  return ok(payload);
}
