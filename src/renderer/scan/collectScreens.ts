/** One display as grabbed: its pixels and what tells it apart from the others. */
export interface GrabbedScreen<Frame> {
  readonly key: string;
  readonly frame: Frame;
}

/**
 * Grabs screens one after another until one repeats, `limit` is reached, or a grab fails. Electron answers
 * each getDisplayMedia with the next display in turn and then starts again at the first, so the first
 * repeat means every display has been seen. A first grab that fails (the user cancelled the picker)
 * rejects; a later one ends the walk with the screens read so far.
 */
export async function collectScreens<Frame>(grab: () => Promise<GrabbedScreen<Frame>>, limit: number): Promise<Frame[]> {
  const seen = new Set<string>();
  const frames: Frame[] = [];
  while (frames.length < limit) {
    let screen: GrabbedScreen<Frame>;
    try {
      screen = await grab();
    } catch (error) {
      if (frames.length === 0) throw error;
      break;
    }
    if (seen.has(screen.key)) break;
    seen.add(screen.key);
    frames.push(screen.frame);
  }
  return frames;
}

/**
 * What identifies a captured display: the track's label or device id when the host gives one, else the
 * frame's size and a sample of its pixels (two displays showing the very same picture are rare, and taking
 * one for the other only ends the walk early).
 */
export function screenKey(track: { readonly label: string; readonly deviceId: string }, frame: { readonly data: ArrayLike<number>; readonly width: number; readonly height: number }): string {
  if (track.label !== '' || track.deviceId !== '') return `track:${track.label}:${track.deviceId}`;
  let hash = 0x811c9dc5;
  const step = Math.max(4, Math.floor(frame.data.length / 4096 / 4) * 4);
  for (let offset = 0; offset < frame.data.length; offset += step) {
    // FNV-1a over every channel of one pixel in each step.
    for (let channel = 0; channel < 4; channel += 1) hash = Math.imul(hash ^ (frame.data[offset + channel] ?? 0), 0x01000193) >>> 0;
  }
  return `pixels:${frame.width}x${frame.height}:${hash.toString(16)}`;
}
