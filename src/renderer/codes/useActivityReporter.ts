import { useEffect } from 'react';
import { useAppServices } from '../app/AppServices.js';

const REPORT_INTERVAL_MILLISECONDS = 10_000;

/** Tells main the user is here (keys, pointer, wheel), at most every 10 s, so auto-lock counts from the last use. */
export function useActivityReporter(): void {
  const { bridge, reportError } = useAppServices();
  useEffect(() => {
    let lastReport = 0;
    const onActivity = (): void => {
      const now = Date.now();
      if (now - lastReport < REPORT_INTERVAL_MILLISECONDS) return;
      lastReport = now;
      void bridge.api.reportActivity({}).then((result) => {
        if (!result.ok) reportError(result.error);
      });
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of events) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [bridge, reportError]);
}
