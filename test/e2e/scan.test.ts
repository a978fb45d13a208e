/**
 * "Scan QR code" in the browser, through the real `totp-vault ui` host: image files of every type the
 * dialog offers are decoded in the page's worker (zxing's WebAssembly bundled into it, nothing fetched),
 * main explains what they hold, and the picked accounts are saved. The codes shown before saving are
 * checked against an independent RFC 6238. Screen capture needs a real display (headless Chromium has
 * none), so the screen path is left to a test under Xvfb; its button is `scan-screen`.
 *
 * The tests run in order on one page: the Entra account saved in one is the duplicate of a later one.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../src/main/vault/index.js';
import { emptyItemContent } from '../../src/shared/item.js';
import { encodeImage, IMAGE_FILE_TYPES, type ImageFileType } from '../support/imageFiles.js';
import { account, migrationUri, payload } from '../support/migrationEncoder.js';
import { codeSidePixels, type DrawnCode, screenFrame } from '../support/qrFrames.js';
import { TEST_KDF, TEST_PASSWORD } from '../support/temporaryVaultPath.js';
import { withApp } from './support/appFixture.js';
import { dialogAxeViolations } from './support/dialogAxeViolations.js';
import { acceptableCodes, withoutSpaces } from './support/expectedCodes.js';
import { codeList, detailsPane, editorDialog, openScanDialog, row, scanCandidate, scanDialog, scanLink, shownCode, unlock, writeClipboard } from './support/vaultPage.js';

const ENTRA_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ENTRA = `otpauth://totp/Contoso:alice%40contoso.com?secret=${ENTRA_SECRET}&issuer=Microsoft`;
const DROPBOX_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const DROPBOX = `otpauth://totp/Dropbox:carol%40example.com?secret=${DROPBOX_SECRET}&issuer=Dropbox`;
const GITLAB_SECRET = 'KRSXG5CTMVRXEZLUKN2XAZLSNBQW4ZAA';
const GITLAB = `otpauth://totp/GitLab:dave?secret=${GITLAB_SECRET}&issuer=GitLab&digits=8`;
const PUSH = 'phonefactor://activate_account?code=123456789&url=https%3A%2F%2Fmobileappcommunicator.auth.microsoft.com%2Factivate';
const SECRETS = [ENTRA_SECRET, DROPBOX_SECRET, GITLAB_SECRET];

/** A Google Authenticator export in two codes: the first with a usable account and an MD5 one, the second with one more. */
const EXPORT_BATCH = { size: 2, id: 77 };
const EXPORT_PARTS = [
  migrationUri(
    payload(
      [
        account({ secret: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], name: 'erin@example.com', issuer: 'Slack' }),
        account({ secret: [9, 9, 9, 9, 9, 9, 9, 9, 9, 9], name: 'old@example.com', issuer: 'Legacy', algorithm: 4 }),
      ],
      { ...EXPORT_BATCH, index: 0 },
    ),
  ),
  migrationUri(payload([account({ secret: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100], name: 'frank@example.com', issuer: 'Zoom' })], { ...EXPORT_BATCH, index: 1 })),
];

/** The browser classes the page functions below use (the test tsconfig has no DOM library). */
interface BrowserGlobals {
  readonly Blob: new (parts: Uint8Array[], options: { type: string }) => object;
  readonly File: new (parts: Uint8Array[], name: string, options: { type: string }) => object;
  readonly ClipboardItem: new (items: Record<string, object>) => object;
  readonly DataTransfer: new () => { readonly items: { add(file: object): void } };
  readonly navigator: { readonly clipboard: { write(items: object[]): Promise<void> } };
}

const EXTENSIONS: Record<ImageFileType, string> = { PNG: 'png', JPEG: 'jpg', WebP: 'webp', GIF: 'gif', BMP: 'bmp' };

/** A page-sized picture with the codes side by side on it, as a screenshot of a set-up page would hold them. */
function pageWithCodes(texts: readonly string[]) {
  const modulePixels = 4;
  const codes: DrawnCode[] = [];
  let x = 240;
  for (const text of texts) {
    codes.push({ text, x, y: 120, modulePixels });
    x += codeSidePixels({ text, modulePixels }) + 40;
  }
  return screenFrame({ width: Math.max(x + 40, 800), height: 560, clutter: true, codes });
}

const app = withApp();

describe('scan QR code', () => {
  let page: Page;
  const files = (name: string) => app.path('images', name);
  const consoleLines: string[] = [];
  const requests: { url: string; body: string }[] = [];
  const responses: { url: string; body: string }[] = [];

  beforeAll(async () => {
    await mkdir(files(''), { recursive: true });
    const entra = pageWithCodes([ENTRA]);
    for (const type of IMAGE_FILE_TYPES) await writeFile(files(`entra.${EXTENSIONS[type]}`), await encodeImage(entra, type));
    await writeFile(files('two-codes.png'), await encodeImage(pageWithCodes([DROPBOX, GITLAB]), 'PNG'));
    await writeFile(files('push.png'), await encodeImage(pageWithCodes([PUSH]), 'PNG'));
    await writeFile(files('no-code.png'), await encodeImage(pageWithCodes([]), 'PNG'));
    // A PNG's signature and the start of its header, then nothing: what a broken download leaves.
    await writeFile(files('corrupt.png'), (await encodeImage(entra, 'PNG')).subarray(0, 40));

    const vaultPath = app.path('vault.totpvault');
    const vault = await Vault.create(vaultPath, TEST_PASSWORD, { kdf: TEST_KDF });
    vault.createItems([{ ...emptyItemContent(), title: 'Topdesk', username: 'alice@contoso.com' }]);
    vault.lock();
    ({ page } = await app.open(vaultPath));
    // Everything the page and its worker print and everything it sends or receives, for the secrets check.
    page.on('console', (message) => consoleLines.push(message.text()));
    page.on('worker', (worker) => worker.on('console', (message) => consoleLines.push(message.text())));
    page.on('request', (request) => requests.push({ url: request.url(), body: request.postData() ?? '' }));
    page.on('response', (response) => {
      // POST answers are the API's; GET /api/events never ends, and the rest are the app's own files.
      if (response.request().method() !== 'POST') return;
      response.text().then(
        (body) => responses.push({ url: response.url(), body }),
        () => undefined,
      );
    });
    await unlock(page, TEST_PASSWORD);
    await row(page, 'Topdesk').waitFor();
  });

  /** Opens the dialog, loads the image files, and waits until the page has read them. */
  async function scanFiles(...names: string[]): Promise<Locator> {
    const dialog = await openScanDialog(page);
    await dialog.getByTestId('scan-file-input').setInputFiles(names.map(files));
    await dialog.getByRole('status').getByText(/^\d+ accounts? found\.$/).waitFor();
    return dialog;
  }

  async function close(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Waits for the notification, then dismisses it so that the next save's is not confused with it. */
  async function expectToast(text: string): Promise<void> {
    const toast = page.getByRole('region', { name: 'Notifications' }).getByText(text, { exact: true });
    await toast.waitFor();
    await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Dismiss' }).click();
    await toast.waitFor({ state: 'detached' });
  }

  async function expectLiveCode(candidate: Locator, secret: string, digits = 6): Promise<void> {
    const code = withoutSpaces(await candidate.getByTestId('scan-candidate-code').innerText());
    expect(acceptableCodes(secret, { digits })).toContain(code);
  }

  for (const type of IMAGE_FILE_TYPES) {
    it(`finds the Entra account in a ${type} file and shows its live code`, async () => {
      const dialog = await scanFiles(`entra.${EXTENSIONS[type]}`);
      const entra = scanCandidate(dialog, 'alice@contoso.com');
      await entra.waitFor();
      expect(await dialog.getByTestId('scan-candidate').count()).toBe(1);
      await entra.getByText('Microsoft', { exact: true }).waitFor();
      await entra.getByText(`Time-based · SHA1 · 6 digits · every 30 s · From entra.${EXTENSIONS[type]}`).waitFor();
      expect(await entra.getByRole('checkbox', { name: 'Microsoft alice@contoso.com' }).isChecked()).toBe(true);
      await expectLiveCode(entra, ENTRA_SECRET);
      await dialog.getByRole('status').getByText('1 account found.').waitFor();
      await close(dialog);
    });
  }

  it('saves the Entra account as a new Microsoft 365 item that appears in the list', async () => {
    const dialog = await scanFiles('entra.png');
    const entra = scanCandidate(dialog, 'alice@contoso.com');
    expect(await entra.getByLabel('Save as').inputValue()).toBe('');
    await entra.getByRole('option', { name: 'New item “Microsoft”' }).waitFor({ state: 'attached' });
    await dialog.getByRole('button', { name: 'Save 1 account' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectToast('1 account added.');

    await row(page, 'Microsoft').waitFor();
    expect(acceptableCodes(ENTRA_SECRET)).toContain(withoutSpaces(await shownCode(row(page, 'Microsoft'))));
    await row(page, 'Microsoft').click();
    await detailsPane(page, 'Microsoft').getByRole('button', { name: 'Edit' }).first().click();
    const editor = editorDialog(page, 'Edit “Microsoft”');
    expect(await editor.getByLabel('Item type').inputValue()).toBe('microsoft365');
    await editor.getByRole('button', { name: 'Cancel', exact: true }).click();
    await editor.waitFor({ state: 'detached' });
  });

  it('lists both accounts of an image with two codes, and adds the one picked to an existing item', async () => {
    const dialog = await scanFiles('two-codes.png');
    await dialog.getByRole('status').getByText('2 accounts found.').waitFor();
    const dropbox = scanCandidate(dialog, 'carol@example.com');
    const gitlab = scanCandidate(dialog, 'dave');
    await expectLiveCode(dropbox, DROPBOX_SECRET);
    await expectLiveCode(gitlab, GITLAB_SECRET, 8);
    await gitlab.getByText(/8 digits/).waitFor();
    await dialog.getByRole('button', { name: 'Save 2 accounts' }).waitFor();

    await dropbox.getByLabel('Save as').selectOption({ label: 'Topdesk' });
    await gitlab.getByRole('checkbox', { name: 'GitLab dave' }).uncheck();
    await dialog.getByRole('button', { name: 'Save 1 account' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectToast('1 account added.');
    // Topdesk had no one-time code; now it has Dropbox's, and no GitLab item was made.
    expect(acceptableCodes(DROPBOX_SECRET)).toContain(withoutSpaces(await shownCode(row(page, 'Topdesk'))));
    expect(await row(page, 'GitLab').count()).toBe(0);
  });

  it('marks an account already in the vault and leaves it unpicked', async () => {
    const dialog = await scanFiles('entra.webp');
    const entra = scanCandidate(dialog, 'alice@contoso.com');
    await entra.getByText('Already in your vault').waitFor();
    expect(await entra.getByRole('checkbox').isChecked()).toBe(false);
    expect(await dialog.getByTestId('scan-save').isDisabled()).toBe(true);
    await close(dialog);
  });

  it('explains a Microsoft Authenticator push code: the way to a code other apps can use', async () => {
    const dialog = await scanFiles('push.png');
    const notice = dialog.getByTestId('scan-unusable');
    await notice.getByText('push.png', { exact: true }).waitFor();
    await notice.getByText(/for Microsoft Authenticator notifications/).waitFor();
    await notice.getByText(/“I want to use a different authenticator app” \(or “Configure app without notifications”\), then “Can’t scan image\?”, and scan again/).waitFor();
    expect(await dialog.getByTestId('scan-candidate').count()).toBe(0);
    await close(dialog);
  });

  it('says so when an image holds no code, and when a file is no image it can read', async () => {
    const dialog = await scanFiles('no-code.png', 'corrupt.png');
    await dialog.getByTestId('scan-unusable').filter({ hasText: 'no-code.png' }).getByText(/^No QR code found\./).waitFor();
    await dialog.getByRole('alert').getByText('“corrupt.png” is not an image TOTP Vault can read (PNG, JPEG, WebP, GIF or BMP).').waitFor();
    await close(dialog);
  });

  it('reads an otpauth link pasted on the code list, and one typed into the dialog', async () => {
    await writeClipboard(page, GITLAB);
    await codeList(page).focus();
    await page.keyboard.press('Control+V');
    const dialog = scanDialog(page);
    const gitlab = scanCandidate(dialog, 'dave');
    await expectLiveCode(gitlab, GITLAB_SECRET, 8);
    await gitlab.getByText(/From Pasted text/).waitFor();

    // A second link adds to the scan: both are listed.
    await scanLink(dialog, ENTRA);
    await scanCandidate(dialog, 'alice@contoso.com').waitFor();
    await dialog.getByRole('status').getByText('2 accounts found.').waitFor();
    expect(await dialog.getByLabel('Or paste a setup link').inputValue()).toBe('');
    await close(dialog);
  });

  it('reads an image pasted into the dialog and one dropped on it', async () => {
    const png = [...(await readFile(files('two-codes.png')))];
    const dialog = await openScanDialog(page);
    await page.evaluate(async (bytes) => {
      const page = globalThis as unknown as BrowserGlobals;
      const image = new page.Blob([new Uint8Array(bytes)], { type: 'image/png' });
      await page.navigator.clipboard.write([new page.ClipboardItem({ 'image/png': image })]);
    }, png);
    await dialog.getByTestId('scan-screen').focus();
    await page.keyboard.press('Control+V');
    await scanCandidate(dialog, 'carol@example.com').getByText(/From Clipboard image/).waitFor();

    const dropped = await page.evaluateHandle((bytes) => {
      const page = globalThis as unknown as BrowserGlobals;
      const transfer = new page.DataTransfer();
      transfer.items.add(new page.File([new Uint8Array(bytes)], 'dropped.png', { type: 'image/png' }));
      return transfer;
    }, [...(await readFile(files('entra.png')))]);
    await dialog.dispatchEvent('dragover', { dataTransfer: dropped });
    await dialog.dispatchEvent('drop', { dataTransfer: dropped });
    await scanCandidate(dialog, 'alice@contoso.com').getByText(/From dropped\.png/).waitFor();
    await close(dialog);
  });

  it('opens with Ctrl+Shift+S on Scan screen, and from the Microsoft 365 steps in the editor', async () => {
    await codeList(page).focus();
    await page.keyboard.press('Control+Shift+S');
    const dialog = scanDialog(page);
    await dialog.getByRole('button', { name: 'Scan screen' }).and(page.locator(':focus')).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'New item' }).click();
    const editor = editorDialog(page);
    await editor.getByRole('button', { name: /^Microsoft 365/ }).click();
    await editor.getByRole('button', { name: 'Scan the QR code' }).click();
    await editor.waitFor({ state: 'detached' });
    await close(dialog);
  });

  it('says which codes of a Google Authenticator export are still to scan, and which accounts in it cannot be added', async () => {
    const dialog = await openScanDialog(page);
    await scanLink(dialog, EXPORT_PARTS[0]!);
    await dialog.getByTestId('scan-migration').getByText('Google Authenticator export: 1 of 2 codes scanned. Show the remaining codes on screen and choose Scan again.').waitFor();
    await scanCandidate(dialog, 'erin@example.com').getByText('Slack', { exact: true }).waitFor();
    await dialog.getByRole('region', { name: 'Accounts in the export that cannot be added' }).getByText(/^Legacy: old@example\.com: /).waitFor();

    await scanLink(dialog, EXPORT_PARTS[1]!);
    await scanCandidate(dialog, 'frank@example.com').waitFor();
    await dialog.getByRole('status').getByText('2 accounts found.').waitFor();
    expect(await dialog.getByTestId('scan-migration').count()).toBe(0);
    await close(dialog);
  });

  it('passes axe with results, notices and a duplicate shown, in both themes', async () => {
    const dialog = await scanFiles('two-codes.png', 'entra.png', 'push.png', 'corrupt.png');
    await scanCandidate(dialog, 'alice@contoso.com').getByText('Already in your vault').waitFor();
    await dialog.getByTestId('scan-unusable').waitFor();
    await dialog.getByTestId('scan-problem').waitFor();
    expect(await dialogAxeViolations(page, 'scan-dialog')).toEqual({ light: [], dark: [] });
    await close(dialog);
  });

  it('keeps the secrets out of the console and out of every answer, and fetches nothing from elsewhere', async () => {
    // Let the last answers' bodies arrive.
    await expect.poll(() => responses.some((response) => response.url.endsWith('/api/listItems'))).toBe(true);
    for (const secret of SECRETS) {
      expect(consoleLines.filter((line) => line.includes(secret))).toEqual([]);
      // revealItem is the one call that returns a secret: the editor opened to check the saved item's type.
      const answers = responses.filter((response) => !response.url.endsWith('/api/revealItem'));
      expect(answers.filter((response) => response.body.includes(secret)).map((response) => response.url)).toEqual([]);
      // Only the texts the page decoded go to main, in scanTexts: that is where main reads them.
      expect(requests.filter((request) => request.url.includes(secret) || (request.body.includes(secret) && !request.url.endsWith('/api/scanTexts')))).toEqual([]);
    }
    expect(requests.some((request) => request.url.endsWith('/api/scanTexts') && request.body.includes(ENTRA_SECRET))).toBe(true);
    const origin = new URL(page.url()).origin;
    expect(requests.map((request) => request.url).filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(requests.filter((request) => request.url.endsWith('.wasm'))).toEqual([]);
  });
});
