import { app, type Event, type WebContents } from 'electron';
import { isAllowedNavigation } from './navigationPolicy.js';

/**
 * Guards every web contents the app ever creates, ours included (they all pass through
 * `web-contents-created`): no new windows, no navigation or redirect away from our origin in any frame,
 * no <webview>. Links the user should open elsewhere are not opened at all; the vault is not a browser.
 */
export function guardWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guard(contents));
}

function guard(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const refuseForeign = (event: Event<{ url: string }>): void => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
    }
  };
  contents.on('will-navigate', refuseForeign);
  contents.on('will-frame-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
