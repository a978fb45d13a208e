/**
 * Which display a screen capture request gets. getDisplayMedia yields one stream, so a scan of every
 * display asks once per display (DESIGN.md, Screen QR import): consecutive requests walk through the
 * screens in the order the OS lists them, and a request after a pause starts a new scan at the first.
 */
export interface ScreenRotationOptions {
  /** Unix milliseconds. */
  readonly now: () => number;
  /** A request later than this after the previous one starts over at the first display. */
  readonly restartAfterMilliseconds: number;
}

export function createScreenRotation(options: ScreenRotationOptions): <Source extends { readonly id: string }>(sources: readonly Source[]) => Source | null {
  let previous: { readonly id: string; readonly at: number } | null = null;
  return (sources) => {
    const at = options.now();
    const last = previous;
    const continuing = last !== null && at - last.at <= options.restartAfterMilliseconds;
    const lastIndex = continuing ? sources.findIndex((source) => source.id === last.id) : -1;
    const source = sources.length === 0 ? null : (sources[(lastIndex + 1) % sources.length] ?? null);
    previous = source === null ? null : { id: source.id, at };
    return source;
  };
}
