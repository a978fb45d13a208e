/**
 * The set-up DESIGN.md is written for: a desk worker enrols Microsoft 365 sign-in with this app instead of
 * a phone. A new vault in a folder that does not exist yet, a Login item "Topdesk" whose secret is pasted
 * as Microsoft's page shows it, the code typed back from the list, locking, a wrong password, and the next
 * day's start of a new `totp-vault ui` on the same file. Each step needs the one before it.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../support/temporaryVaultPath.js';
import { withApp } from './support/appFixture.js';
import { acceptableCodes, awayFromPeriodEdge, withoutSpaces } from './support/expectedCodes.js';
import {
  codeList,
  detailsPane,
  editorDialog,
  emptyVaultHeading,
  lock,
  pasteInto,
  readClipboard,
  row,
  secretBox,
  shownCode,
  submitUnlock,
  unlock,
  unlockHeading,
  waitUntilScrolledIntoView,
  writeClipboard,
} from './support/vaultPage.js';

/** As "Can't scan image?" shows it; selecting and copying it from the page adds the trailing space. */
const SECRET_AS_SHOWN_BY_MICROSOFT = 'jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp ';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

const app = withApp();

describe('Microsoft 365 set-up at a desk', () => {
  const vaultPath = () => app.path('Documents', 'TOTP Vault', 'vault.totpvault');
  let page: Page;
  let stopHost: () => Promise<number | null>;

  it('creates a vault in a folder that does not exist yet, with strength feedback and the no-recovery warning', async () => {
    expect(existsSync(dirname(vaultPath()))).toBe(false);
    const opened = await app.open(vaultPath());
    page = opened.page;
    stopHost = opened.host.stop;

    await page.getByRole('heading', { name: 'Create your vault' }).waitFor();
    await page.getByText(`The vault will be saved as ${vaultPath()}`).waitFor();
    const create = page.getByRole('button', { name: 'Create vault' });
    const warning = page.getByText('Keep your master password safe');
    await warning.waitFor();
    await page.getByText(/If you forget it, nobody can recover your vault/).waitFor();

    const password = page.getByLabel('Master password', { exact: true });
    const repeat = page.getByLabel('Repeat master password');
    await password.fill('password1');
    await page.getByText('Password strength: Very weak').waitFor();
    await page.getByText('This is one of the most common passwords.').waitFor();

    await password.fill(TEST_PASSWORD);
    await page.getByText('Password strength: Very strong').waitFor();
    await repeat.fill(`${TEST_PASSWORD}!`);
    await page.getByRole('alert').getByText('The two passwords are not the same.').waitFor();
    expect(await create.isDisabled()).toBe(true);

    await repeat.fill(TEST_PASSWORD);
    expect(await create.isEnabled()).toBe(true);
    await create.click();
    await emptyVaultHeading(page).waitFor({ timeout: 30_000 });
    expect(existsSync(vaultPath())).toBe(true);
  });

  it('adds "Topdesk" from a pasted secret, showing the normalised secret and the live code before saving', async () => {
    await page.getByRole('button', { name: 'New item' }).click();
    const editor = editorDialog(page);
    await editor.getByRole('button', { name: /^Login/ }).click();
    await editor.getByLabel('Title').fill('Topdesk');
    await editor.getByLabel('Username').fill('alice@contoso.com');

    await pasteInto(page, secretBox(editor), SECRET_AS_SHOWN_BY_MICROSOFT);
    expect(await secretBox(editor).inputValue()).toBe(SECRET_AS_SHOWN_BY_MICROSOFT);

    const preview = editor.getByTestId('otp-preview');
    await preview.getByText('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP', { exact: true }).waitFor();
    await waitUntilScrolledIntoView(preview, editor.locator('.dialog-body'));
    await preview.getByText('Time-based · SHA1 · 6 digits · every 30 s').waitFor();
    const previewCode = withoutSpaces(await editor.getByTestId('otp-preview-code').innerText());
    expect(acceptableCodes(SECRET)).toContain(previewCode);

    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.waitFor({ state: 'detached' });
    await page.getByText('“Topdesk” saved.').waitFor();
  });

  it('lists the code RFC 6238 gives for the secret now', async () => {
    await row(page, 'Topdesk').waitFor();
    const code = withoutSpaces(await shownCode(row(page, 'Topdesk')));
    expect(acceptableCodes(SECRET)).toContain(code);
    // The item view beside the list shows the same code.
    const inDetails = withoutSpaces(await shownCode(detailsPane(page, 'Topdesk')));
    expect(acceptableCodes(SECRET)).toContain(inDetails);
  });

  it('copies the code without its space by a click on the row, and by Enter', async () => {
    await awayFromPeriodEdge();
    const topdesk = row(page, 'Topdesk');
    const shown = withoutSpaces(await shownCode(topdesk));

    await writeClipboard(page, 'something else');
    await topdesk.click();
    await page.getByTestId('clipboard-banner').getByText('Copied “Topdesk” code.').waitFor();
    expect(await page.getByTestId('clipboard-banner').getByText(/^Clears in \d+ s$/).isVisible()).toBe(true);
    const copied = await readClipboard(page);
    expect(copied).toMatch(/^\d{6}$/);
    expect(copied).toBe(shown);
    expect(acceptableCodes(SECRET)).toContain(copied);

    await writeClipboard(page, 'something else');
    await codeList(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => readClipboard(page), { timeout: 5000 }).toMatch(/^\d{6}$/);
    expect(acceptableCodes(SECRET)).toContain(await readClipboard(page));
  });

  it('locks with the Lock button, forgetting the list and the copied code, and with Ctrl+L', async () => {
    await lock(page, 'button');
    await page.getByText('You locked the vault.').waitFor();
    expect(await codeList(page).count()).toBe(0);
    await expect.poll(() => readClipboard(page), { timeout: 5000 }).toBe('');

    await unlock(page, TEST_PASSWORD);
    await row(page, 'Topdesk').waitFor();
    await lock(page, 'keyboard');
    expect(await row(page, 'Topdesk').count()).toBe(0);
  });

  it('says a wrong password is wrong, in place, and then unlocks with the right one', async () => {
    await submitUnlock(page, 'correct horse battery stable');
    const message = page.getByRole('alert').getByText('Wrong master password. Check Caps Lock and try again.');
    await message.waitFor({ timeout: 30_000 });
    expect(await unlockHeading(page).isVisible()).toBe(true);
    expect(await page.getByLabel('Master password').getAttribute('aria-invalid')).toBe('true');
    await page.getByText(`Vault: ${vaultPath()}`).waitFor();

    await unlock(page, TEST_PASSWORD);
    const code = withoutSpaces(await shownCode(row(page, 'Topdesk')));
    expect(acceptableCodes(SECRET)).toContain(code);
  });

  it('finds it again tomorrow: a new `totp-vault ui` on the same file unlocks to the same item and code', async () => {
    await page.context().close();
    expect(await stopHost()).not.toBeNull();

    const tomorrow = await app.open(vaultPath());
    page = tomorrow.page;
    await unlockHeading(page).waitFor();
    await unlock(page, TEST_PASSWORD);
    const code = withoutSpaces(await shownCode(row(page, 'Topdesk')));
    expect(acceptableCodes(SECRET)).toContain(code);
    await detailsPane(page, 'Topdesk').getByText('alice@contoso.com').waitFor();
  });
});
