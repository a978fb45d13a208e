/**
 * The decoder's MAX_FRAME_PIXELS (8K UHD). Importing that constant would bundle the whole decoder (jsQR,
 * zxing's glue) into the window's script instead of only into its worker; a unit test keeps the two equal.
 */
export const LARGEST_FRAME_PIXELS = 7680 * 4320;

/**
 * The size to draw a picture at for decoding: its own, or scaled down (keeping its shape) to fit the
 * decoder's limit; a picture that large has codes large enough to survive it.
 */
export function fitFrameSize(width: number, height: number): { readonly width: number; readonly height: number } {
  if (!(width >= 1 && height >= 1)) throw new RangeError('The picture has no pixels.');
  const scale = Math.min(1, Math.sqrt(LARGEST_FRAME_PIXELS / (width * height)));
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}
