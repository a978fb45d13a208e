/** What the window and the QR decoder worker say to each other: pixels in, texts out, nothing else. */

export interface DecodeRequest {
  readonly id: number;
  /** RGBA, 4 bytes a pixel; its buffer is transferred, so the window no longer holds it. */
  readonly data: Uint8ClampedArray<ArrayBuffer>;
  readonly width: number;
  readonly height: number;
}

/**
 * Every QR text found, in reading order. A failure says only which step failed: the worker's errors come
 * from zxing and are never shown, and must not carry anything read from the frame.
 */
export type DecodeAnswer =
  | { readonly id: number; readonly ok: true; readonly texts: readonly string[] }
  | { readonly id: number; readonly ok: false; readonly failed: 'load' | 'decode' };
