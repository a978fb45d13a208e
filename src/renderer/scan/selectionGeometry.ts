/**
 * The region selector's arithmetic, kept apart from the DOM so that it can be tested to the pixel. The
 * selection lives in the frame's own pixels (whole numbers, inside the frame) from start to end: the
 * screenshot on the page is only a scaled picture of the frame, so a pointer position is mapped into the
 * frame once, when it arrives, and the crop never goes through display coordinates at all.
 */

/** A rectangle in a frame's pixels. */
export interface FrameRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** The smallest selection in frame pixels: a version 1 code with 1 px modules and no quiet zone is 21 px. */
export const SMALLEST_SELECTION = 16;

/** The longest side of the picture the selector shows; larger frames are shown scaled down to it. */
export const PREVIEW_LONGEST_SIDE = 1600;

const ARROW_DIRECTIONS = {
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
} as const;

export type ArrowKey = keyof typeof ARROW_DIRECTIONS;

export function isArrowKey(key: string): key is ArrowKey {
  return Object.hasOwn(ARROW_DIRECTIONS, key);
}

/** Where the selection starts: the middle third of the frame each way. */
export function defaultSelection(frame: Size): FrameRect {
  const left = Math.round(frame.width / 3);
  const top = Math.round(frame.height / 3);
  return clampSelection({ left, top, width: Math.round((frame.width * 2) / 3) - left, height: Math.round((frame.height * 2) / 3) - top }, frame);
}

/**
 * A point on the picture shown (`display` is its size on the page, in CSS pixels, fractional as layout makes
 * it) as a point in the frame, not rounded, and kept inside the frame.
 */
export function frameFromDisplay(point: Point, display: Size, frame: Size): Point {
  // Multiply first, then divide: one rounding, so that e.g. 350.25 of 700.5 is exactly 960 of 1920.
  return {
    x: clamp(snap((point.x * frame.width) / display.width), 0, frame.width),
    y: clamp(snap((point.y * frame.height) / display.height), 0, frame.height),
  };
}

/**
 * The selection between two frame points (a drag's start and end, either way round): every frame pixel the
 * dragged rectangle touches, so that what the user drew around is inside it. May be smaller than
 * SMALLEST_SELECTION (a click, or a drag just begun); see `isLargeEnough`.
 */
export function selectionBetween(start: Point, end: Point, frame: Size): FrameRect {
  const left = clamp(Math.floor(snap(Math.min(start.x, end.x))), 0, frame.width);
  const top = clamp(Math.floor(snap(Math.min(start.y, end.y))), 0, frame.height);
  const right = clamp(Math.ceil(snap(Math.max(start.x, end.x))), 0, frame.width);
  const bottom = clamp(Math.ceil(snap(Math.max(start.y, end.y))), 0, frame.height);
  return { left, top, width: right - left, height: bottom - top };
}

/** Whether a selection is worth reading (or a frame this small is selected whole). */
export function isLargeEnough(selection: FrameRect, frame: Size): boolean {
  return selection.width >= Math.min(SMALLEST_SELECTION, frame.width) && selection.height >= Math.min(SMALLEST_SELECTION, frame.height);
}

/** The selection in whole pixels, at least SMALLEST_SELECTION (or the whole frame) each way, inside the frame. */
export function clampSelection(selection: FrameRect, frame: Size): FrameRect {
  const [left, width] = clampSpan(selection.left, selection.width, frame.width);
  const [top, height] = clampSpan(selection.top, selection.height, frame.height);
  return { left, top, width, height };
}

/** How far one arrow key press moves or resizes the selection: about 1/80 of the frame's longer side (24 px at 1920). */
export function keyboardStep(frame: Size): number {
  return Math.max(1, Math.round(Math.max(frame.width, frame.height) / 80));
}

/**
 * The selection after an arrow key: moved by `step` frame pixels, or with `resize` (Shift) grown or shrunk
 * by it at its right or bottom edge. It stops at the frame's edges and at SMALLEST_SELECTION.
 */
export function moveSelection(selection: FrameRect, key: ArrowKey, resize: boolean, step: number, frame: Size): FrameRect {
  const direction = ARROW_DIRECTIONS[key];
  if (resize) {
    const width = clamp(selection.width + direction.x * step, Math.min(SMALLEST_SELECTION, frame.width), frame.width - selection.left);
    const height = clamp(selection.height + direction.y * step, Math.min(SMALLEST_SELECTION, frame.height), frame.height - selection.top);
    return { ...selection, width, height };
  }
  return {
    ...selection,
    left: clamp(selection.left + direction.x * step, 0, frame.width - selection.width),
    top: clamp(selection.top + direction.y * step, 0, frame.height - selection.height),
  };
}

/** The selection as percentages of the frame: where to draw it over the picture, whatever size that is shown at. */
export function selectionPercentages(selection: FrameRect, frame: Size): FrameRect {
  return {
    left: (selection.left / frame.width) * 100,
    top: (selection.top / frame.height) * 100,
    width: (selection.width / frame.width) * 100,
    height: (selection.height / frame.height) * 100,
  };
}

/** The size to draw the frame's picture at: its own, or scaled down (keeping its shape) to PREVIEW_LONGEST_SIDE. */
export function previewSize(frame: Size): Size {
  const scale = Math.min(1, PREVIEW_LONGEST_SIDE / Math.max(frame.width, frame.height));
  return { width: Math.max(1, Math.round(frame.width * scale)), height: Math.max(1, Math.round(frame.height * scale)) };
}

/** A start and length along one side of the frame, made whole and kept inside it. */
function clampSpan(start: number, length: number, side: number): [number, number] {
  const size = clamp(Math.round(length), Math.min(SMALLEST_SELECTION, side), side);
  return [clamp(Math.round(start), 0, side - size), size];
}

/**
 * A value a hair's breadth from a whole number is that number: 959.9999999999999 (floating point's way of
 * saying 960) must not floor to 959.
 */
function snap(value: number): number {
  const whole = Math.round(value);
  return Math.abs(value - whole) < 1e-6 ? whole : value;
}

function clamp(value: number, lowest: number, highest: number): number {
  return Math.min(highest, Math.max(lowest, value));
}
