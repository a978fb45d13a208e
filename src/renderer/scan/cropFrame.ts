import type { RgbaFrame } from '../../shared/qr/decodeQrFrame.js';
import type { FrameRect } from './selectionGeometry.js';

/** A crop whose longer side is shorter than this is enlarged before decoding (see `enlargeSmallCrop`). */
export const SMALL_CROP_PIXELS = 400;

/**
 * The pixels of `selection`, copied out of `frame` into a frame of their own (the decoder takes its buffer
 * away; the screen's frame is not touched). `selection` must be whole pixels inside the frame.
 */
export function cropFrame(frame: RgbaFrame, selection: FrameRect): RgbaFrame {
  const { left, top, width, height } = selection;
  const whole = [left, top, width, height].every(Number.isInteger);
  if (!whole || left < 0 || top < 0 || width < 1 || height < 1 || left + width > frame.width || top + height > frame.height) {
    throw new RangeError(`The selection ${width}×${height} at ${left},${top} is not inside the ${frame.width}×${frame.height} frame.`);
  }
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row += 1) {
    const start = ((top + row) * frame.width + left) * 4;
    data.set(frame.data.subarray(start, start + width * 4), row * width * 4);
  }
  return { data, width, height };
}

/**
 * A small crop, enlarged twice each way; a larger one as it is.
 *
 * Why: a code cut out tightly has few pixels around it, and codes drawn with 1–1.5 px modules (a 1 px module
 * at 125 % or 150 % display scaling) are at the edge of what the decoder's binarizer resolves; twice the
 * pixels gives it room. Smoothing or nearest neighbour: the obvious choice, nearest neighbour, keeps a crisp
 * module crisp, but a screen's modules are rarely crisp: a page scaled to 125 % or 150 % draws its code
 * resampled, with grey edges and modules alternately 1 and 2 px wide. Doubling that unevenness distorts the
 * finder patterns' 1:1:3:1:1 runs. Measured on tight to loose crops of three otpauth codes, 1–3 px modules,
 * light and inverted, drawn as test/support/qrFrames.ts draws a scaled page (60 crops a module size): at 1.5 px
 * modules nearest neighbour read 34, the crop as it is 55, bilinear 60; at 1.25 px 2, 2 and 22 (the whole
 * screen: 0); at whole module sizes all three read every crop. So: bilinear (each new pixel 9:3:3:1 of its
 * four nearest), which never read fewer codes than the crop as it is by more than one in 60 and reads many
 * more of the hard ones. The enlarged crop is at most 798×798 px: nothing for the decoder.
 */
export function enlargeSmallCrop(frame: RgbaFrame): RgbaFrame {
  return Math.max(frame.width, frame.height) < SMALL_CROP_PIXELS ? enlargeTwice(frame) : frame;
}

/**
 * The frame at twice its width and height, bilinear: each new pixel's centre lies a quarter of a source pixel
 * from its nearest source pixel, so it is 9/16 of that one, 3/16 of each of the next two and 1/16 of the
 * diagonal one (edges repeat the border pixel).
 */
export function enlargeTwice(frame: RgbaFrame): RgbaFrame {
  const { width, height, data } = frame;
  const wide = width * 2;
  const enlarged = new Uint8ClampedArray(wide * height * 2 * 4);
  for (let y = 0; y < height * 2; y += 1) {
    const nearRow = y >> 1;
    const farRow = Math.min(height - 1, Math.max(0, y % 2 === 0 ? nearRow - 1 : nearRow + 1));
    for (let x = 0; x < wide; x += 1) {
      const nearColumn = x >> 1;
      const farColumn = Math.min(width - 1, Math.max(0, x % 2 === 0 ? nearColumn - 1 : nearColumn + 1));
      const near = (nearRow * width + nearColumn) * 4;
      const across = (nearRow * width + farColumn) * 4;
      const below = (farRow * width + nearColumn) * 4;
      const diagonal = (farRow * width + farColumn) * 4;
      const target = (y * wide + x) * 4;
      for (let channel = 0; channel < 4; channel += 1) {
        enlarged[target + channel] =
          (9 * data[near + channel]! + 3 * data[across + channel]! + 3 * data[below + channel]! + data[diagonal + channel]! + 8) >> 4;
      }
    }
  }
  return { data: enlarged, width: wide, height: height * 2 };
}
