import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { decode as decodeBmp } from 'bmp-ts';
import jpeg from 'jpeg-js';
import omggif from 'omggif';
import { PNG } from 'pngjs';
import decodeWebp, { init as initWebp } from '@jsquash/webp/decode.js';
import { VaultError } from '../../shared/errors.js';
import { MAX_FRAME_PIXELS, type RgbaFrame } from '../../shared/qr/decodeQrFrame.js';

/** The image types a user can hand us: what screenshots and QR generators save. */
export const IMAGE_TYPES = ['PNG', 'JPEG', 'WebP', 'GIF', 'BMP'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** Larger files are not screenshots of a QR code; refusing them early keeps a mistake from eating memory. */
const MAX_IMAGE_BYTES = 64 * 1024 * 1024;

const require = createRequire(import.meta.url);

/** Which of IMAGE_TYPES the bytes are, from their signature (never from a file name), or null. */
export function imageTypeOf(bytes: Uint8Array): ImageType | null {
  const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(1, 4) === 'PNG') return 'PNG';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'JPEG';
  if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'WebP';
  if (bytes.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'GIF';
  if (bytes.length >= 26 && ascii(0, 2) === 'BM') return 'BMP';
  return null;
}

/** Decodes PNG, JPEG, WebP, GIF (its first frame) or BMP bytes into RGBA pixels. */
export async function decodeImage(bytes: Buffer): Promise<RgbaFrame> {
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw new VaultError('UNSUPPORTED_FORMAT', `The image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MiB; a screenshot of a QR code is far smaller.`);
  }
  const type = imageTypeOf(bytes);
  if (type === null) {
    throw new VaultError('UNSUPPORTED_FORMAT', `This file is not an image we can read: use ${IMAGE_TYPES.slice(0, -1).join(', ')} or ${IMAGE_TYPES.at(-1)}.`);
  }
  let frame: RgbaFrame;
  try {
    frame = await DECODERS[type](bytes);
  } catch (thrown) {
    if (thrown instanceof VaultError) throw thrown;
    throw new VaultError('UNSUPPORTED_FORMAT', `The ${type} image is damaged or incomplete and cannot be read.`);
  }
  if (frame.width < 1 || frame.height < 1 || frame.data.length !== frame.width * frame.height * 4) {
    throw new VaultError('UNSUPPORTED_FORMAT', `The ${type} image is damaged or incomplete and cannot be read.`);
  }
  return frame;
}

const DECODERS: Record<ImageType, (bytes: Buffer) => RgbaFrame | Promise<RgbaFrame>> = {
  PNG: (bytes) => {
    const png = PNG.sync.read(bytes);
    return frameOf(png.data, png.width, png.height);
  },
  JPEG: (bytes) => {
    const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_FRAME_PIXELS / 1e6, maxMemoryUsageInMB: 1024 });
    return frameOf(image.data, image.width, image.height);
  },
  WebP: async (bytes) => {
    await loadWebpDecoder();
    const image = await decodeWebp(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return frameOf(image.data, image.width, image.height);
  },
  GIF: (bytes) => {
    const reader = new omggif.GifReader(bytes);
    assertSize(reader.width, reader.height);
    const data = new Uint8ClampedArray(reader.width * reader.height * 4);
    reader.decodeAndBlitFrameRGBA(0, data);
    return { data, width: reader.width, height: reader.height };
  },
  BMP: (bytes) => {
    const image = decodeBmp(bytes, { toRGBA: true });
    // bmp-ts leaves alpha at 0 for bitmaps without an alpha channel (24-bit, the common kind): they are opaque.
    if (image.bitPP !== 32) for (let alpha = 3; alpha < image.data.length; alpha += 4) image.data[alpha] = 255;
    return frameOf(image.data, image.width, image.height);
  },
};

function frameOf(data: Uint8Array | Uint8ClampedArray, width: number, height: number): RgbaFrame {
  assertSize(width, height);
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height };
}

function assertSize(width: number, height: number): void {
  if (width * height > MAX_FRAME_PIXELS) {
    throw new VaultError('UNSUPPORTED_FORMAT', `The image is ${width}×${height} pixels, more than the ${MAX_FRAME_PIXELS.toLocaleString('en')} we read.`);
  }
}

let webpReady: Promise<void> | undefined;

/** The WebP decoder's WebAssembly, read from its package: by default it would be fetched relative to a URL. */
function loadWebpDecoder(): Promise<void> {
  webpReady ??= readFile(require.resolve('@jsquash/webp/codec/dec/webp_dec.wasm'))
    // Given the bytes, the Emscripten loader neither fetches nor reads a file of its own.
    .then((wasmBinary) => initWebp({ wasmBinary }));
  return webpReady;
}
