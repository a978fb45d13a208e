/**
 * The region selector's arithmetic: the picture on the page is the frame scaled by whatever the layout
 * made of it (rarely a round number), and a selection drawn on it must come back to the frame's own pixels
 * exactly, stay inside the frame, and move by the keyboard as the instructions say.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultSelection,
  type FrameRect,
  frameFromDisplay,
  isArrowKey,
  isLargeEnough,
  keyboardStep,
  moveSelection,
  previewSize,
  SMALLEST_SELECTION,
  selectionBetween,
  selectionPercentages,
} from '../../../src/renderer/scan/selectionGeometry.js';

const SCREEN = { width: 1920, height: 1080 } as const;

describe('frameFromDisplay and selectionBetween', () => {
  it('map a point on a picture shown at a non-integer scale to the exact frame pixel', () => {
    // 700.5 of 1920 is a scale of 0.36484375; 350.25 is exactly half way.
    const display = { width: 700.5, height: 394.03125 };
    expect(frameFromDisplay({ x: 350.25, y: 197.015625 }, display, SCREEN)).toEqual({ x: 960, y: 540 });
    expect(frameFromDisplay({ x: 0, y: 0 }, display, SCREEN)).toEqual({ x: 0, y: 0 });
    expect(frameFromDisplay({ x: 700.5, y: 394.03125 }, display, SCREEN)).toEqual({ x: 1920, y: 1080 });
  });

  it('bring every frame column shown at a scale of 0.3 back to itself, where dividing by the scale would not', () => {
    // 0.3 has no exact binary form: 576 / 1920 is 0.3 give or take, and x·0.3/0.3 is not always x.
    const display = { width: 576, height: 324 };
    const scale = display.width / SCREEN.width;
    let divisionMisses = 0;
    for (let column = 0; column <= SCREEN.width; column += 1) {
      const shown = column * scale;
      expect(frameFromDisplay({ x: shown, y: 0 }, display, SCREEN).x).toBe(column);
      // Floor and ceil of the mapped point: a column edge selects nothing on either side of it.
      const edge = selectionBetween(frameFromDisplay({ x: shown, y: 0 }, display, SCREEN), frameFromDisplay({ x: shown, y: 0 }, display, SCREEN), SCREEN);
      expect(edge).toMatchObject({ left: column, width: 0 });
      if (Math.floor(shown / scale) !== column) divisionMisses += 1;
    }
    expect(divisionMisses, 'the naive mapping this guards against').toBeGreaterThan(0);
  });

  it('take every frame pixel the dragged rectangle touches, whichever way it was dragged', () => {
    const display = { width: 700.5, height: 394.03125 };
    const from = frameFromDisplay({ x: 100, y: 50 }, display, SCREEN);
    const to = frameFromDisplay({ x: 300.7, y: 200.2 }, display, SCREEN);
    // 100 · 1920 / 700.5 = 274.09…, 300.7 · 1920 / 700.5 = 824.19…; 50 → 137.04…, 200.2 → 548.71…
    const expected = { left: 274, top: 137, width: 825 - 274, height: 549 - 137 };
    expect(selectionBetween(from, to, SCREEN)).toEqual(expected);
    expect(selectionBetween(to, from, SCREEN)).toEqual(expected);
    expect(selectionBetween({ x: to.x, y: from.y }, { x: from.x, y: to.y }, SCREEN)).toEqual(expected);
  });

  it('clamp a drag that leaves the picture to the frame’s edges', () => {
    const display = { width: 700.5, height: 394.03125 };
    const outside = frameFromDisplay({ x: -40, y: 9000 }, display, SCREEN);
    expect(outside).toEqual({ x: 0, y: 1080 });
    expect(selectionBetween(outside, frameFromDisplay({ x: 800, y: -3 }, display, SCREEN), SCREEN)).toEqual({ left: 0, top: 0, ...SCREEN });
  });
});

describe('defaultSelection', () => {
  it('is the middle third each way', () => {
    expect(defaultSelection(SCREEN)).toEqual({ left: 640, top: 360, width: 640, height: 360 });
    expect(defaultSelection({ width: 1366, height: 768 })).toEqual({ left: 455, top: 256, width: 456, height: 256 });
  });

  it('is never smaller than SMALLEST_SELECTION, nor larger than a tiny frame', () => {
    expect(defaultSelection({ width: 30, height: 12 })).toEqual({ left: 10, top: 0, width: SMALLEST_SELECTION, height: 12 });
  });
});

describe('isLargeEnough', () => {
  it('turns down a click or a sliver, but takes the whole of a frame smaller than SMALLEST_SELECTION', () => {
    expect(isLargeEnough({ left: 10, top: 10, width: 0, height: 0 }, SCREEN)).toBe(false);
    expect(isLargeEnough({ left: 10, top: 10, width: 300, height: SMALLEST_SELECTION - 1 }, SCREEN)).toBe(false);
    expect(isLargeEnough({ left: 10, top: 10, width: SMALLEST_SELECTION, height: SMALLEST_SELECTION }, SCREEN)).toBe(true);
    expect(isLargeEnough({ left: 0, top: 0, width: 8, height: 8 }, { width: 8, height: 8 })).toBe(true);
  });
});

describe('moveSelection', () => {
  const step = keyboardStep(SCREEN);
  const start = defaultSelection(SCREEN);
  const press = (selection: FrameRect, key: string, times: number, resize = false): FrameRect => {
    if (!isArrowKey(key)) throw new Error(`${key} is not an arrow key`);
    let moved = selection;
    for (let count = 0; count < times; count += 1) moved = moveSelection(moved, key, resize, step, SCREEN);
    return moved;
  };

  it('moves by one step a press: 1/80 of the longer side', () => {
    expect(step).toBe(24);
    expect(keyboardStep({ width: 3840, height: 2160 })).toBe(48);
    expect(keyboardStep({ width: 40, height: 30 })).toBe(1);
    expect(press(start, 'ArrowRight', 2)).toEqual({ ...start, left: 688 });
    expect(press(start, 'ArrowLeft', 1)).toEqual({ ...start, left: 616 });
    expect(press(start, 'ArrowDown', 3)).toEqual({ ...start, top: 432 });
    expect(press(start, 'ArrowUp', 1)).toEqual({ ...start, top: 336 });
  });

  it('stops at the frame’s edges, keeping its size', () => {
    expect(press(start, 'ArrowRight', 100)).toEqual({ ...start, left: 1920 - 640 });
    expect(press(start, 'ArrowLeft', 100)).toEqual({ ...start, left: 0 });
    expect(press(start, 'ArrowDown', 100)).toEqual({ ...start, top: 1080 - 360 });
    expect(press(start, 'ArrowUp', 100)).toEqual({ ...start, top: 0 });
  });

  it('with Shift, resizes at the right and bottom edges, down to SMALLEST_SELECTION and out to the frame’s edge', () => {
    expect(press(start, 'ArrowRight', 1, true)).toEqual({ ...start, width: 664 });
    expect(press(start, 'ArrowDown', 1, true)).toEqual({ ...start, height: 384 });
    expect(press(start, 'ArrowLeft', 2, true)).toEqual({ ...start, width: 592 });
    expect(press(start, 'ArrowUp', 1, true)).toEqual({ ...start, height: 336 });
    expect(press(start, 'ArrowLeft', 100, true)).toEqual({ ...start, width: SMALLEST_SELECTION });
    expect(press(start, 'ArrowUp', 100, true)).toEqual({ ...start, height: SMALLEST_SELECTION });
    expect(press(start, 'ArrowRight', 100, true)).toEqual({ ...start, width: 1920 - 640 });
    expect(press(start, 'ArrowDown', 100, true)).toEqual({ ...start, height: 1080 - 360 });
  });

  it('knows the arrow keys and nothing else', () => {
    expect(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].every(isArrowKey)).toBe(true);
    expect(['Enter', 'Escape', 'Left', 'constructor', 'toString'].some(isArrowKey)).toBe(false);
  });
});

describe('selectionPercentages', () => {
  it('places the rectangle over the picture at any size it is shown', () => {
    const shown = selectionPercentages({ left: 640, top: 270, width: 480, height: 540 }, SCREEN);
    expect(shown.left).toBeCloseTo(100 / 3, 12);
    expect(shown).toMatchObject({ top: 25, width: 25, height: 50 });
    // Shown 700.5 px wide, its left edge is at 233.5 px, which maps back to frame column 640.
    const leftEdge = (shown.left / 100) * 700.5;
    expect(frameFromDisplay({ x: leftEdge, y: 0 }, { width: 700.5, height: 394.03125 }, SCREEN).x).toBe(640);
  });
});

describe('previewSize', () => {
  it('scales a large frame down to 1600 px on its longer side, keeping its shape, and leaves a small one', () => {
    expect(previewSize(SCREEN)).toEqual({ width: 1600, height: 900 });
    expect(previewSize({ width: 5760, height: 2160 })).toEqual({ width: 1600, height: 600 });
    expect(previewSize({ width: 1080, height: 1920 })).toEqual({ width: 900, height: 1600 });
    expect(previewSize({ width: 1280, height: 720 })).toEqual({ width: 1280, height: 720 });
  });
});
