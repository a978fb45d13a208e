/**
 * Living with a vault of a few items: ordering, search, tag filter, editing, a bad secret, the trash, the
 * keyboard, and the language and theme settings. The vault is made before the host starts (fast test KDF);
 * everything after that goes through the page. The tests run in order on one page.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyItemContent } from '../../src/shared/item.js';
import { Vault } from '../../src/main/vault/index.js';
import { TEST_KDF, TEST_PASSWORD } from '../support/temporaryVaultPath.js';
import { withApp } from './support/appFixture.js';
import { acceptableCodes, awayFromPeriodEdge, withoutSpaces } from './support/expectedCodes.js';
import {
  addItem,
  codeList,
  detailsPane,
  editorDialog,
  listCount,
  lock,
  lockButton,
  readClipboard,
  row,
  rowTitles,
  secretBox,
  shownCode,
  unlock,
  writeClipboard,
} from './support/vaultPage.js';

const SECRETS = {
  zebra: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  github: 'JBSWY3DPEHPK3PXP',
  aws: 'KRSXG5CTMVRXEZLUKN2XAZLSNBQW4ZAA',
  bo: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
} as const;

function totpField(id: string, issuer: string, account: string, secret: string) {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return { id, label: '', uri: `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}` };
}

const ITEMS = [
  { ...emptyItemContent(), title: 'Zebra Bank', username: 'z123', favorite: true, tags: ['Money'], otp: [totpField('z', 'Zebra', 'z123', SECRETS.zebra)] },
  {
    ...emptyItemContent(),
    title: 'GitHub',
    username: 'octocat',
    tags: ['Devops'],
    websites: ['https://github.com'],
    otp: [totpField('g', 'GitHub', 'octocat', SECRETS.github)],
  },
  {
    ...emptyItemContent(),
    title: 'AWS console',
    username: 'admin',
    tags: ['Work', 'Devops'],
    otp: [totpField('a', 'Amazon Web Services', 'admin', SECRETS.aws)],
  },
  { ...emptyItemContent(), title: 'Bø kommune', username: 'ola.nordmann', tags: ['Work'], otp: [totpField('b', 'Bø kommune', 'ola', SECRETS.bo)] },
  { ...emptyItemContent(), title: 'Printer admin', username: 'root', websites: ['https://printer.example.net'] },
];

/** Favourites first, then by title as a reader of English sorts them ("Bø" beside "Bo"). */
const SORTED = ['Zebra Bank', 'AWS console', 'Bø kommune', 'GitHub', 'Printer admin'];

const app = withApp();

describe('items', () => {
  let page: Page;

  beforeAll(async () => {
    const vaultPath = app.path('vault.totpvault');
    const vault = await Vault.create(vaultPath, TEST_PASSWORD, { kdf: TEST_KDF });
    vault.createItems(ITEMS);
    vault.lock();
    ({ page } = await app.open(vaultPath));
    await unlock(page, TEST_PASSWORD);
    await row(page, 'Zebra Bank').waitFor();
  });

  it('lists favourites first, then by title', async () => {
    expect(await rowTitles(page)).toEqual(SORTED);
    await listCount(page).getByText('5 accounts').waitFor();
  });

  it('moves an item marked as a favourite in the editor to the top', async () => {
    await openEditorFor(page, 'GitHub');
    const editor = editorDialog(page, 'Edit “GitHub”');
    await editor.getByLabel('Favourite: show it at the top of the list').check();
    await save(page, editor);
    await expect.poll(() => rowTitles(page)).toEqual(['GitHub', 'Zebra Bank', 'AWS console', 'Bø kommune', 'Printer admin']);
  });

  it('edits the username and renames the title, keeping the code', async () => {
    await openEditorFor(page, 'GitHub');
    const editor = editorDialog(page, 'Edit “GitHub”');
    expect(await editor.getByLabel('Username').inputValue()).toBe('octocat');
    await editor.getByLabel('Username').fill('octo-cat');
    await editor.getByLabel('Title').fill('GitHub Enterprise');
    await save(page, editor);

    const details = detailsPane(page, 'GitHub Enterprise');
    await details.getByRole('heading', { name: 'GitHub Enterprise' }).waitFor();
    await details.getByText('octo-cat', { exact: true }).waitFor();
    expect(await row(page, 'GitHub').count()).toBe(0);
    expect(acceptableCodes(SECRETS.github)).toContain(withoutSpaces(await shownCode(row(page, 'GitHub Enterprise'))));
  });

  it('names what is wrong with a bad secret and refuses to save it, losing nothing already saved', async () => {
    await openEditorFor(page, 'AWS console');
    const editor = editorDialog(page, 'Edit “AWS console”');
    await secretBox(editor).fill('JBSW Y3DP EHPK 3PX0');
    const error = editor.getByTestId('otp-preview-error');
    await error.getByText('This is not a valid secret key.').waitFor();
    await error.getByText('The secret contains "0" (character 16), which is not a base32 letter (A–Z, 2–7). Did you mean the letter O?').waitFor();
    expect(await secretBox(editor).getAttribute('aria-invalid')).toBe('true');

    await editor.getByRole('button', { name: 'Save', exact: true }).click();
    await editor.getByRole('alert').getByText('Fix or remove the one-time code marked below before saving.').waitFor();
    expect(await editor.isVisible()).toBe(true);

    await discardChanges(page, editor);
    expect(acceptableCodes(SECRETS.aws)).toContain(withoutSpaces(await shownCode(row(page, 'AWS console'))));

    // A new item with a bad secret is not saved either.
    await page.getByRole('button', { name: 'New item' }).click();
    const creator = editorDialog(page);
    await creator.getByRole('button', { name: /^Login/ }).click();
    await creator.getByLabel('Title').fill('Broken');
    await secretBox(creator).fill('abcd 1fgh');
    await creator.getByTestId('otp-preview-error').getByText('The secret contains "1" (character 5), which is not a base32 letter (A–Z, 2–7). Did you mean the letter I or L?').waitFor();
    await creator.getByRole('button', { name: 'Save', exact: true }).click();
    await creator.getByRole('alert').getByText('Fix or remove the one-time code marked below before saving.').waitFor();
    await discardChanges(page, creator);
    expect(await rowTitles(page)).toEqual(['GitHub Enterprise', 'Zebra Bank', 'AWS console', 'Bø kommune', 'Printer admin']);
  });

  it('searches as you type by title, issuer, tag and website, ignoring case and accents', async () => {
    await page.keyboard.press('Control+F');
    const search = page.getByRole('combobox', { name: 'Search' });
    await page.keyboard.type('gItHuB');
    expect(await search.inputValue()).toBe('gItHuB');
    await expect.poll(() => rowTitles(page)).toEqual(['GitHub Enterprise']);
    await listCount(page).getByText('1 of 5 accounts').waitFor();

    const cases: Array<[query: string, titles: string[]]> = [
      ['amazon web', ['AWS console']],
      ['DEVOPS', ['GitHub Enterprise', 'AWS console']],
      ['printer.example', ['Printer admin']],
      ['bo kommune', ['Bø kommune']],
      ['BØ', ['Bø kommune']],
      ['zebra money', ['Zebra Bank']],
    ];
    for (const [query, titles] of cases) {
      await search.fill(query);
      await expect.poll(() => rowTitles(page), { message: `search for "${query}"` }).toEqual(titles);
    }

    await search.fill('no such account');
    await page.getByText('Nothing matches “no such account”.').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => rowTitles(page)).toHaveLength(5);
    expect(await search.inputValue()).toBe('');
  });

  it('filters by tag', async () => {
    const filter = page.getByRole('combobox', { name: 'Filter by tag' });
    expect(await filter.locator('option').allInnerTexts()).toEqual(['All tags', 'Devops', 'Money', 'Work']);
    await filter.selectOption({ label: 'Work' });
    await expect.poll(() => rowTitles(page)).toEqual(['AWS console', 'Bø kommune']);
    await filter.selectOption({ label: 'All tags' });
    await expect.poll(() => rowTitles(page)).toHaveLength(5);
  });

  it('works from the keyboard: Ctrl+F to search, ArrowDown and Enter to copy, Ctrl+L to lock', async () => {
    await awayFromPeriodEdge();
    await writeClipboard(page, '');
    await page.keyboard.press('Control+F');
    await page.keyboard.type('devops');
    await expect.poll(() => rowTitles(page)).toEqual(['GitHub Enterprise', 'AWS console']);
    await page.keyboard.press('ArrowDown');
    await row(page, 'AWS console').and(page.locator('[aria-selected="true"]')).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => readClipboard(page)).not.toBe('');
    expect(acceptableCodes(SECRETS.aws)).toContain(await readClipboard(page));
    await page.getByTestId('clipboard-banner').getByText('Copied “AWS console” code.').waitFor();

    // In the list itself: Home, ArrowDown, Enter.
    await page.keyboard.press('Escape');
    await expect.poll(() => rowTitles(page)).toHaveLength(5);
    await codeList(page).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await row(page, 'Zebra Bank').and(page.locator('[aria-selected="true"]')).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => readClipboard(page)).toBe(withoutSpaces(await shownCode(row(page, 'Zebra Bank'))));
    expect(acceptableCodes(SECRETS.zebra)).toContain(await readClipboard(page));

    await lock(page, 'keyboard');
    await unlock(page, TEST_PASSWORD);
    await expect.poll(() => rowTitles(page)).toHaveLength(5);
  });

  it('moves an item to the trash, restores it, and deletes it forever only after confirming', async () => {
    await row(page, 'Printer admin').click();
    await detailsPane(page, 'Printer admin').getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText('“Printer admin” moved to the trash.').waitFor();
    await row(page, 'Printer admin').waitFor({ state: 'detached' });

    const trash = await openTrash(page);
    await trash.getByRole('listitem').filter({ hasText: 'Printer admin' }).waitFor();
    await trash.getByRole('button', { name: 'Restore Printer admin' }).click();
    await trash.getByText('The trash is empty.').waitFor();
    await closeDialog(trash);
    await row(page, 'Printer admin').waitFor();

    await row(page, 'Printer admin').click();
    await detailsPane(page, 'Printer admin').getByRole('button', { name: 'Move to trash' }).click();
    await row(page, 'Printer admin').waitFor({ state: 'detached' });
    const trashAgain = await openTrash(page);
    const confirm = page.getByRole('alertdialog', { name: 'Delete “Printer admin” forever?' });
    await trashAgain.getByRole('button', { name: 'Delete forever: Printer admin' }).click();
    await confirm.getByText('It cannot be restored').waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached' });
    await trashAgain.getByRole('listitem').filter({ hasText: 'Printer admin' }).waitFor();

    await trashAgain.getByRole('button', { name: 'Delete forever: Printer admin' }).click();
    await confirm.getByRole('button', { name: 'Delete forever' }).click();
    await trashAgain.getByText('The trash is empty.').waitFor();
    await page.getByText('“Printer admin” deleted forever.').waitFor();
    await closeDialog(trashAgain);
    expect(await rowTitles(page)).toEqual(['GitHub Enterprise', 'Zebra Bank', 'AWS console', 'Bø kommune']);
  });

  it('shows a newly saved item in the item view, though it sorts below the first row and a search was on', async () => {
    await page.getByRole('combobox', { name: 'Search' }).fill('zebra');
    await expect.poll(() => rowTitles(page)).toEqual(['Zebra Bank']);
    await addItem(page, { title: 'Mailbox', username: 'post', secret: 'nbsw y3dp o5xx e3de' });
    await detailsPane(page, 'Mailbox').getByRole('heading', { name: 'Mailbox' }).waitFor();
    await row(page, 'Mailbox').and(page.locator('[aria-selected="true"]')).waitFor();
    expect(await page.getByRole('combobox', { name: 'Search' }).inputValue()).toBe('');
    expect(await rowTitles(page)).toEqual(['GitHub Enterprise', 'Zebra Bank', 'AWS console', 'Bø kommune', 'Mailbox']);
    expect(acceptableCodes('NBSWY3DPO5XXE3DE')).toContain(withoutSpaces(await shownCode(detailsPane(page, 'Mailbox'))));
  });

  it('switches the UI to Norsk bokmål in the settings, and back', async () => {
    const settings = await openSettings(page);
    await settings.getByLabel('Language', { exact: true }).selectOption({ label: 'Norsk bokmål' });
    await settings.getByRole('heading', { name: 'Innstillinger' }).waitFor();
    await settings.getByText('Lagret.').waitFor();
    await closeDialog(settings, 'Lukk');
    await page.getByRole('button', { name: 'Lås', exact: true }).waitFor();
    expect(await lockButton(page).count()).toBe(0);
    await page.getByRole('listbox', { name: 'Kontoer' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^nb/);

    await page.getByRole('button', { name: 'Innstillinger', exact: true }).click();
    await settings.getByLabel('Språk', { exact: true }).selectOption({ label: 'English' });
    await settings.getByText('Saved.').waitFor();
    await closeDialog(settings);
    await lockButton(page).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^en/);
  });

  it('paints the dark palette when the theme is set to Dark', async () => {
    const background = () => page.locator('body').evaluate((body) => (globalThis as unknown as ComputedStyleGlobals).getComputedStyle(body).backgroundColor);
    const light = await background();
    expect(light).toBe('rgb(243, 244, 246)');

    const settings = await openSettings(page);
    await settings.getByLabel('Theme', { exact: true }).selectOption({ label: 'Dark' });
    await settings.getByText('Saved.').waitFor();
    await closeDialog(settings);
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    const dark = await background();
    expect(dark).not.toBe(light);
    expect(dark).toBe('rgb(21, 23, 26)');

    const back = await openSettings(page);
    await back.getByLabel('Theme', { exact: true }).selectOption({ label: 'Same as the system' });
    await back.getByText('Saved.').waitFor();
    await closeDialog(back);
    expect(await background()).toBe(light);
  });
});

interface ComputedStyleGlobals {
  getComputedStyle(element: unknown): { backgroundColor: string };
}

/** Selects the row (a click also copies its code) and presses Edit in the item view. */
async function openEditorFor(page: Page, title: string): Promise<void> {
  await row(page, title).click();
  await detailsPane(page, title).getByRole('button', { name: 'Edit', exact: true }).click();
  await editorDialog(page, `Edit “${title}”`).getByLabel('Title').waitFor();
}

async function save(page: Page, editor: Locator): Promise<void> {
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await editor.waitFor({ state: 'detached' });
}

/** Cancel on a changed item asks first; Discard closes it. */
async function discardChanges(page: Page, editor: Locator): Promise<void> {
  await editor.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Discard your changes?' }).getByRole('button', { name: 'Discard', exact: true }).click();
  await editor.waitFor({ state: 'detached' });
}

async function openTrash(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  const trash = page.getByRole('dialog', { name: 'Trash' });
  await trash.waitFor();
  return trash;
}

async function openSettings(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('dialog', { name: 'Settings' }).waitFor();
  // By test id: the dialog's name changes with the language chosen in it.
  return page.getByTestId('settings-dialog');
}

/** The footer's Close button (the header's close icon has the same name, so the last one). */
async function closeDialog(dialog: Locator, close = 'Close'): Promise<void> {
  await dialog.getByRole('button', { name: close, exact: true }).last().click();
  await dialog.waitFor({ state: 'detached' });
}
