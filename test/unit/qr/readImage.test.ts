/** Image files into pixels for `totp-vault scan`: every type, read by its signature, and clear refusals. */
import { describe, expect, it } from 'vitest';
import { decodeImage, imageTypeOf } from '../../../src/main/qr/readImage.js';
import type { RgbaFrame } from '../../../src/shared/qr/decodeQrFrame.js';
import { IMAGE_FILE_TYPES, encodeImage } from '../../support/imageFiles.js';
import { screenFrame } from '../../support/qrFrames.js';
import { vaultErrorLike } from '../../support/vaultErrorLike.js';

/** An odd size, so row padding (BMP) and partial blocks (JPEG, WebP) are exercised. */
const FRAME = screenFrame({ width: 333, height: 251, clutter: true, codes: [{ text: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', x: 20, y: 20, modulePixels: 3 }] });

function largestDifference(first: RgbaFrame, second: RgbaFrame): number {
  let largest = 0;
  for (let index = 0; index < first.data.length; index += 1) largest = Math.max(largest, Math.abs(first.data[index]! - second.data[index]!));
  return largest;
}

describe('decodeImage', () => {
  it.each(IMAGE_FILE_TYPES)('reads a %s file into opaque RGBA pixels, exactly unless the format is lossy', async (type) => {
    const bytes = await encodeImage(FRAME, type);
    expect(imageTypeOf(bytes)).toBe(type);
    const frame = await decodeImage(bytes);
    expect([frame.width, frame.height, frame.data.length]).toEqual([333, 251, 333 * 251 * 4]);
    expect(largestDifference(frame, FRAME)).toBeLessThanOrEqual(type === 'JPEG' ? 16 : 0);
  });

  it('reads the type from the bytes, never from a name', () => {
    expect(imageTypeOf(Buffer.from('GIF89a......'))).toBe('GIF');
    expect(imageTypeOf(Buffer.from('%PDF-1.7 not an image'))).toBeNull();
    expect(imageTypeOf(Buffer.alloc(0))).toBeNull();
  });

  it('refuses what is not an image, and a damaged image of each type, in words', async () => {
    await expect(decodeImage(Buffer.from('%PDF-1.7\n'))).rejects.toEqual(
      vaultErrorLike('UNSUPPORTED_FORMAT', 'This file is not an image we can read: use PNG, JPEG, WebP, GIF or BMP.'),
    );
    for (const type of IMAGE_FILE_TYPES) {
      const bytes = await encodeImage(FRAME, type);
      await expect(decodeImage(bytes.subarray(0, 40)), type).rejects.toEqual(
        vaultErrorLike('UNSUPPORTED_FORMAT', `The ${type} image is damaged or incomplete and cannot be read.`),
      );
    }
  });
});
