/**
 * One walk through every screen of the app, from a vault that does not exist yet to a wrong password on
 * the unlock screen. The accessibility and screenshot tests take the same walk and act on each screen
 * once it has settled, so both cover the same screens in the same states.
 */
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../../support/temporaryVaultPath.js';
import {
  addItem,
  codeList,
  detailsPane,
  editorDialog,
  emptyVaultHeading,
  fillItemForm,
  lock,
  openImportDialog,
  openScanDialog,
  row,
  scanCandidate,
  scanLink,
  secretBox,
  shownCode,
  submitUnlock,
  waitUntilScrolledIntoView,
} from './vaultPage.js';

export const TOUR_SCREENS = [
  'create',
  'create-feedback',
  'empty-list',
  'editor-preview',
  'editor-error',
  'list',
  'item-view',
  'copied',
  'scan-review',
  'import-preview',
  'settings',
  'trash',
  'confirm-delete',
  'unlock',
  'unlock-error',
] as const;

export type TourScreen = (typeof TOUR_SCREENS)[number];

/**
 * Walks a page showing a new vault's create screen through TOUR_SCREENS, calling `visit` on each;
 * returns the screens visited, in order.
 */
export async function tourEveryScreen(page: Page, visit: (screen: TourScreen) => Promise<void>): Promise<TourScreen[]> {
  const visited: TourScreen[] = [];
  const at = async (screen: TourScreen) => {
    visited.push(screen);
    await visit(screen);
  };

  await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
  await at('create');

  await page.getByLabel('Master password', { exact: true }).fill('password1');
  await page.getByLabel('Repeat master password').fill('password2');
  await page.getByText('Password strength: Very weak').waitFor();
  await page.getByText('The two passwords are not the same.').waitFor();
  await at('create-feedback');

  await page.getByLabel('Master password', { exact: true }).fill(TEST_PASSWORD);
  await page.getByLabel('Repeat master password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await emptyVaultHeading(page).waitFor({ timeout: 30_000 });
  await at('empty-list');

  await page.getByRole('button', { name: 'Add a Microsoft 365 account' }).click();
  const editor = editorDialog(page);
  await fillItemForm(editor, { title: 'Topdesk', username: 'alice@contoso.com', secret: 'jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp ' });
  // The editor scrolls the preview into view (smoothly) once the secret is read.
  await waitUntilScrolledIntoView(editor.getByTestId('otp-preview'), editor.locator('.dialog-body'));
  await at('editor-preview');

  await secretBox(editor).fill('jbsw y3dp ehpk 3px0');
  await editor.getByTestId('otp-preview-error').waitFor();
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await editor.getByText('Fix or remove the one-time code marked below before saving.').waitFor();
  await waitUntilScrolledIntoView(editor.getByTestId('otp-preview-error'), editor.locator('.dialog-body'));
  await at('editor-error');

  await secretBox(editor).fill('jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp ');
  await editor.getByTestId('otp-preview-code').waitFor();
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await editor.waitFor({ state: 'detached' });
  await addItem(page, { title: 'GitHub', username: 'octocat', secret: 'GEZDGNBVGY3TQOJQ', tags: ['Dev'], favorite: true, websites: ['https://github.com'] });
  await addItem(page, { title: 'Bø kommune', username: 'ola.nordmann', secret: 'MFRGGZDFMZTWQ2LK', tags: ['Work'] });
  await addItem(page, { title: 'Printer admin', username: 'root', websites: ['https://printer.example.net'] });
  for (const title of ['GitHub', 'Bø kommune', 'Topdesk']) await shownCode(row(page, title));
  await detailsPane(page, 'Printer admin').getByRole('heading', { name: 'Printer admin' }).waitFor();
  await at('list');

  // Selecting with the keyboard shows the item without copying its code.
  await codeList(page).focus();
  await page.keyboard.press('Home');
  const github = detailsPane(page, 'GitHub');
  await github.getByRole('button', { name: 'Reveal secret' }).click();
  await github.getByText('GEZD GNBV GY3T QOJQ').waitFor();
  await shownCode(github);
  await at('item-view');

  await row(page, 'Topdesk').click();
  await page.getByTestId('clipboard-banner').getByText('Copied “Topdesk” code.').waitFor();
  await at('copied');

  // A scan with an account to add, one already in the vault (GitHub, as added above) and a Microsoft push
  // code, read from setup links typed into the dialog (headless Chromium has no screen to capture).
  const scan = await openScanDialog(page);
  await scanLink(scan, 'otpauth://totp/Contoso:alice%40contoso.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Microsoft');
  await scanCandidate(scan, 'alice@contoso.com').waitFor();
  await scanLink(scan, 'otpauth://totp/GitHub:octocat?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub');
  await scanCandidate(scan, 'octocat').getByText('Already in your vault').waitFor();
  await scanLink(scan, 'phonefactor://activate_account?code=123456789&url=https%3A%2F%2Fmobileappcommunicator.auth.microsoft.com%2Factivate');
  await scan.getByTestId('scan-unusable').waitFor();
  await scan.getByRole('status').getByText('2 accounts found.').waitFor();
  await at('scan-review');
  await scan.getByRole('button', { name: 'Cancel', exact: true }).click();
  await scan.waitFor({ state: 'detached' });

  // An export with an account to add, one already in the vault (GitHub again) and a line it cannot read,
  // previewed and not imported, so the screens after this one are as before.
  const importing = await openImportDialog(page);
  await importing.getByTestId('import-file-input').setInputFiles({
    name: 'authenticator-export.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      [
        'otpauth://totp/Dropbox:carol%40example.com?secret=KRSXG5CTMVRXEZLUKN2XAZLSNBQW4ZAA&issuer=Dropbox',
        'otpauth://totp/GitHub:octocat?secret=GEZDGNBVGY3TQOJQ&issuer=GitHub',
        'otpauth://totp/Legacy:old%40example.com?secret=JBSW0Y3DP&issuer=Legacy',
        '',
      ].join('\n'),
    ),
  });
  await importing.getByTestId('import-duplicates').waitFor();
  await importing.getByTestId('import-problems').waitFor();
  await importing.getByRole('button', { name: 'Import 1 item', exact: true }).waitFor();
  await at('import-preview');
  await importing.getByRole('button', { name: 'Cancel', exact: true }).click();
  await importing.waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByLabel('Theme', { exact: true }).waitFor();
  await at('settings');
  await page.keyboard.press('Escape');
  await settings.waitFor({ state: 'detached' });

  await row(page, 'Printer admin').click();
  await detailsPane(page, 'Printer admin').getByRole('button', { name: 'Move to trash' }).click();
  await row(page, 'Printer admin').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trash = page.getByRole('dialog', { name: 'Trash' });
  await trash.getByRole('listitem').filter({ hasText: 'Printer admin' }).waitFor();
  await at('trash');

  await trash.getByRole('button', { name: 'Delete forever: Printer admin' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete “Printer admin” forever?' });
  await confirm.waitFor();
  await at('confirm-delete');
  await confirm.getByRole('button', { name: 'Cancel', exact: true }).click();
  await confirm.waitFor({ state: 'detached' });
  await page.keyboard.press('Escape');
  await trash.waitFor({ state: 'detached' });

  await lock(page, 'keyboard');
  await page.getByText('You locked the vault.').waitFor();
  await at('unlock');

  await submitUnlock(page, 'not the password');
  await page.getByRole('alert').getByText('Wrong master password. Check Caps Lock and try again.').waitFor({ timeout: 30_000 });
  await at('unlock-error');
  return visited;
}
