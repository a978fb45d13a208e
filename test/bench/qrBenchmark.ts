/**
 * Screen QR decoding: our pipeline (zxing-wasm, then jsQR where zxing finds nothing), zxing alone and naive
 * full-frame jsQR, timed on the same synthetic screens (test/support/qrFrames.ts) at four resolutions, with
 * the codes each finds counted against the codes drawn. README.md (QR decoding) describes the frames.
 */
import { decodeQrFrame, decodeWithJsqr, decodeWithZxing, type RgbaFrame } from '../../dist/shared/qr/decodeQrFrame.js';
import { loadQrDecoderFromPackage } from '../../dist/main/qr/loadQrDecoder.js';
import { scaleFrame, screenFrame, type DrawnCode } from '../support/qrFrames.ts';
import { type Measurement, median } from './benchmarkReport.ts';

const RESOLUTIONS = [
  [1920, 1080],
  [2560, 1440],
  [3840, 2160],
  [5760, 2160],
] as const;
const RUNS = 3;
/** The pipeline's median per 4K frame, and every drawn code found at every resolution. */
const TARGET_4K_MILLISECONDS = 100;
const TARGET_SUCCESS_PERCENT = 100;

// A Microsoft Entra set-up code and a second, longer one (a larger symbol), both made up.
const ENTRA = 'otpauth://totp/Contoso:alice%40contoso.com?secret=6XKRVYQPAVBXF3WM&issuer=Microsoft';
const GITHUB = 'otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=GitHub';

const DECODERS = {
  pipeline: async (frame: RgbaFrame) => (await decodeQrFrame(frame)).map((code) => code.text),
  zxing: async (frame: RgbaFrame) => (await decodeWithZxing(frame)).map((code) => code.text),
  jsqr: async (frame: RgbaFrame) => {
    const code = decodeWithJsqr(frame);
    return code ? [code.text] : [];
  },
} as const;
type DecoderName = keyof typeof DECODERS;

interface Screen {
  readonly kind: string;
  readonly drawn: readonly string[];
  readonly draw: () => RgbaFrame;
}

interface ScreenResult {
  readonly kind: string;
  readonly drawn: number;
  readonly milliseconds: Record<DecoderName, number>;
  readonly found: Record<DecoderName, number>;
}

/** Every frame of one resolution: a code at 2, 3, 4 and 6 px modules, scaled displays, dark modes, two codes. */
function screensOf(width: number, height: number): Screen[] {
  // The code sits right of the middle, below the title bar, as on a set-up page; clutter fills the rest.
  const at = (modulePixels: number, extra: Partial<DrawnCode> = {}): DrawnCode => ({
    text: ENTRA,
    x: Math.round(width * 0.55),
    y: Math.round(height * 0.3),
    modulePixels,
    ...extra,
  });
  const screen = (kind: string, codes: DrawnCode[], background: 'light' | 'dark' = 'light'): Screen => ({
    kind,
    drawn: codes.map((code) => code.text),
    draw: () => screenFrame({ width, height, background, clutter: true, codes }),
  });
  return [
    ...[2, 3, 4, 6].map((modulePixels) => screen(`${modulePixels} px modules`, [at(modulePixels)])),
    {
      // The page laid out in 80 % of the pixels with 2 px modules, enlarged bilinearly as a 125 % display does.
      kind: '125 % display (whole screen scaled, 2.5 px modules)',
      drawn: [ENTRA],
      draw: () => {
        const logical = { width: Math.round(width / 1.25), height: Math.round(height / 1.25) };
        const code = { text: ENTRA, x: Math.round(logical.width * 0.55), y: Math.round(logical.height * 0.3), modulePixels: 2 };
        return scaleFrame(screenFrame({ ...logical, clutter: true, codes: [code] }), 1.25);
      },
    },
    screen('150 % display (3.75 px modules, resampled)', [at(3.75)]),
    screen('dark-mode page, light code box', [at(3)], 'dark'),
    screen('inverted code on a dark page', [at(3, { invert: true })], 'dark'),
    screen('two codes', [
      { text: ENTRA, x: Math.round(width * 0.25), y: Math.round(height * 0.2), modulePixels: 3 },
      { text: GITHUB, x: Math.round(width * 0.65), y: Math.round(height * 0.6), modulePixels: 3 },
    ]),
  ];
}

/** One frame: a warm-up of each decoder, then RUNS rounds of all three in turn, so drift hits them alike. */
async function measureScreen(screen: Screen): Promise<ScreenResult> {
  const frame = screen.draw();
  const names = Object.keys(DECODERS) as DecoderName[];
  const times = { pipeline: [] as number[], zxing: [] as number[], jsqr: [] as number[] };
  const found = { pipeline: 0, zxing: 0, jsqr: 0 };
  for (const name of names) {
    const texts = await DECODERS[name](frame);
    found[name] = screen.drawn.filter((text) => texts.includes(text)).length;
  }
  for (let run = 0; run < RUNS; run++) {
    for (const name of names) {
      const start = performance.now();
      await DECODERS[name](frame);
      times[name].push(performance.now() - start);
    }
  }
  return {
    kind: screen.kind,
    drawn: screen.drawn.length,
    milliseconds: { pipeline: median(times.pipeline), zxing: median(times.zxing), jsqr: median(times.jsqr) },
    found,
  };
}

export async function runQrBenchmark(): Promise<Measurement[]> {
  await loadQrDecoderFromPackage();
  const measurements: Measurement[] = [];
  for (const [width, height] of RESOLUTIONS) {
    const results: ScreenResult[] = [];
    for (const screen of screensOf(width, height)) results.push(await measureScreen(screen));
    const empty = await measureScreen({ kind: 'no code', drawn: [], draw: () => screenFrame({ width, height, clutter: true, codes: [] }) });
    if (process.env.QR_BENCH_DETAILS) {
      for (const result of [...results, empty]) console.error(`${width}×${height}`, JSON.stringify(result));
    }
    const benchmark = `QR decoding ${width}×${height}`;
    const frames = `${results.length} frames`;
    const drawn = results.reduce((sum, result) => sum + result.drawn, 0);
    const successPercent = (name: DecoderName) => (100 * results.reduce((sum, result) => sum + result.found[name], 0)) / drawn;
    const medianOf = (name: DecoderName) => median(results.map((result) => result.milliseconds[name]));
    const target = width === 3840 && height === 2160 ? { target: TARGET_4K_MILLISECONDS } : {};
    measurements.push(
      { benchmark, metric: `our pipeline (decodeQrFrame), median of ${frames}`, value: medianOf('pipeline'), unit: 'ms', ...target },
      { benchmark, metric: 'our pipeline, slowest frame', value: Math.max(...results.map((result) => result.milliseconds.pipeline)), unit: 'ms' },
      { benchmark, metric: `our pipeline, codes found of ${drawn} drawn`, value: successPercent('pipeline'), unit: '%', target: TARGET_SUCCESS_PERCENT, targetKind: 'minimum' },
      { benchmark, metric: `zxing-wasm alone, median of ${frames}`, value: medianOf('zxing'), unit: 'ms' },
      { benchmark, metric: `naive full-frame jsQR, median of ${frames}`, value: medianOf('jsqr'), unit: 'ms' },
      { benchmark, metric: `naive full-frame jsQR, codes found of ${drawn} drawn`, value: successPercent('jsqr'), unit: '%' },
      { benchmark, metric: 'our pipeline, screen without a code (zxing, then jsQR)', value: empty.milliseconds.pipeline, unit: 'ms' },
    );
  }
  return measurements;
}
