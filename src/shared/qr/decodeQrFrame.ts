/**
 * Finds every QR code in one frame of pixels: the one decoding strategy that the window (in a Web Worker)
 * and the CLI (in Node) both run, so a screen and an image file are read the same way.
 *
 * zxing-wasm (zxing-cpp in WebAssembly) is the primary decoder: measured here it reads a 3840×2160 frame
 * in ~40–75 ms and finds every code on it, where jsQR needs ~0.2–0.35 s for the same frame and finds at most
 * one. jsQR stays as a second pass over frames where zxing found nothing: it reads some low-contrast and
 * damaged codes zxing gives up on, and costs nothing when the first pass succeeds. test/bench/qrBenchmark.ts
 * measures both on the same frames; its README section records the numbers behind this choice.
 *
 * Pixels stay in memory: nothing here writes them anywhere.
 */
import jsqrExports from 'jsqr';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';

/** Straight RGBA, 4 bytes a pixel, rows top to bottom: what a canvas's ImageData and our image readers give. */
export interface RgbaFrame {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export interface FoundQrCode {
  readonly text: string;
  /** Where it was found, in the frame's pixels: the smallest upright box around its four corners. */
  readonly bounds: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly decoder: 'zxing' | 'jsqr';
}

/** The largest frame we decode: 8K UHD. Larger is a mistake or an attack, and would need gigabytes. */
export const MAX_FRAME_PIXELS = 7680 * 4320;

const ZXING_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  // Dark-mode pages and some exporters show light modules on a dark ground.
  tryInvert: true,
  // Screens are upright; rotated screenshots are read by tryHarder's own orientations well enough.
  tryRotate: false,
  // Large frames are also read downscaled: codes drawn with big modules on a 4K or 5K screen.
  tryDownscale: true,
  maxNumberOfSymbols: 32,
  textMode: 'Plain',
};

/**
 * jsqr is CommonJS whose types declare only an ES default export; Node hands an ES module importer the
 * whole `module.exports`, a bundler its `default`. Both hold the function.
 */
type JsQr = typeof jsqrExports.default;
const jsQR: JsQr = (jsqrExports as unknown as { default?: JsQr }).default ?? (jsqrExports as unknown as JsQr);

let prepared: Promise<unknown> | undefined;

/**
 * Loads zxing's WebAssembly from bytes the host read from the file shipped in the zxing-wasm package.
 * By default the package would fetch it from a CDN, which this app must never do. Safe to call again.
 */
export function loadQrDecoder(wasmBinary: ArrayBuffer): Promise<void> {
  prepared ??= prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  return prepared.then(() => undefined);
}

/** Every QR code in `frame`, each text once, in reading order (top to bottom, then left to right). */
export async function decodeQrFrame(frame: RgbaFrame): Promise<FoundQrCode[]> {
  assertFrame(frame);
  if (!prepared) throw new Error('loadQrDecoder must be called before decodeQrFrame.');
  await prepared;
  const found = await decodeWithZxing(frame);
  if (found.length === 0) {
    const second = decodeWithJsqr(frame);
    if (second) found.push(second);
  }
  return inReadingOrder(found);
}

/** The first pass alone (the benchmark compares the passes). */
export async function decodeWithZxing(frame: RgbaFrame): Promise<FoundQrCode[]> {
  assertFrame(frame);
  const results = await readBarcodes(asImageData(frame), ZXING_OPTIONS);
  const found: FoundQrCode[] = [];
  for (const result of results) {
    if (!result.isValid || found.some((code) => code.text === result.text)) continue;
    const { topLeft, topRight, bottomLeft, bottomRight } = result.position;
    found.push({ text: result.text, bounds: boundsOf([topLeft, topRight, bottomLeft, bottomRight]), decoder: 'zxing' });
  }
  return found;
}

/** jsQR over the whole frame, trying both polarities: the second pass, and the benchmark's naive baseline. */
export function decodeWithJsqr(frame: RgbaFrame): FoundQrCode | null {
  assertFrame(frame);
  // A fresh options object every call: jsQR's default options object is shared between calls.
  const result = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'attemptBoth' });
  if (!result || result.data === '') return null;
  const { topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner } = result.location;
  return { text: result.data, bounds: boundsOf([topLeftCorner, topRightCorner, bottomLeftCorner, bottomRightCorner]), decoder: 'jsqr' };
}

function assertFrame(frame: RgbaFrame): void {
  const { width, height, data } = frame;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width * height > MAX_FRAME_PIXELS) {
    throw new RangeError(`A frame must be between 1×1 and ${MAX_FRAME_PIXELS} pixels; this one is ${width}×${height}.`);
  }
  if (data.length !== width * height * 4) throw new RangeError('A frame must hold 4 bytes (RGBA) for every pixel.');
}

/**
 * zxing-wasm reads an ImageData by its data, width and height only. Node has no ImageData class, so the
 * frame passes as itself; the cast is the one place that knows this.
 */
function asImageData(frame: RgbaFrame): Parameters<typeof readBarcodes>[0] {
  return { data: frame.data, width: frame.width, height: frame.height, colorSpace: 'srgb' } as unknown as Parameters<typeof readBarcodes>[0];
}

function boundsOf(points: readonly { readonly x: number; readonly y: number }[]): FoundQrCode['bounds'] {
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

/**
 * Top to bottom, and left to right within a row. Codes side by side rarely share a top edge to the pixel (a
 * larger code beside a smaller one), so two codes whose vertical centres lie within a quarter of their
 * combined heights of each other count as one row.
 */
function inReadingOrder(codes: FoundQrCode[]): FoundQrCode[] {
  const centre = ({ bounds }: FoundQrCode) => (bounds.top + bounds.bottom) / 2;
  const height = ({ bounds }: FoundQrCode) => bounds.bottom - bounds.top;
  return codes.sort((first, second) => {
    const sameRow = Math.abs(centre(first) - centre(second)) < (height(first) + height(second)) / 4;
    return sameRow ? first.bounds.left - second.bounds.left : centre(first) - centre(second);
  });
}
