/**
 * A frame saved as the image files a user hands `totp-vault scan`: PNG, JPEG, BMP, GIF and WebP bytes, made
 * with the same libraries the CLI reads them with, so a test can write a real file of each type.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { encode as encodeBmpImage } from 'bmp-ts';
import jpeg from 'jpeg-js';
import omggif from 'omggif';
import { PNG } from 'pngjs';
import encodeWebpImage, { init as initWebpEncoder } from '@jsquash/webp/encode.js';
import type { RgbaFrame } from '../../src/shared/qr/decodeQrFrame.js';

export const IMAGE_FILE_TYPES = ['PNG', 'JPEG', 'BMP', 'GIF', 'WebP'] as const;
export type ImageFileType = (typeof IMAGE_FILE_TYPES)[number];

/** JPEG quality: what screenshot tools and browsers' "save as JPEG" commonly use. */
export const JPEG_QUALITY = 92;

const require = createRequire(import.meta.url);

/** The frame encoded as `type`. Lossless except JPEG and GIF (whose 256 greys hold a grey QR screen exactly). */
export function encodeImage(frame: RgbaFrame, type: ImageFileType): Promise<Buffer> {
  return Promise.resolve(ENCODERS[type](frame));
}

const ENCODERS: Record<ImageFileType, (frame: RgbaFrame) => Buffer | Promise<Buffer>> = {
  PNG: encodePng,
  JPEG: encodeJpeg,
  BMP: encodeBmp,
  GIF: encodeGif,
  WebP: encodeWebp,
};

export function encodePng(frame: RgbaFrame): Buffer {
  const png = new PNG({ width: frame.width, height: frame.height });
  png.data = Buffer.from(frame.data.buffer, frame.data.byteOffset, frame.data.byteLength);
  return PNG.sync.write(png);
}

export function encodeJpeg(frame: RgbaFrame): Buffer {
  return jpeg.encode({ data: frame.data, width: frame.width, height: frame.height }, JPEG_QUALITY).data;
}

/** 24-bit BMP. bmp-ts takes pixels as ABGR bytes (alpha first) and writes them bottom-up itself. */
export function encodeBmp(frame: RgbaFrame): Buffer {
  const abgr = Buffer.alloc(frame.width * frame.height * 4);
  for (let offset = 0; offset < abgr.length; offset += 4) {
    abgr[offset] = frame.data[offset + 3]!;
    abgr[offset + 1] = frame.data[offset + 2]!;
    abgr[offset + 2] = frame.data[offset + 1]!;
    abgr[offset + 3] = frame.data[offset]!;
  }
  return encodeBmpImage({ data: abgr, width: frame.width, height: frame.height, bitPP: 24 }).data;
}

/**
 * GIF with a palette of 256 greys: each pixel becomes its luma (BT.601). Our frames are grey, so nothing is
 * lost; a coloured frame would turn grey, which a QR decoder does not mind.
 */
export function encodeGif(frame: RgbaFrame): Buffer {
  const palette = Array.from({ length: 256 }, (_, level) => (level << 16) | (level << 8) | level);
  const indexed = new Array<number>(frame.width * frame.height);
  for (let pixel = 0; pixel < indexed.length; pixel++) {
    const offset = pixel * 4;
    indexed[pixel] = Math.round(0.299 * frame.data[offset]! + 0.587 * frame.data[offset + 1]! + 0.114 * frame.data[offset + 2]!);
  }
  // LZW never makes a 256-colour image much larger than one byte a pixel; the headers need a little more.
  const output = Buffer.alloc(frame.width * frame.height * 2 + 4096);
  const writer = new omggif.GifWriter(output, frame.width, frame.height, { palette });
  writer.addFrame(0, 0, frame.width, frame.height, indexed);
  return output.subarray(0, writer.end());
}

/** Lossless WebP. */
export async function encodeWebp(frame: RgbaFrame): Promise<Buffer> {
  await loadWebpEncoder();
  // The encoder reads an ImageData's data, width and height only; Node has no ImageData class.
  const imageData = { data: frame.data, width: frame.width, height: frame.height, colorSpace: 'srgb' } as unknown as Parameters<typeof encodeWebpImage>[0];
  return Buffer.from(await encodeWebpImage(imageData, { lossless: 1 }));
}

let webpReady: Promise<unknown> | undefined;

/**
 * The encoder's WebAssembly, read from its package: left alone, the Emscripten loader would fetch it by URL.
 * @jsquash/webp loads its SIMD build wherever WebAssembly SIMD works, which is every Node since 16, so that
 * is the binary it is given (the plain build's bytes would not match the SIMD loader).
 */
function loadWebpEncoder(): Promise<unknown> {
  webpReady ??= readFile(require.resolve('@jsquash/webp/codec/enc/webp_enc_simd.wasm')).then((wasmBinary) => initWebpEncoder({ wasmBinary }));
  return webpReady;
}
