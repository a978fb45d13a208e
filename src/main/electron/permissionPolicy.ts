import { isAppUrl } from './appOrigin.js';

/** A permission request or check, in the terms both of Electron's session handlers provide. */
export interface PermissionFacts {
  readonly permission: string;
  /** The requesting frame's URL (requests) or origin (checks). */
  readonly requestingUrl: string;
  readonly isMainFrame: boolean;
  /** For capture: what is asked for. Requests list several; checks name one (or `unknown`). */
  readonly mediaTypes: readonly string[];
}

/**
 * Whether a permission is granted: only screen capture without audio, for QR import, and only to our own
 * page's main frame. Since Electron 45 a screen capture arrives as `display-capture`; `media` now means
 * camera and microphone, which the vault never needs, so it is refused rather than granted for "video".
 * Everything else (notifications, clipboard read, geolocation, HID, open-external …) is refused.
 */
export function isPermissionGranted(facts: PermissionFacts): boolean {
  return (
    facts.permission === 'display-capture' &&
    facts.isMainFrame &&
    isAppUrl(facts.requestingUrl) &&
    facts.mediaTypes.every((type) => type === 'video')
  );
}
