import { desktopCapturer, webContents, type Session, type WebContents } from 'electron';
import { createScreenRotation } from './createScreenRotation.js';
import { isPermissionGranted } from './permissionPolicy.js';
import { isAllowedRequest } from './requestPolicy.js';
import { isTrustedSender } from './senderPolicy.js';

/** Frames of one scan are asked for back to back; a request after this pause starts a new scan. */
const SCAN_PAUSE_MILLISECONDS = 10_000;

/**
 * The session's side of the security posture (DESIGN.md): every request that is not to our app: origin
 * (or data:/blob:) is cancelled, so the app makes no network requests; permissions are refused except
 * screen capture for our window (`trustedContents`); downloads are refused; getDisplayMedia is answered
 * with one screen.
 */
export function hardenSession(session: Session, trustedContents: WebContents): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });

  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const fromOurWindow = contents === trustedContents;
    callback(fromOurWindow && isPermissionGranted({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes }));
  });

  session.setPermissionCheckHandler((contents, permission, requestingOrigin, details) => {
    const fromOurWindow = contents === trustedContents;
    const mediaTypes = details.mediaType === undefined ? [] : [details.mediaType];
    return fromOurWindow && isPermissionGranted({ permission, requestingUrl: requestingOrigin, isMainFrame: details.isMainFrame, mediaTypes });
  });

  session.on('will-download', (event) => event.preventDefault());

  const nextScreen = createScreenRotation({ now: Date.now, restartAfterMilliseconds: SCAN_PAUSE_MILLISECONDS });
  session.setDisplayMediaRequestHandler(
    (request, callback) => {
      const contents = request.frame === null ? undefined : webContents.fromFrame(request.frame);
      const trusted = isTrustedSender({ contents, frame: request.frame }, trustedContents);
      if (!trusted || !request.videoRequested || request.audioRequested) {
        callback(null);
        return;
      }
      // No thumbnails: only the source ids are needed, and rendering previews of every screen is slow.
      desktopCapturer.getSources({ types: ['screen'], thumbnailSize: { width: 0, height: 0 } }).then(
        (sources) => {
          const screen = nextScreen(sources);
          callback(screen === null ? null : { video: screen });
        },
        () => callback(null),
      );
    },
    // The system picker would let the user pick a window of another app, and it shows UI we cannot drive.
    { useSystemPicker: false },
  );
}
