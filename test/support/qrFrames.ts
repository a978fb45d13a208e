/**
 * Synthetic screens with QR codes on them, as RgbaFrames: what the window grabs from a display and the CLI
 * reads from a screenshot. Tests and the QR benchmark draw their frames here so that both decode the same
 * kinds of picture.
 *
 * A code is drawn from `QRCode.create(text)`'s modules with the standard 4-module quiet zone around it. Its
 * module size may be fractional (2.5 px is a 2 px module on a 125 % display): the code is then drawn at the
 * whole module size below and resampled bilinearly by the rest of the factor, as a browser scales an image on
 * a 125 % or 150 % display: module edges come out grey, not the crisp edges and uneven widths (2 and 3 px
 * modules alternating) of nearest-neighbour scaling.
 *
 * Everything is deterministic: the clutter comes from a seeded generator, so a frame that fails to decode
 * fails the same way every run.
 */
import QRCode, { type QRCodeErrorCorrectionLevel } from 'qrcode';
import type { RgbaFrame } from '../../src/shared/qr/decodeQrFrame.js';

export interface DrawnCode {
  readonly text: string;
  /** Top left corner of the code's quiet zone in the frame, in pixels. */
  readonly x: number;
  readonly y: number;
  /** Pixels per module; fractional values model a scaled display (2.5 = 2 px at 125 %). */
  readonly modulePixels: number;
  /** Light modules on a dark ground, as some dark-mode pages and exporters draw them. */
  readonly invert?: boolean;
  /**
   * No ground of its own: the page shows between the modules and in the quiet zone, as with the PNG or SVG
   * codes many generators export with a transparent background.
   */
  readonly transparent?: boolean;
  /** Error correction level; qrcode's default is M. */
  readonly errorCorrection?: QRCodeErrorCorrectionLevel;
}

export interface ScreenOptions {
  readonly width: number;
  readonly height: number;
  /**
   * 'light' is a white page. 'dark' is a dark page (#1e1e1e) on which a normal code keeps its light
   * quiet-zone box, as Microsoft's set-up page shows it in dark mode. A number is the page's grey level
   * (GitHub's dark theme, #0d1117, is about 16).
   */
  readonly background?: 'light' | 'dark' | number;
  readonly codes: readonly DrawnCode[];
  /** Text-like lines, a title bar and rules on the page, so that the decoder does not see a blank frame. */
  readonly clutter?: boolean;
}

/** Grey levels (0–255) of the page and of the codes. */
const PAGE = { light: 255, dark: 30 } as const;
const TEXT = { light: 50, dark: 210 } as const;
const CODE = { ground: 255, module: 0 } as const;
const INVERTED_CODE = { ground: 30, module: 235 } as const;
const QUIET_ZONE_MODULES = 4;

/** A grey image, one byte a pixel: a code before it is placed on the page. */
interface GreyImage {
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** A screen with the given codes drawn on it. Throws a RangeError when a code does not fit inside the frame. */
export function screenFrame(options: ScreenOptions): RgbaFrame {
  const { width, height, codes } = options;
  const background = options.background ?? 'light';
  const page = typeof background === 'number' ? background : PAGE[background];
  const data = new Uint8ClampedArray(width * height * 4);
  const pixels = new Uint32Array(data.buffer);
  pixels.fill(opaqueGrey(page));
  if (options.clutter) drawClutter(pixels, width, height, page < 128 ? TEXT.dark : TEXT.light);
  for (const code of codes) {
    const image = renderCode(code, page);
    const left = Math.round(code.x);
    const top = Math.round(code.y);
    if (left < 0 || top < 0 || left + image.width > width || top + image.height > height) {
      throw new RangeError(`The code at ${left},${top} (${image.width}×${image.height} px) does not fit in ${width}×${height}.`);
    }
    for (let row = 0; row < image.height; row++) {
      for (let column = 0; column < image.width; column++) {
        pixels[(top + row) * width + left + column] = opaqueGrey(image.data[row * image.width + column]!);
      }
    }
  }
  return { data, width, height };
}

/** The side of a drawn code, quiet zone included, in frame pixels: for laying codes out on a screen. */
export function codeSidePixels(code: Pick<DrawnCode, 'text' | 'modulePixels' | 'errorCorrection'>): number {
  const modules = symbolOf(code).size + 2 * QUIET_ZONE_MODULES;
  const drawn = Math.max(1, Math.floor(code.modulePixels));
  return Math.round(modules * drawn * (code.modulePixels / drawn));
}

/**
 * The whole frame resampled bilinearly by `factor` (1.25 for a 125 % display), sampling at pixel centres as
 * browsers and compositors do. Meant for enlarging (factor ≥ 1); a factor below 0.5 would skip pixels.
 */
export function scaleFrame(frame: RgbaFrame, factor: number): RgbaFrame {
  const width = Math.round(frame.width * factor);
  const height = Math.round(frame.height * factor);
  const data = new Uint8ClampedArray(width * height * 4);
  const columns = sampleGrid(width, frame.width, factor);
  const rows = sampleGrid(height, frame.height, factor);
  for (let row = 0; row < height; row++) {
    const above = rows.first[row]! * frame.width * 4;
    const below = rows.second[row]! * frame.width * 4;
    const down = rows.weight[row]!;
    for (let column = 0; column < width; column++) {
      const leftOffset = columns.first[column]! * 4;
      const rightOffset = columns.second[column]! * 4;
      const across = columns.weight[column]!;
      const target = (row * width + column) * 4;
      for (let channel = 0; channel < 4; channel++) {
        const top = frame.data[above + leftOffset + channel]! * (1 - across) + frame.data[above + rightOffset + channel]! * across;
        const bottom = frame.data[below + leftOffset + channel]! * (1 - across) + frame.data[below + rightOffset + channel]! * across;
        data[target + channel] = top * (1 - down) + bottom * down;
      }
    }
  }
  return { data, width, height };
}

function symbolOf(code: Pick<DrawnCode, 'text' | 'errorCorrection'>): QRCode.BitMatrix {
  return QRCode.create(code.text, { errorCorrectionLevel: code.errorCorrection ?? 'M' }).modules;
}

/** The code with its quiet zone as grey pixels: drawn at a whole module size, then resampled to a fractional one. */
function renderCode(code: DrawnCode, page: number): GreyImage {
  if (!(code.modulePixels >= 1)) throw new RangeError(`A module must be at least 1 px, not ${code.modulePixels}.`);
  const symbol = symbolOf(code);
  const opaque = code.invert ? INVERTED_CODE : CODE;
  const colours = code.transparent ? { ground: page, module: opaque.module } : opaque;
  const drawn = Math.floor(code.modulePixels);
  const side = (symbol.size + 2 * QUIET_ZONE_MODULES) * drawn;
  const data = new Uint8Array(side * side).fill(colours.ground);
  for (let row = 0; row < symbol.size; row++) {
    for (let column = 0; column < symbol.size; column++) {
      if (!symbol.get(row, column)) continue;
      const top = (row + QUIET_ZONE_MODULES) * drawn;
      const left = (column + QUIET_ZONE_MODULES) * drawn;
      for (let y = top; y < top + drawn; y++) data.fill(colours.module, y * side + left, y * side + left + drawn);
    }
  }
  const image = { data, width: side, height: side };
  return code.modulePixels === drawn ? image : scaleGrey(image, code.modulePixels / drawn);
}

/** scaleFrame for one channel. */
function scaleGrey(image: GreyImage, factor: number): GreyImage {
  const width = Math.round(image.width * factor);
  const height = Math.round(image.height * factor);
  const data = new Uint8Array(width * height);
  const columns = sampleGrid(width, image.width, factor);
  const rows = sampleGrid(height, image.height, factor);
  for (let row = 0; row < height; row++) {
    const above = rows.first[row]! * image.width;
    const below = rows.second[row]! * image.width;
    const down = rows.weight[row]!;
    for (let column = 0; column < width; column++) {
      const left = columns.first[column]!;
      const right = columns.second[column]!;
      const across = columns.weight[column]!;
      const top = image.data[above + left]! * (1 - across) + image.data[above + right]! * across;
      const bottom = image.data[below + left]! * (1 - across) + image.data[below + right]! * across;
      data[row * width + column] = Math.round(top * (1 - down) + bottom * down);
    }
  }
  return { data, width, height };
}

/** For each target pixel along one axis: the two source pixels around its centre and the second one's weight. */
function sampleGrid(targetLength: number, sourceLength: number, factor: number) {
  const first = new Int32Array(targetLength);
  const second = new Int32Array(targetLength);
  const weight = new Float64Array(targetLength);
  for (let index = 0; index < targetLength; index++) {
    const source = Math.min(Math.max((index + 0.5) / factor - 0.5, 0), sourceLength - 1);
    first[index] = Math.floor(source);
    second[index] = Math.min(first[index]! + 1, sourceLength - 1);
    weight[index] = source - first[index]!;
  }
  return { first, second, weight };
}

/**
 * A title bar, a sidebar rule and paragraphs of "words" (short bars a line high), placed by a seeded
 * generator: edges and stripes like a real page's, which a decoder must not mistake for a code.
 */
function drawClutter(pixels: Uint32Array, width: number, height: number, grey: number): void {
  const ink = opaqueGrey(grey);
  const random = seededRandom(0x5eed);
  const bar = (left: number, top: number, barWidth: number, barHeight: number, colour = ink) => {
    const right = Math.min(left + barWidth, width);
    for (let y = Math.max(top, 0); y < Math.min(top + barHeight, height); y++) pixels.fill(colour, y * width + Math.max(left, 0), y * width + right);
  };
  const unit = Math.max(1, Math.round(height / 1080));
  bar(0, 0, width, 40 * unit, opaqueGrey(Math.round((grey + 128) / 2)));
  bar(Math.round(width * 0.18), 40 * unit, unit, height);
  for (let top = 70 * unit; top < height - 20 * unit; top += 26 * unit) {
    if (random() < 0.15) continue; // a paragraph break
    let left = Math.round(width * 0.18) + 24 * unit;
    const lineEnd = left + Math.round((0.4 + 0.5 * random()) * (width - left - 24 * unit));
    while (left < lineEnd) {
      const wordWidth = Math.round((12 + 60 * random()) * unit);
      bar(left, top, Math.min(wordWidth, lineEnd - left), 10 * unit);
      left += wordWidth + 8 * unit;
    }
    if (random() < 0.1) bar(Math.round(width * 0.18) + 24 * unit, top + 18 * unit, width, unit);
  }
  // The sidebar's menu entries.
  for (let top = 70 * unit; top < height * 0.6; top += 36 * unit) bar(16 * unit, top, Math.round((40 + 80 * random()) * unit), 12 * unit);
}

/** Mulberry32: small, fast and good enough for placing bars. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** One RGBA pixel as a little-endian Uint32 (R in the low byte), fully opaque. */
function opaqueGrey(level: number): number {
  return ((0xff << 24) | (level << 16) | (level << 8) | level) >>> 0;
}
