/**
 * "Import from another app" in the browser, through the real `totp-vault ui` host, on the real export
 * files of the shared fixtures: an Enpass JSON export chosen with the file picker, an encrypted Aegis
 * export that asks for its password (a wrong one is said in place), the same export again (every item a
 * duplicate, nothing to add), and a file of no known format dropped on the vault window. The codes of the
 * imported accounts are checked against an independent RFC 6238.
 *
 * The tests run in order on one page: each import is the duplicate of a later one.
 */
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../src/main/vault/index.js';
import { emptyItemContent } from '../../src/shared/item.js';
import { TEST_KDF, TEST_PASSWORD } from '../support/temporaryVaultPath.js';
import { withApp } from './support/appFixture.js';
import { dialogAxeViolations } from './support/dialogAxeViolations.js';
import { acceptableCodes, awayFromPeriodEdge, withoutSpaces } from './support/expectedCodes.js';
import { codeList, importDialog, openImportDialog, row, shownCode, unlock } from './support/vaultPage.js';

const fixture = (path: string) => fileURLToPath(new URL(`../../../shared/fixtures/migration/${path}`, import.meta.url));
const ENPASS = fixture('enpass/proton-pass_enpass-mock_EXCERPT.json');
const AEGIS_ENCRYPTED = fixture('others/aegis-testdata/aegis_encrypted.json');
/** Aegis test vector 1 (Deno / Mason), in every aegis-testdata file. */
const DENO_SECRET = '4SJHB4GSD43FZBAI7C2HLRJGPQ';
const WRONG_PASSWORD = 'not the export password';

/** The browser classes the page function below uses (the test tsconfig has no DOM library). */
interface BrowserGlobals {
  readonly File: new (parts: string[], name: string, options: { type: string }) => object;
  readonly DataTransfer: new () => { readonly items: { add(file: object): void } };
}

const app = withApp();

describe('import from another app', () => {
  let page: Page;
  const consoleLines: string[] = [];
  const responses: { url: string; body: string }[] = [];

  beforeAll(async () => {
    const vaultPath = app.path('vault.totpvault');
    const vault = await Vault.create(vaultPath, TEST_PASSWORD, { kdf: TEST_KDF });
    vault.createItems([{ ...emptyItemContent(), title: 'Topdesk', username: 'alice@contoso.com' }]);
    vault.lock();
    ({ page } = await app.open(vaultPath));
    page.on('console', (message) => consoleLines.push(message.text()));
    page.on('response', (response) => {
      if (response.request().method() !== 'POST') return;
      response.text().then(
        (body) => responses.push({ url: response.url(), body }),
        () => undefined,
      );
    });
    await unlock(page, TEST_PASSWORD);
    await row(page, 'Topdesk').waitFor();
  });

  /** Opens the dialog and chooses `path` with its file picker. */
  async function chooseFile(path: string): Promise<Locator> {
    const dialog = await openImportDialog(page);
    await dialog.getByTestId('import-file-input').setInputFiles(path);
    return dialog;
  }

  async function expectToast(text: string): Promise<void> {
    const toast = page.getByRole('region', { name: 'Notifications' }).getByText(text, { exact: true });
    await toast.waitFor();
    await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Dismiss' }).click();
    await toast.waitFor({ state: 'detached' });
  }

  /** Imports what the dialog previews, and closes it on its report. */
  async function importAndFinish(dialog: Locator, button: string, report: string): Promise<void> {
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.getByTestId('import-report').getByText(report, { exact: true }).waitFor();
    // The notification sits behind the modal dialog (inert while it is open): it is dismissed afterwards.
    await dialog.getByRole('button', { name: 'Done', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expectToast(report);
  }

  it('imports an Enpass JSON export chosen with the file picker: what it holds first, then its items in the list', async () => {
    const dialog = await chooseFile(ENPASS);
    await dialog.getByTestId('import-counts').getByText('8 items, 2 one-time codes, 2 in the trash', { exact: true }).waitFor();
    await dialog.getByText('Enpass (JSON) export', { exact: true }).waitFor();
    await dialog.getByRole('status').getByText('Read “proton-pass_enpass-mock_EXCERPT.json”: 8 items, 2 one-time codes, 2 in the trash.').waitFor();
    const problems = dialog.getByRole('region', { name: 'Not taken over as it was (1)' });
    await problems.getByText('Trashed', { exact: true }).waitFor();
    await problems.getByText(/^One-time code: The secret looks cut off/).waitFor();
    expect(await dialog.getByTestId('import-duplicates').count()).toBe(0);

    await importAndFinish(dialog, 'Import 8 items', '8 items added.');
    for (const title of ['Twitter', 'Yahoo!', 'Credit Card', 'Password']) await row(page, title).first().waitFor();
    expect(await row(page, 'Twitter').count()).toBe(2);
    // Trashed and archived in Enpass: in the trash here, not in the list.
    expect(await row(page, 'Trashed').count()).toBe(0);
  });

  it('asks for the password of an encrypted Aegis export, says a wrong one in place, and imports codes that work', async () => {
    const dialog = await chooseFile(AEGIS_ENCRYPTED);
    const password = dialog.getByLabel('Export password');
    await password.waitFor();
    await dialog.getByText('“aegis_encrypted.json” is an encrypted Aegis export. Enter the password you chose when you exported it.').waitFor();
    await password.fill(WRONG_PASSWORD);
    await password.press('Enter');
    await dialog.getByTestId('import-password-error').getByText('That password is wrong for this export. Check Caps Lock and try again.').waitFor();
    expect(await password.getAttribute('aria-invalid')).toBe('true');

    await password.fill('test');
    await dialog.getByRole('button', { name: 'Continue', exact: true }).click();
    await dialog.getByTestId('import-counts').getByText('7 items, 7 one-time codes', { exact: true }).waitFor();
    await importAndFinish(dialog, 'Import 7 items', '7 items added.');

    await awayFromPeriodEdge();
    expect(acceptableCodes(DENO_SECRET)).toContain(withoutSpaces(await shownCode(row(page, 'Deno'))));
  });

  it('finds every item of the same export already in the vault, and has nothing to add while they are skipped', async () => {
    const dialog = await chooseFile(AEGIS_ENCRYPTED);
    await dialog.getByLabel('Export password').fill('test');
    await dialog.getByLabel('Export password').press('Enter');
    const duplicates = dialog.getByRole('region', { name: 'Already in your vault (7)' });
    await duplicates.getByText('Deno (Mason)', { exact: true }).waitFor();
    const skip = dialog.getByRole('checkbox', { name: 'Skip items already in the vault' });
    expect(await skip.isChecked()).toBe(true);
    const submit = dialog.getByTestId('import-submit');
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByText('Every item in this file is already in your vault: there is nothing to import.').waitFor();

    await skip.uncheck();
    await dialog.getByRole('button', { name: 'Import 7 items', exact: true }).waitFor();
    await skip.check();
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await row(page, 'Deno').count()).toBe(1);
  });

  it('says which formats it reads when a file dropped on the vault window is none of them', async () => {
    const dropped = await page.evaluateHandle(() => {
      const page = globalThis as unknown as BrowserGlobals;
      const transfer = new page.DataTransfer();
      transfer.items.add(new page.File(['Shopping: milk, eggs\n'], 'notes.txt', { type: 'text/plain' }));
      return transfer;
    });
    await codeList(page).dispatchEvent('dragover', { dataTransfer: dropped });
    await codeList(page).dispatchEvent('drop', { dataTransfer: dropped });
    const dialog = importDialog(page);
    const problem = dialog.getByTestId('import-problem');
    await problem.getByText('TOTP Vault cannot read this file.', { exact: true }).waitFor();
    await problem.getByText(/^notes\.txt is not an export TOTP Vault can read\. It reads .*Aegis.*Enpass \(JSON\)/).waitFor();
    // The dialog is back where it starts, ready for another file.
    await dialog.getByRole('button', { name: 'Choose file…' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('passes axe on the preview, with duplicates, problems and the trash note shown, in both themes', async () => {
    const dialog = await chooseFile(ENPASS);
    await dialog.getByRole('region', { name: 'Already in your vault (2)' }).waitFor();
    await dialog.getByTestId('import-problems').waitFor();
    await dialog.getByText('Items in the trash in Enpass (JSON) go to the trash here too.').waitFor();
    expect(await dialogAxeViolations(page, 'import-dialog')).toEqual({ light: [], dark: [] });
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('keeps the secrets and the export password out of the console and out of every answer', async () => {
    await expect.poll(() => responses.some((response) => response.url.endsWith('/api/listItems'))).toBe(true);
    for (const secret of [DENO_SECRET, 'QG4RPWYF4T23V62G4TA3NE4374', WRONG_PASSWORD]) {
      expect(consoleLines.filter((line) => line.includes(secret))).toEqual([]);
      expect(responses.filter((response) => response.body.includes(secret)).map((response) => response.url)).toEqual([]);
    }
    expect(responses.some((response) => response.url.endsWith('/api/discardImport'))).toBe(true);
  });
});
