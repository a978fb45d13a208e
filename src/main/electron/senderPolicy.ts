import { isAppUrl } from './appOrigin.js';

/** What the policy reads of a frame; electron's WebFrameMain has these properties. */
export interface FrameFacts {
  readonly url: string;
  readonly parent: unknown;
}

/** Who sent an IPC message or asked for screen capture: the web contents and the frame within it. */
export interface SenderFacts {
  readonly contents: unknown;
  /** Null when the frame navigated away or was destroyed before the message was handled. */
  readonly frame: FrameFacts | null;
}

/**
 * Whether a message comes from the main frame of our window, showing our own page. The renderer is
 * untrusted (STYLE.md §4): an iframe, another web contents (DevTools, a future window) or a page that
 * somehow navigated elsewhere gets nothing. Web contents are compared by identity, which Electron keeps
 * stable; frames by position (no parent), because a WebFrameMain wrapper may be replaced on navigation.
 */
export function isTrustedSender(sender: SenderFacts, trustedContents: unknown): boolean {
  return (
    trustedContents !== undefined &&
    trustedContents !== null &&
    sender.contents === trustedContents &&
    sender.frame !== null &&
    sender.frame.parent === null &&
    isAppUrl(sender.frame.url)
  );
}
