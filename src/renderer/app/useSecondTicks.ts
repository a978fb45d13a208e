import { useEffect, useState } from 'react';
import { millisecondsToNextSecond } from './millisecondsToNextSecond.js';

/** Calls `onTick` just after every whole second while `active`; the timer chain re-aligns each time. */
export function startSecondTicks(onTick: (now: number) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (): void => {
    timer = setTimeout(() => {
      onTick(Date.now());
      schedule();
    }, millisecondsToNextSecond(Date.now()));
  };
  schedule();
  return () => clearTimeout(timer);
}

/** The current time, refreshed on every whole second while `active` (countdowns). */
export function useSecondTicks(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    return startSecondTicks(setNow);
  }, [active]);
  return now;
}
