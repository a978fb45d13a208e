/**
 * A vault of 10,000 entries in the browser: the list is virtualised (only the rows in view exist), the
 * keyboard and the mouse wheel reach its end, and search finds one entry among them.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Vault } from '../../src/main/vault/index.js';
import { emptyItemContent } from '../../src/shared/item.js';
import { TEST_KDF, TEST_PASSWORD } from '../support/temporaryVaultPath.js';
import { withApp } from './support/appFixture.js';
import { acceptableCodes, awayFromPeriodEdge, withoutSpaces } from './support/expectedCodes.js';
import { codeList, listCount, readClipboard, row, rowTitles, shownCode, unlock, writeClipboard } from './support/vaultPage.js';

const COUNT = 10_000;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A distinct 32-character base32 secret per entry: 20 bytes of SHA-1 of its number. */
function secretOf(number: number): string {
  const bytes = createHash('sha1').update(`entry ${number}`).digest();
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let secret = '';
  for (let start = 0; start < bits.length; start += 5) secret += BASE32[parseInt(bits.slice(start, start + 5).padEnd(5, '0'), 2)];
  return secret;
}

function entry(number: number) {
  return {
    ...emptyItemContent(),
    title: `Service ${number}`,
    username: `user${number}@example.com`,
    otp: [{ id: 'totp', label: '', uri: `otpauth://totp/Service%20${number}:user${number}?secret=${secretOf(number)}&issuer=Service%20${number}` }],
  };
}

/** Titles sort with numbers read as numbers ("Service 9" before "Service 10"), so the last is the largest. */
const FIRST = 'Service 1';
const LAST = `Service ${COUNT}`;

const app = withApp();

describe(`a vault of ${COUNT.toLocaleString('en')} entries`, () => {
  let page: Page;

  beforeAll(async () => {
    const vaultPath = app.path('large.totpvault');
    const vault = await Vault.create(vaultPath, TEST_PASSWORD, { kdf: TEST_KDF });
    vault.createItems(Array.from({ length: COUNT }, (_, index) => entry(index + 1)));
    vault.lock();
    ({ page } = await app.open(vaultPath));
  });

  it('unlocks to a list that holds only the rows in view', async () => {
    await unlock(page, TEST_PASSWORD);
    await listCount(page).getByText('10,000 accounts').waitFor();
    await row(page, FIRST).waitFor();
    const rows = await codeList(page).getByRole('option').count();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(200);
    expect(await codeList(page).getByRole('option').first().getAttribute('aria-setsize')).toBe(String(COUNT));
    expect((await rowTitles(page)).slice(0, 3)).toEqual([FIRST, 'Service 2', 'Service 3']);
  });

  it('reaches the last entry with End, still rendering only a window of rows', async () => {
    await codeList(page).focus();
    await page.keyboard.press('End');
    const last = row(page, LAST);
    await last.waitFor();
    expect(await last.getAttribute('aria-selected')).toBe('true');
    expect(await last.getAttribute('aria-posinset')).toBe(String(COUNT));
    await expectInsideList(page, LAST);
    expect(await row(page, FIRST).count()).toBe(0);
    expect(await codeList(page).getByRole('option').count()).toBeLessThan(200);
    expect(acceptableCodes(secretOf(COUNT))).toContain(withoutSpaces(await shownCode(last)));
  });

  it('reaches the last entry with the mouse wheel', async () => {
    await page.keyboard.press('Home');
    await row(page, FIRST).waitFor();
    await codeList(page).hover();
    // Each notch of this wheel scrolls 20,000 px (about 300 rows); the list is 640,000 px tall.
    await expect
      .poll(
        async () => {
          await page.mouse.wheel(0, 20_000);
          return (await row(page, LAST).count()) > 0;
        },
        { timeout: 30_000, interval: 50 },
      )
      .toBe(true);
    await expectInsideList(page, LAST);
    expect(await codeList(page).getByRole('option').count()).toBeLessThan(200);
  });

  it('finds one entry by searching, and copies the second of two matches with ArrowDown and Enter', async () => {
    await page.keyboard.press('Control+F');
    await page.keyboard.type('service 4321');
    await listCount(page).getByText('1 of 10,000 accounts').waitFor();
    expect(await rowTitles(page)).toEqual(['Service 4321']);
    expect(acceptableCodes(secretOf(4321))).toContain(withoutSpaces(await shownCode(row(page, 'Service 4321'))));

    await awayFromPeriodEdge();
    await writeClipboard(page, '');
    await page.getByRole('combobox', { name: 'Search' }).fill('service 1000');
    await listCount(page).getByText('2 of 10,000 accounts').waitFor();
    expect(await rowTitles(page)).toEqual(['Service 1000', LAST]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => readClipboard(page)).not.toBe('');
    expect(acceptableCodes(secretOf(COUNT))).toContain(await readClipboard(page));
  });
});

/** The row is drawn inside the list's visible box, not merely present in the DOM. */
async function expectInsideList(page: Page, title: string): Promise<void> {
  const list = await codeList(page).boundingBox();
  const box = await row(page, title).boundingBox();
  expect(list).not.toBeNull();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(list!.y - 1);
  expect(box!.y + box!.height).toBeLessThanOrEqual(list!.y + list!.height + 1);
}
