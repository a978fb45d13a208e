import { type KeyboardEvent, type PointerEvent, useEffect, useId, useRef, useState } from 'react';
import type { RgbaFrame } from '../../shared/qr/decodeQrFrame.js';
import { useAppServices } from '../app/AppServices.js';
import {
  defaultSelection,
  type FrameRect,
  frameFromDisplay,
  isArrowKey,
  isLargeEnough,
  keyboardStep,
  moveSelection,
  type Point,
  previewSize,
  selectionBetween,
  selectionPercentages,
} from './selectionGeometry.js';

interface RegionSelectorProps {
  /** One frame a screen, at full resolution; only read here (drawn scaled down, never copied or kept). */
  readonly frames: readonly RgbaFrame[];
  /** The selection, in the chosen screen's frame pixels. */
  readonly onScan: (screen: number, selection: FrameRect) => void;
  readonly onCancel: () => void;
}

/** The largest share of the window's height the screenshot may take, so that the buttons stay in view. */
const STAGE_VIEWPORT_HEIGHT = 55;

/**
 * "Select a region": the grabbed screen shown scaled to fit, with a rectangle to drag over the code wanted,
 * or to move with the arrow keys (Shift+arrows resize it); Enter reads it and Escape cancels. With several
 * screens the user picks one first. The picture is drawn into a canvas that is emptied when the selector
 * closes; the selection is kept in frame pixels throughout (see selectionGeometry.ts).
 */
export function RegionSelector({ frames, onScan, onCancel }: RegionSelectorProps) {
  const { translator } = useAppServices();
  const { t } = translator;
  const ids = { title: useId(), help: useId(), position: useId(), screens: useId() };
  const [screen, setScreen] = useState(0);
  const frame = frames[screen] ?? frames[0];
  const [selection, setSelection] = useState<FrameRect>(() => (frame === undefined ? { left: 0, top: 0, width: 0, height: 0 } : defaultSelection(frame)));
  const stage = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ readonly pointerId: number; readonly start: Point; readonly before: FrameRect } | null>(null);

  useEffect(() => stage.current?.focus(), []);

  useEffect(() => {
    const target = canvas.current;
    if (target === null || frame === undefined) return undefined;
    const size = previewSize(frame);
    target.width = size.width;
    target.height = size.height;
    let current = true;
    // The ImageData wraps the frame's own buffer (no copy); the bitmap is the one scaled-down copy, closed once drawn.
    const pixels = new ImageData(frame.data as Uint8ClampedArray<ArrayBuffer>, frame.width, frame.height);
    createImageBitmap(pixels, { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: 'high' }).then(
      (bitmap) => {
        if (current) target.getContext('2d')?.drawImage(bitmap, 0, 0);
        bitmap.close();
      },
      // The picture stays blank; the selection still works, and the keyboard's position text still says where it is.
      () => undefined,
    );
    return () => {
      current = false;
      // An empty canvas lets go of its pixels now rather than whenever it is collected.
      target.width = 0;
      target.height = 0;
    };
  }, [frame]);

  if (frame === undefined) return null;

  const chooseScreen = (index: number) => {
    const chosen = frames[index];
    if (chosen === undefined) return;
    setScreen(index);
    setSelection(defaultSelection(chosen));
  };

  const pointInFrame = (event: PointerEvent): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return frameFromDisplay({ x: event.clientX - box.left, y: event.clientY - box.top }, box, frame);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || drag.current !== null) return;
    event.preventDefault();
    event.currentTarget.focus();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, start: pointInFrame(event), before: selection };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    setSelection(selectionBetween(drag.current.start, pointInFrame(event), frame));
  };
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const dragged = drag.current;
    if (dragged?.pointerId !== event.pointerId) return;
    drag.current = null;
    const drawn = selectionBetween(dragged.start, pointInFrame(event), frame);
    // A click, or a drag too small to hold a code, leaves the selection as it was.
    setSelection(isLargeEnough(drawn, frame) ? drawn : dragged.before);
  };
  const onPointerCancel = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId !== event.pointerId) return;
    setSelection(drag.current.before);
    drag.current = null;
  };

  const onStageKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const { key, shiftKey } = event;
    if (isArrowKey(key) && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const step = keyboardStep(frame);
      setSelection((current) => moveSelection(current, key, shiftKey, step, frame));
    } else if (key === 'Enter') {
      event.preventDefault();
      onScan(screen, selection);
    }
  };

  // Escape anywhere in the selector cancels the selection, not the whole dialog.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  const shown = selectionPercentages(selection, frame);
  const screenName = t('scan.screenName', { number: screen + 1 });
  return (
    <section className="scan-region" aria-labelledby={ids.title} onKeyDown={onKeyDown} data-testid="scan-region-selector">
      <h3 id={ids.title} className="form-section-title">
        {t('scan.regionTitle')}
      </h3>
      <p id={ids.help} className="hint">
        {t('scan.regionHelp')} {t('scan.regionKeys')}
      </p>
      {frames.length > 1 && (
        <fieldset className="scan-region-screens">
          <legend className="label">{t('scan.regionScreens')}</legend>
          {frames.map((_, index) => (
            <label key={index} className="checkbox-field">
              <input type="radio" className="checkbox" name={ids.screens} checked={index === screen} onChange={() => chooseScreen(index)} />
              {t('scan.screenName', { number: index + 1 })}
            </label>
          ))}
        </fieldset>
      )}
      <div
        ref={stage}
        className="scan-region-stage"
        role="application"
        tabIndex={0}
        aria-label={t('scan.regionArea', { screen: screenName })}
        aria-describedby={`${ids.help} ${ids.position}`}
        // The picture keeps the screen's shape, as wide as the dialog allows and no taller than a share of the window.
        style={{ aspectRatio: `${frame.width} / ${frame.height}`, width: `min(100%, ${((STAGE_VIEWPORT_HEIGHT * frame.width) / frame.height).toFixed(3)}vh)` }}
        onKeyDown={onStageKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
      >
        <canvas ref={canvas} className="scan-region-picture" aria-hidden="true" />
        <div
          className="scan-region-selection"
          aria-hidden="true"
          style={{ left: `${shown.left}%`, top: `${shown.top}%`, width: `${shown.width}%`, height: `${shown.height}%` }}
        />
      </div>
      <p id={ids.position} className="hint scan-region-position" aria-live="polite" data-testid="scan-region-position">
        {t('scan.regionPosition', selection)}
      </p>
      <div className="scan-region-actions">
        <button type="button" className="button button-primary" onClick={() => onScan(screen, selection)}>
          {t('scan.regionScan')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('scan.regionCancel')}
        </button>
      </div>
    </section>
  );
}
