import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { decodeQrFrame, loadQrDecoder, type FoundQrCode, type RgbaFrame } from '../../shared/qr/decodeQrFrame.js';

const require = createRequire(import.meta.url);
let loading: Promise<void> | undefined;

/** Loads zxing's WebAssembly from the zxing-wasm package on disk (never from the network), once. */
export function loadQrDecoderFromPackage(): Promise<void> {
  loading ??= readFile(require.resolve('zxing-wasm/reader/zxing_reader.wasm')).then((wasm) =>
    loadQrDecoder(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer),
  );
  return loading;
}

/** Every QR code in a frame, in Node: the decoder is loaded on first use. */
export async function findQrCodes(frame: RgbaFrame): Promise<FoundQrCode[]> {
  await loadQrDecoderFromPackage();
  return decodeQrFrame(frame);
}
