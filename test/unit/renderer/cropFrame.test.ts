/**
 * Cutting the selected area out of a screen's frame and enlarging a small one: exact pixels on small
 * synthetic frames, then the whole way through (a selection drawn on a scaled picture, mapped, cut out,
 * enlarged and decoded) on screens drawn as test/support/qrFrames.ts draws them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQrDecoderFromPackage } from '../../../src/main/qr/loadQrDecoder.js';
import { decodeQrFrame, type RgbaFrame } from '../../../src/shared/qr/decodeQrFrame.js';
import { cropFrame, enlargeSmallCrop, enlargeTwice, SMALL_CROP_PIXELS } from '../../../src/renderer/scan/cropFrame.js';
import { frameFromDisplay, selectionBetween } from '../../../src/renderer/scan/selectionGeometry.js';
import { codeSidePixels, scaleFrame, screenFrame } from '../../support/qrFrames.js';

const ENTRA = 'otpauth://totp/Contoso:alice%40contoso.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Microsoft';
const GITLAB = 'otpauth://totp/GitLab:dave?secret=KRSXG5CTMVRXEZLUKN2XAZLSNBQW4ZAA&issuer=GitLab&digits=8';

/** A frame whose every pixel says where it is: red = column, green = row, blue = 7, opaque. */
function coordinateFrame(width: number, height: number): RgbaFrame {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) data.set([x, y, 7, 255], (y * width + x) * 4);
  }
  return { data, width, height };
}

/** Each pixel's [red, green] in rows. */
function coordinates(frame: RgbaFrame): [number, number][][] {
  return Array.from({ length: frame.height }, (_, y) => Array.from({ length: frame.width }, (_, x) => [frame.data[(y * frame.width + x) * 4]!, frame.data[(y * frame.width + x) * 4 + 1]!]));
}

/** One channel of a grey frame, in rows. */
function greys(frame: RgbaFrame): number[][] {
  return Array.from({ length: frame.height }, (_, y) => Array.from({ length: frame.width }, (_, x) => frame.data[(y * frame.width + x) * 4]!));
}

function greyFrame(rows: readonly (readonly number[])[]): RgbaFrame {
  const height = rows.length;
  const width = rows[0]!.length;
  const data = new Uint8ClampedArray(width * height * 4);
  rows.forEach((row, y) => row.forEach((grey, x) => data.set([grey, grey, grey, 255], (y * width + x) * 4)));
  return { data, width, height };
}

describe('cropFrame', () => {
  it('copies exactly the selected pixels, row by row', () => {
    const crop = cropFrame(coordinateFrame(6, 5), { left: 2, top: 1, width: 3, height: 2 });
    expect({ width: crop.width, height: crop.height }).toEqual({ width: 3, height: 2 });
    expect(coordinates(crop)).toEqual([
      [
        [2, 1],
        [3, 1],
        [4, 1],
      ],
      [
        [2, 2],
        [3, 2],
        [4, 2],
      ],
    ]);
    expect([...crop.data.subarray(0, 4)]).toEqual([2, 1, 7, 255]);
  });

  it('takes the corners and the whole frame, into a buffer of its own the decoder may take away', () => {
    const frame = coordinateFrame(6, 5);
    expect(coordinates(cropFrame(frame, { left: 5, top: 4, width: 1, height: 1 }))).toEqual([[[5, 4]]]);
    const whole = cropFrame(frame, { left: 0, top: 0, width: 6, height: 5 });
    expect(whole.data).toEqual(frame.data);
    expect(whole.data.buffer).not.toBe(frame.data.buffer);
    expect(whole.data.byteLength).toBe(whole.data.buffer.byteLength);
    whole.data.fill(0);
    expect(frame.data[4 * 7]).toBe(1);
  });

  it('refuses a selection that is not whole pixels inside the frame', () => {
    const frame = coordinateFrame(6, 5);
    for (const selection of [
      { left: -1, top: 0, width: 2, height: 2 },
      { left: 5, top: 0, width: 2, height: 2 },
      { left: 0, top: 4, width: 2, height: 2 },
      { left: 0, top: 0, width: 0, height: 2 },
      { left: 0.5, top: 0, width: 2, height: 2 },
    ]) {
      expect(() => cropFrame(frame, selection), JSON.stringify(selection)).toThrow(RangeError);
    }
  });
});

describe('enlargeTwice', () => {
  it('doubles each way, each new pixel 9:3:3:1 of its four nearest (edges repeat)', () => {
    expect(greys(enlargeTwice(greyFrame([[0, 255]])))).toEqual([
      [0, 64, 191, 255],
      [0, 64, 191, 255],
    ]);
    expect(greys(enlargeTwice(greyFrame([[0], [160]])))).toEqual([[0, 0], [40, 40], [120, 120], [160, 160]]);
    // A one-pixel dot: the nearest new pixels are 9/16 of it, the diagonal ones 1/16.
    const dot = greys(enlargeTwice(greyFrame([[0, 0, 0], [0, 160, 0], [0, 0, 0]])));
    expect(dot.slice(1, 5).map((row) => row.slice(1, 5))).toEqual([
      [10, 30, 30, 10],
      [30, 90, 90, 30],
      [30, 90, 90, 30],
      [10, 30, 30, 10],
    ]);
  });

  it('is a bilinear resample at pixel centres, as a browser enlarges an image', () => {
    const frame = screenFrame({ width: 120, height: 90, clutter: true, codes: [{ text: 'TOTP', x: 30, y: 10, modulePixels: 2.5 }] });
    const ours = enlargeTwice(frame);
    const reference = scaleFrame(frame, 2);
    expect({ width: ours.width, height: ours.height }).toEqual({ width: reference.width, height: reference.height });
    let largestDifference = 0;
    for (let index = 0; index < ours.data.length; index += 1) largestDifference = Math.max(largestDifference, Math.abs(ours.data[index]! - reference.data[index]!));
    expect(largestDifference).toBeLessThanOrEqual(1);
  });
});

describe('enlargeSmallCrop', () => {
  it(`enlarges a crop whose longer side is under ${SMALL_CROP_PIXELS} px, and leaves a larger one as it is`, () => {
    const small = coordinateFrame(SMALL_CROP_PIXELS - 1, 10);
    expect(enlargeSmallCrop(small)).toMatchObject({ width: 2 * (SMALL_CROP_PIXELS - 1), height: 20 });
    const large = coordinateFrame(10, SMALL_CROP_PIXELS);
    expect(enlargeSmallCrop(large)).toBe(large);
  });
});

describe('a selected area, decoded', () => {
  beforeAll(() => loadQrDecoderFromPackage());

  it('is the code selected on a picture shown at a non-integer scale, and not the one beside it', async () => {
    const modulePixels = 4;
    const side = codeSidePixels({ text: ENTRA, modulePixels });
    const gitlab = { text: GITLAB, x: 300, y: 200, modulePixels };
    const entra = { text: ENTRA, x: 300 + codeSidePixels(gitlab) + 32, y: 200, modulePixels };
    const frame = screenFrame({ width: 1920, height: 1080, clutter: true, codes: [gitlab, entra] });
    expect((await decodeQrFrame(frame)).map((found) => found.text)).toEqual([GITLAB, ENTRA]);

    // The screen shown 700.5 px wide; the user drags from just inside the gap to just past the Entra code.
    const display = { width: 700.5, height: 394.03125 };
    const shown = (x: number, y: number) => ({ x: (x * display.width) / 1920, y: (y * display.height) / 1080 });
    const start = frameFromDisplay(shown(entra.x - 10, entra.y - 10), display, frame);
    const end = frameFromDisplay(shown(entra.x + side + 10, entra.y + side + 10), display, frame);
    const selection = selectionBetween(start, end, frame);
    expect(selection).toEqual({ left: entra.x - 10, top: entra.y - 10, width: side + 20, height: side + 20 });
    expect((await decodeQrFrame(enlargeSmallCrop(cropFrame(frame, selection)))).map((found) => found.text)).toEqual([ENTRA]);
  });

  it('reads a tightly cut code with 1.5 px modules (1 px at 150 %) once enlarged, which it could not as cut', async () => {
    const code = { text: ENTRA, x: 150, y: 150, modulePixels: 1.5 };
    const quietZone = Math.round(4 * code.modulePixels);
    const side = codeSidePixels(code);
    const frame = screenFrame({ width: 800, height: 600, clutter: true, codes: [code] });
    const crop = cropFrame(frame, { left: code.x + quietZone, top: code.y + quietZone, width: side - 2 * quietZone, height: side - 2 * quietZone });
    expect(await decodeQrFrame(crop), 'the crop as cut (why small crops are enlarged)').toEqual([]);
    expect((await decodeQrFrame(enlargeSmallCrop(crop))).map((found) => found.text)).toEqual([ENTRA]);
  });
});
