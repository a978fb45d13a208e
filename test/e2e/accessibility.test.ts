/**
 * axe-core on every screen of the app (the walk in support/screenTour.ts), in the light and the dark
 * theme, and on the unlock screen and main list in Norwegian. Zero violations; a failure lists each
 * violation's rule and the elements it found, per screen.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { Vault } from '../../src/main/vault/index.js';
import { emptyItemContent } from '../../src/shared/item.js';
import { TEST_KDF, TEST_PASSWORD } from '../support/temporaryVaultPath.js';
import { withApp } from './support/appFixture.js';
import { TOUR_SCREENS, tourEveryScreen } from './support/screenTour.js';
import { shownCode } from './support/vaultPage.js';

const app = withApp();

/** Each violation as "rule (impact): target, target …", so a failing assertion says what and where. */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (violation) => `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

describe('accessibility', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`every screen passes axe in the ${colorScheme} theme`, async () => {
      const { page } = await app.open(app.path(colorScheme, 'vault.totpvault'), { colorScheme });
      const found: Record<string, string[]> = {};
      const visited = await tourEveryScreen(page, async (screen) => {
        found[screen] = await axeViolations(page);
      });
      expect(visited).toEqual([...TOUR_SCREENS]);
      expect(found).toEqual(Object.fromEntries(TOUR_SCREENS.map((screen) => [screen, []])));
    });
  }

  it('the unlock screen and the main list pass axe in Norwegian', async () => {
    const vaultPath = app.path('norsk', 'vault.totpvault');
    const vault = await Vault.create(vaultPath, TEST_PASSWORD, { kdf: TEST_KDF });
    vault.createItems([
      {
        ...emptyItemContent(),
        title: 'Bø kommune',
        username: 'ola.nordmann',
        tags: ['Jobb'],
        favorite: true,
        otp: [{ id: 'b', label: '', uri: 'otpauth://totp/B%C3%B8:ola?secret=MFRGGZDFMZTWQ2LK&issuer=B%C3%B8%20kommune' }],
      },
      { ...emptyItemContent(), title: 'Skriver', username: 'root', websites: ['https://skriver.example.net'] },
    ]);
    vault.lock();
    const { page } = await app.open(vaultPath, { locale: 'nb-NO' });

    await page.getByRole('heading', { name: 'Lås opp TOTP Vault' }).waitFor();
    await page.getByLabel('Hovedpassord').fill('feil passord');
    await page.getByRole('button', { name: 'Lås opp', exact: true }).click();
    await page.getByRole('alert').getByText('Feil hovedpassord. Sjekk Caps Lock og prøv igjen.').waitFor({ timeout: 30_000 });
    const unlockViolations = await axeViolations(page);

    await page.getByLabel('Hovedpassord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Lås opp', exact: true }).click();
    const list = page.getByRole('listbox', { name: 'Kontoer' });
    await shownCode(list.getByRole('option').filter({ hasText: 'Bø kommune' }));
    await page.getByRole('region', { name: 'Detaljer for Bø kommune' }).getByRole('heading', { name: 'Bø kommune' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^nb/);
    const listViolations = await axeViolations(page);

    expect({ unlock: unlockViolations, list: listViolations }).toEqual({ unlock: [], list: [] });
  });
});
