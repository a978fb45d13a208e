/**
 * What a user does in the TOTP Vault page, in the words the English UI shows (src/renderer/i18n/en.ts):
 * roles and accessible names first, a CSS class only to read a value the names do not carry (a row's code).
 * Every helper waits for the visible outcome of its action, never for a fixed time.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The few browser globals the page functions below use (the test tsconfig has no DOM library). */
interface PageGlobals {
  readonly navigator: { readonly clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> } };
}

/** Argon2id at the app's own parameters takes about a second; a busy two-core machine may need more. */
const SLOW_KDF = { timeout: 30_000 } as const;

export function emptyVaultHeading(page: Page): Locator {
  return page.getByRole('heading', { name: 'Add your first account' });
}

export function unlockHeading(page: Page): Locator {
  return page.getByRole('heading', { name: 'Unlock TOTP Vault' });
}

export function lockButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Lock', exact: true });
}

/** Master password twice, then Create vault; waits for the empty vault. */
export async function createVault(page: Page, password: string): Promise<void> {
  await page.getByLabel('Master password', { exact: true }).fill(password);
  await page.getByLabel('Repeat master password').fill(password);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await emptyVaultHeading(page).waitFor(SLOW_KDF);
}

/** Types the master password and presses Unlock, without waiting for the outcome. */
export async function submitUnlock(page: Page, password: string): Promise<void> {
  await page.getByLabel('Master password').fill(password);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

/** Unlocks and waits for the unlocked window (its Lock button). */
export async function unlock(page: Page, password: string): Promise<void> {
  await submitUnlock(page, password);
  await lockButton(page).waitFor(SLOW_KDF);
}

/** Locks with the toolbar button or Ctrl+L and waits for the unlock screen. */
export async function lock(page: Page, how: 'button' | 'keyboard'): Promise<void> {
  if (how === 'button') await lockButton(page).click();
  else await page.keyboard.press('Control+L');
  await unlockHeading(page).waitFor();
}

export interface NewItem {
  readonly title: string;
  readonly username?: string;
  /** Typed into the secret box as given; the preview must accept it before saving. */
  readonly secret?: string;
  readonly tags?: readonly string[];
  readonly websites?: readonly string[];
  readonly favorite?: boolean;
}

export function editorDialog(page: Page, name: string | RegExp = 'New item'): Locator {
  return page.getByRole('dialog', { name });
}

export function secretBox(scope: Page | Locator): Locator {
  return scope.getByLabel('Secret key or otpauth:// link');
}

/** New item → Login → the fields given → Save; waits for the editor to close. */
export async function addItem(page: Page, item: NewItem): Promise<void> {
  await page.getByRole('button', { name: 'New item' }).click();
  const editor = editorDialog(page);
  await editor.getByRole('button', { name: /^Login/ }).click();
  await fillItemForm(editor, item);
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await editor.waitFor({ state: 'detached' });
}

/** Fills an open editor's form (a new Login item has one empty secret box and one empty website box). */
export async function fillItemForm(editor: Locator, item: NewItem): Promise<void> {
  await editor.getByLabel('Title', { exact: true }).fill(item.title);
  if (item.username !== undefined) await editor.getByLabel('Username', { exact: true }).fill(item.username);
  if (item.secret !== undefined) {
    await secretBox(editor).fill(item.secret);
    await editor.getByTestId('otp-preview-code').waitFor();
  }
  for (const [index, website] of (item.websites ?? []).entries()) {
    if (index > 0) await editor.getByRole('button', { name: 'Add website' }).click();
    await editor.getByLabel(`Website ${index + 1}`, { exact: true }).fill(website);
  }
  const tagBox = editor.getByLabel('Tags', { exact: true });
  for (const tag of item.tags ?? []) {
    await tagBox.fill(tag);
    await tagBox.press('Enter');
  }
  if (item.favorite === true) await editor.getByLabel('Favourite: show it at the top of the list').check();
}

export function codeList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Accounts' });
}

/** The list row whose title is exactly `title`. */
export function row(page: Page, title: string): Locator {
  return codeList(page)
    .getByRole('option')
    .filter({ has: page.getByText(title, { exact: true }) });
}

/** The titles of the rows in the DOM, top to bottom (all of them in a small vault). */
export function rowTitles(page: Page): Promise<string[]> {
  return codeList(page).locator('.row-title-text').allInnerTexts();
}

/** A row's current code as shown ("123 456"), once it has one. */
export async function shownCode(rowOrPane: Locator): Promise<string> {
  const code = rowOrPane.locator('.code:not(.code-placeholder)').first();
  await code.waitFor();
  return code.innerText();
}

/** The "N accounts" / "N of M accounts" line above the list. */
export function listCount(page: Page): Locator {
  return page.locator('.list-count');
}

export function detailsPane(page: Page, title: string): Locator {
  return page.getByRole('region', { name: `Details for ${title}` });
}

export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());
}

export function writeClipboard(page: Page, text: string): Promise<void> {
  return page.evaluate((value) => (globalThis as unknown as PageGlobals).navigator.clipboard.writeText(value), text);
}

/** A real paste: the text goes onto the system clipboard and Ctrl+V puts it into the focused box. */
export async function pasteInto(page: Page, box: Locator, text: string): Promise<void> {
  await writeClipboard(page, text);
  await box.focus();
  await page.keyboard.press('Control+V');
}

/** Waits until `element` lies wholly inside the visible part of the scrolling `container`. */
export async function waitUntilScrolledIntoView(element: Locator, container: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        const [box, view] = await Promise.all([element.boundingBox(), container.boundingBox()]);
        // A pixel's slack: layout boxes have fractional edges.
        return box !== null && view !== null && box.y >= view.y - 1 && box.y + box.height <= view.y + view.height + 1;
      },
      { message: 'scrolled into view', timeout: 5000 },
    )
    .toBe(true);
}

export function scanDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Scan QR code' });
}

/** Opens the scan dialog from the toolbar and waits for it. */
export async function openScanDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Scan QR code' }).click();
  const dialog = scanDialog(page);
  await dialog.waitFor();
  return dialog;
}

/** One account in the scan dialog's review list, found by any text it shows (its account, its issuer). */
export function scanCandidate(dialog: Locator, text: string): Locator {
  return dialog.getByTestId('scan-candidate').filter({ hasText: text });
}

/** Types a setup link into the scan dialog's box and reads it. */
export async function scanLink(dialog: Locator, link: string): Promise<void> {
  await dialog.getByLabel('Or paste a setup link').fill(link);
  await dialog.getByRole('button', { name: 'Read link' }).click();
}

export function importDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Import from another app' });
}

/** Opens the import dialog from the toolbar and waits for it. */
export async function openImportDialog(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Import…', exact: true }).click();
  const dialog = importDialog(page);
  await dialog.waitFor();
  return dialog;
}
