import type { CapturePort } from '../../shared/api.js';
import type { RgbaFrame } from '../../shared/qr/decodeQrFrame.js';
import { collectScreens, type GrabbedScreen, screenKey } from './collectScreens.js';
import { drawFrame } from './drawFrame.js';

/** More displays than any desk has; a host that never repeats a screen cannot keep us grabbing. */
export const MOST_SCREENS = 8;
/** After hiding the window, the time the OS needs to repaint what was under it. */
const REPAINT_MILLISECONDS = 200;
/** A capture that has not delivered a frame by now is read as it stands. */
const FIRST_FRAME_MILLISECONDS = 1500;

/** The user closed the browser's screen picker, or the host refused: nothing to report as an error. */
export class ScreenScanCancelled extends Error {
  constructor() {
    super('Screen scan cancelled.');
    this.name = 'ScreenScanCancelled';
  }
}

/**
 * One frame of every display, at each display's full resolution: with the window hidden where the host can
 * hide it (so it covers no code), walking the displays where the host hands them out in turn (Electron),
 * else the one screen the user picks (a browser). Every capture stops as soon as its frame is taken; the
 * window comes back whatever happens.
 */
export async function grabScreens(capture: CapturePort): Promise<RgbaFrame[]> {
  await capture.hideWindow();
  try {
    await pause(REPAINT_MILLISECONDS);
    return await collectScreens(grabScreen, capture.screensInTurn ? MOST_SCREENS : 1);
  } catch (error) {
    throw isCancellation(error) ? new ScreenScanCancelled() : error;
  } finally {
    await capture.showWindow();
  }
}

async function grabScreen(): Promise<GrabbedScreen<RgbaFrame>> {
  // Without a size, Chromium scales the capture to the screen size the page is told, which on a scaled
  // display (or in a window with an emulated size) is smaller than the screen's pixels; a code drawn with
  // 2 px modules would not survive that. An ideal larger than any screen asks for its full resolution.
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: { width: { ideal: 8192 }, height: { ideal: 8192 } }, audio: false });
  try {
    const track = stream.getVideoTracks()[0];
    if (track === undefined) throw new Error('The capture has no video.');
    const frame = await grabFrame(track, stream);
    return { key: screenKey({ label: track.label, deviceId: track.getSettings().deviceId ?? '' }, frame), frame };
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}

/** ImageCapture is Chromium's; lib.dom does not declare it. */
interface ImageCaptureLike {
  grabFrame(): Promise<ImageBitmap>;
}
type ImageCaptureConstructor = new (track: MediaStreamTrack) => ImageCaptureLike;

/**
 * ImageCapture.grabFrame gives the track's next frame at full size and works while the window is hidden;
 * a video element is the fallback, though a hidden page may paint no frames for it.
 */
async function grabFrame(track: MediaStreamTrack, stream: MediaStream): Promise<RgbaFrame> {
  const ImageCapture = (globalThis as { ImageCapture?: ImageCaptureConstructor }).ImageCapture;
  if (ImageCapture !== undefined) {
    try {
      const bitmap = await new ImageCapture(track).grabFrame();
      try {
        return drawFrame(bitmap, bitmap.width, bitmap.height);
      } finally {
        bitmap.close();
      }
    } catch {
      // Fall through to the video element.
    }
  }
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  try {
    await video.play();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FIRST_FRAME_MILLISECONDS);
      video.requestVideoFrameCallback(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    return drawFrame(video, video.videoWidth, video.videoHeight);
  } finally {
    video.pause();
    video.srcObject = null;
  }
}

/** The picker closed without a choice, or permission was refused: both NotAllowedError. */
function isCancellation(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotAllowedError';
}

function pause(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}
