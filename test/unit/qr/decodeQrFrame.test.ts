import { beforeAll, describe, expect, it } from 'vitest';
import { loadQrDecoderFromPackage } from '../../../src/main/qr/loadQrDecoder.js';
import {
  MAX_FRAME_PIXELS,
  decodeQrFrame,
  decodeWithJsqr,
  decodeWithZxing,
  type FoundQrCode,
  type RgbaFrame,
} from '../../../src/shared/qr/decodeQrFrame.js';
import { codeSidePixels, scaleFrame, screenFrame, type DrawnCode } from '../../support/qrFrames.js';

// What Microsoft Entra's "Set up your account" page encodes (a made-up tenant and secret).
const ENTRA = 'otpauth://totp/Contoso:alice%40contoso.com?secret=6XKRVYQPAVBXF3WM&issuer=Microsoft';
const GITHUB = 'otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=GitHub';

beforeAll(() => loadQrDecoderFromPackage());

const texts = (codes: readonly FoundQrCode[]) => codes.map((code) => code.text);

/** The code's finder corners lie inside its drawn box, quiet zone excluded. */
function expectFoundInside(found: FoundQrCode, drawn: DrawnCode, factor = 1): void {
  const side = codeSidePixels(drawn) * factor;
  const quietZone = 4 * drawn.modulePixels * factor;
  const left = drawn.x * factor;
  const top = drawn.y * factor;
  expect(found.bounds.left).toBeGreaterThanOrEqual(left + quietZone - 2);
  expect(found.bounds.top).toBeGreaterThanOrEqual(top + quietZone - 2);
  expect(found.bounds.right).toBeLessThanOrEqual(left + side - quietZone + 2);
  expect(found.bounds.bottom).toBeLessThanOrEqual(top + side - quietZone + 2);
}

describe('decodeQrFrame', () => {
  it('finds a Microsoft Entra code with 3 px modules on a cluttered 1920×1080 screen, with its exact text', async () => {
    const code = { text: ENTRA, x: 860, y: 380, modulePixels: 3 };
    const found = await decodeQrFrame(screenFrame({ width: 1920, height: 1080, clutter: true, codes: [code] }));
    expect(found).toHaveLength(1);
    expect(found[0]!.text).toBe(ENTRA);
    expect(found[0]!.decoder).toBe('zxing');
    expectFoundInside(found[0]!, code);
  });

  it('finds two codes on one 2560×1440 screen, in reading order whatever order they were drawn in', async () => {
    const lower = { text: GITHUB, x: 400, y: 800, modulePixels: 3 };
    const upper = { text: ENTRA, x: 1600, y: 200, modulePixels: 4 };
    const found = await decodeQrFrame(screenFrame({ width: 2560, height: 1440, clutter: true, codes: [lower, upper] }));
    expect(texts(found)).toEqual([ENTRA, GITHUB]);
    expectFoundInside(found[0]!, upper);
    expectFoundInside(found[1]!, lower);
  });

  it('reads two codes side by side with equal modules left to right', async () => {
    const codes = [{ text: GITHUB, x: 1400, y: 300, modulePixels: 3 }, { text: ENTRA, x: 700, y: 300, modulePixels: 3 }];
    expect(texts(await decodeQrFrame(screenFrame({ width: 2560, height: 1440, clutter: true, codes })))).toEqual([ENTRA, GITHUB]);
  });

  it('reads codes of different sizes on one row left to right, though their top edges differ', async () => {
    // Drawn at the same y, a 4 px code's modules start lower than a 3 px code's (its quiet zone is wider).
    const codes = [{ text: GITHUB, x: 1200, y: 300, modulePixels: 3 }, { text: ENTRA, x: 300, y: 300, modulePixels: 4 }];
    expect(texts(await decodeQrFrame(screenFrame({ width: 2560, height: 1440, clutter: true, codes })))).toEqual([ENTRA, GITHUB]);
  });

  it('finds a code in its light box on a dark-mode page', async () => {
    const frame = screenFrame({ width: 1920, height: 1080, background: 'dark', clutter: true, codes: [{ text: ENTRA, x: 860, y: 380, modulePixels: 3 }] });
    expect(texts(await decodeQrFrame(frame))).toEqual([ENTRA]);
  });

  it('finds an inverted code (light modules on a dark ground), on a dark and on a light page', async () => {
    for (const background of ['dark', 'light'] as const) {
      const frame = screenFrame({ width: 1920, height: 1080, background, clutter: true, codes: [{ text: ENTRA, x: 860, y: 380, modulePixels: 3, invert: true }] });
      expect(texts(await decodeQrFrame(frame))).toEqual([ENTRA]);
    }
  });

  it('finds codes on 125 % and 150 % displays: fractional modules of 2.5 and 3.75 px, edges grey', async () => {
    for (const modulePixels of [2.5, 3.75]) {
      // Bilinear resampling, not nearest-neighbour: a black and white code gets grey module edges.
      const alone = screenFrame({ width: 220, height: 220, codes: [{ text: ENTRA, x: 0, y: 0, modulePixels }] });
      expect(alone.data.some((level) => level > 60 && level < 195)).toBe(true);
      const frame = screenFrame({ width: 1920, height: 1080, clutter: true, codes: [{ text: ENTRA, x: 860, y: 380, modulePixels }] });
      expect(texts(await decodeQrFrame(frame))).toEqual([ENTRA]);
    }
  });

  it('finds codes on a whole screen scaled to 125 % and 150 % (2 px modules at 100 %)', async () => {
    const cases = [
      { factor: 1.25, width: 1536, height: 864 },
      { factor: 1.5, width: 1280, height: 720 },
    ];
    for (const { factor, width, height } of cases) {
      const code = { text: ENTRA, x: 600, y: 200, modulePixels: 2 };
      const frame = scaleFrame(screenFrame({ width, height, clutter: true, codes: [code] }), factor);
      expect([frame.width, frame.height]).toEqual([1920, 1080]);
      const found = await decodeQrFrame(frame);
      expect(texts(found)).toEqual([ENTRA]);
      expectFoundInside(found[0]!, code, factor);
    }
  });

  it('finds a code with 2 px modules on a 3840×2160 screen', async () => {
    const code = { text: ENTRA, x: 2900, y: 1700, modulePixels: 2 };
    const found = await decodeQrFrame(screenFrame({ width: 3840, height: 2160, clutter: true, codes: [code] }));
    expect(texts(found)).toEqual([ENTRA]);
    expectFoundInside(found[0]!, code);
  });

  it('gives [] for a screen without a code, blank or cluttered', async () => {
    expect(await decodeQrFrame(screenFrame({ width: 1280, height: 720, codes: [] }))).toEqual([]);
    expect(await decodeQrFrame(screenFrame({ width: 1920, height: 1080, clutter: true, codes: [] }))).toEqual([]);
    expect(await decodeQrFrame(screenFrame({ width: 1920, height: 1080, background: 'dark', clutter: true, codes: [] }))).toEqual([]);
  });

  it('falls back to jsQR where zxing finds nothing: a transparent-background code on a near-black page', async () => {
    // Black modules on GitHub's dark theme (#0d1117, grey ≈ 16): zxing's binarizer takes any area with
    // less than 24 grey levels of range as flat, and jsQR's threshold for dark areas still separates them.
    const frame = screenFrame({ width: 1920, height: 1080, background: 16, codes: [{ text: ENTRA, x: 860, y: 380, modulePixels: 3, transparent: true }] });
    expect(await decodeWithZxing(frame)).toEqual([]);
    const found = await decodeQrFrame(frame);
    expect(texts(found)).toEqual([ENTRA]);
    expect(found[0]!.decoder).toBe('jsqr');
  });

  it('refuses a frame whose data does not match its size, an empty frame and one over MAX_FRAME_PIXELS', async () => {
    const oversized = { width: MAX_FRAME_PIXELS + 1, height: 1 };
    const badFrames: RgbaFrame[] = [
      { data: new Uint8ClampedArray(10 * 10 * 4 - 1), width: 10, height: 10 },
      { data: new Uint8ClampedArray(10 * 10 * 3), width: 10, height: 10 },
      { data: new Uint8ClampedArray(0), width: 0, height: 0 },
      { data: new Uint8ClampedArray(4), width: 1.5, height: 1 },
      // The right length for its size, so that the size alone is what is refused.
      { data: new Uint8ClampedArray(oversized.width * oversized.height * 4), ...oversized },
    ];
    for (const frame of badFrames) {
      await expect(decodeQrFrame(frame)).rejects.toThrow(RangeError);
      await expect(decodeWithZxing(frame)).rejects.toThrow(RangeError);
      expect(() => decodeWithJsqr(frame)).toThrow(RangeError);
    }
    await expect(decodeQrFrame(badFrames.at(-1)!)).rejects.toThrow(/between 1×1 and/);
  });
});

describe('decodeWithJsqr, the naive full-frame baseline', () => {
  it('finds at most one of two codes where zxing finds both: why zxing is the first pass', async () => {
    const layouts = [
      [{ text: ENTRA, x: 700, y: 300, modulePixels: 3 }, { text: GITHUB, x: 1400, y: 300, modulePixels: 3 }],
      [{ text: ENTRA, x: 400, y: 200, modulePixels: 4 }, { text: GITHUB, x: 1400, y: 800, modulePixels: 3 }],
    ];
    for (const codes of layouts) {
      const frame = screenFrame({ width: 2560, height: 1440, clutter: true, codes });
      expect(texts(await decodeWithZxing(frame)).sort()).toEqual([ENTRA, GITHUB].sort());
      // One result at most by design; side by side, jsQR's finder patterns mix the two codes and it reads neither.
      const naive = decodeWithJsqr(frame);
      expect(naive === null || [ENTRA, GITHUB].includes(naive.text)).toBe(true);
    }
  });
});
