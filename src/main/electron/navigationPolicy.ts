import { isAppUrl } from './appOrigin.js';

/**
 * Whether a frame may navigate to `url`. Only within our own origin: the window never shows a web
 * page, and a link in an item's notes or website field is not a reason to turn the vault window into a
 * browser.
 */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}
