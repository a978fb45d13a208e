/**
 * axe-core on one dialog, in the light and the dark theme: each violation as "rule: target, target …" per
 * theme, so a failing assertion says what and where. The page is left in the light theme.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export async function dialogAxeViolations(page: Page, testId: string): Promise<Record<'light' | 'dark', string[]>> {
  const found = { light: [] as string[], dark: [] as string[] };
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const result = await new AxeBuilder({ page }).include(`[data-testid="${testId}"]`).analyze();
    found[colorScheme] = result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}
