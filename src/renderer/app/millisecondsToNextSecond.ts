/**
 * How long to wait for the next whole second, plus a small margin so a timer that fires a little early
 * still lands after the boundary (codes roll over on whole seconds; a tick just before one would show the
 * old code for another second).
 */
export function millisecondsToNextSecond(now: number, margin = 20): number {
  return 1000 - (now % 1000) + margin;
}
