/**
 * The QR decoder, off the UI thread: a module Web Worker that runs the one decoding strategy
 * (src/shared/qr/decodeQrFrame.ts) on frames the window sends, answering with the texts found.
 *
 * zxing's WebAssembly is bundled into this worker as a data: URL and compiled from memory, once: the window
 * may fetch nothing (Electron's CSP has connect-src 'none'), and zxing-wasm would otherwise fetch its
 * .wasm from a CDN. Compiling needs script-src 'wasm-unsafe-eval', which both hosts' CSP grants.
 *
 * Nothing here logs or keeps what it reads: the texts hold secrets, the pixels may show anything.
 */
import zxingReaderWasm from 'zxing-wasm/reader/zxing_reader.wasm?inline';
import { decodeQrFrame, loadQrDecoder } from '../../shared/qr/decodeQrFrame.js';
import { bytesFromDataUrl } from './bytesFromBase64.js';
import type { DecodeAnswer, DecodeRequest } from './decoderMessages.js';

/** The part of a DedicatedWorkerGlobalScope used here (the renderer compiles against the DOM library). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null;
  postMessage(message: DecodeAnswer): void;
}

const scope = self as unknown as WorkerScope;
let loading: Promise<void> | undefined;

scope.onmessage = (event) => void answer(event.data);

async function answer({ id, data, width, height }: DecodeRequest): Promise<void> {
  try {
    loading ??= loadQrDecoder(bytesFromDataUrl(zxingReaderWasm).buffer);
    await loading;
  } catch {
    scope.postMessage({ id, ok: false, failed: 'load' });
    return;
  }
  try {
    const found = await decodeQrFrame({ data, width, height });
    scope.postMessage({ id, ok: true, texts: found.map((code) => code.text) });
  } catch {
    scope.postMessage({ id, ok: false, failed: 'decode' });
  }
}
