import type { RgbaFrame } from '../../shared/qr/decodeQrFrame.js';
import type { DecodeAnswer, DecodeRequest } from './decoderMessages.js';

/** Why decoding failed; the dialog shows one message for all of them. */
export class QrDecoderError extends Error {
  constructor(readonly failed: 'load' | 'decode' | 'crashed') {
    super(failed === 'decode' ? 'The QR decoder could not read a frame.' : 'The QR decoder worker could not start or stopped.');
    this.name = 'QrDecoderError';
  }
}

interface Pending {
  readonly resolve: (texts: readonly string[]) => void;
  readonly reject: (error: QrDecoderError) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * The QR texts in each frame, in reading order, decoded one after another by one worker that is started
 * on first use and kept for the next frames. Each frame's pixels are transferred to the worker: the frames
 * given are empty afterwards, so the window keeps no copy. Rejects with a QrDecoderError when the worker
 * fails to start, stops, or cannot read a frame.
 */
export async function decodeFrames(frames: readonly RgbaFrame[]): Promise<(readonly string[])[]> {
  const texts: (readonly string[])[] = [];
  for (const frame of frames) texts.push(await decodeFrame(frame));
  return texts;
}

/**
 * Ends the worker and frees its memory (zxing's WebAssembly heap keeps the last frame's pixels until it
 * is overwritten). Called when the scan dialog closes; the next decode starts a new worker.
 */
export function stopQrDecoder(): void {
  const stopping = worker;
  worker = null;
  stopping?.terminate();
  failAll(new QrDecoderError('crashed'));
}

function decodeFrame(frame: RgbaFrame): Promise<readonly string[]> {
  const running = worker ?? startWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    // A frame from ImageData owns its whole buffer; copy one that is a view into a larger buffer.
    const data = frame.data.byteOffset === 0 && frame.data.byteLength === frame.data.buffer.byteLength ? frame.data : frame.data.slice();
    const request: DecodeRequest = { id, data: data as Uint8ClampedArray<ArrayBuffer>, width: frame.width, height: frame.height };
    running.postMessage(request, [request.data.buffer]);
  });
}

function startWorker(): Worker {
  // Vite sees this exact form and bundles the worker (with the .wasm inside it) as its own file.
  const started = new Worker(new URL('./qrDecoder.worker.ts', import.meta.url), { type: 'module', name: 'qr-decoder' });
  started.onmessage = (event: MessageEvent<DecodeAnswer>) => {
    const answer = event.data;
    const waiting = pending.get(answer.id);
    if (waiting === undefined) return;
    pending.delete(answer.id);
    if (answer.ok) waiting.resolve(answer.texts);
    else {
      waiting.reject(new QrDecoderError(answer.failed));
      // A worker whose WebAssembly failed to load stays broken: the next scan starts afresh.
      if (answer.failed === 'load') stopQrDecoder();
    }
  };
  // The script failed to load or threw at the top level, or a message could not be cloned.
  const crashed = () => {
    if (worker === started) stopQrDecoder();
    else started.terminate();
  };
  started.onerror = (event) => {
    event.preventDefault();
    crashed();
  };
  started.onmessageerror = crashed;
  worker = started;
  return started;
}

function failAll(error: QrDecoderError): void {
  const waiting = [...pending.values()];
  pending.clear();
  for (const { reject } of waiting) reject(error);
}
