import type { RgbaFrame } from '../../shared/qr/decodeQrFrame.js';
import { fitFrameSize } from './fitFrameSize.js';

/**
 * The pixels of an image, a bitmap or a video frame at its own resolution (or scaled down to fit the
 * decoder), on white: a transparent PNG's code would otherwise lie on transparent black, which no decoder
 * reads. The canvas is dropped at once: the pixels live only in the frame returned.
 */
export function drawFrame(source: CanvasImageSource, sourceWidth: number, sourceHeight: number): RgbaFrame {
  const { width, height } = fitFrameSize(sourceWidth, sourceHeight);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('No 2D canvas.');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(source, 0, 0, width, height);
  const image = context.getImageData(0, 0, width, height);
  return { data: image.data, width, height };
}

/**
 * An image file (or a clipboard image) decoded by the browser. Rejects when the browser cannot decode it:
 * not an image, a format it does not know, or a damaged file.
 */
export async function readImageFrame(image: Blob): Promise<RgbaFrame> {
  const bitmap = await createImageBitmap(image);
  try {
    return drawFrame(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}
