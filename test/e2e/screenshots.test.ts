/**
 * A screenshot of every screen (the walk in support/screenTour.ts) at 1280×800, light and dark, written to
 * test-results/screenshots/ (git-ignored) for people to look at: the review of a UI change starts there.
 * The test checks only that each file is a real, non-trivial PNG.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { withApp } from './support/appFixture.js';
import { TOUR_SCREENS, tourEveryScreen } from './support/screenTour.js';

const FOLDER = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SMALLEST_BYTES = 10 * 1024;

const app = withApp();

describe('screenshots', () => {
  beforeAll(async () => {
    // Last run's files must not stand in for this run's.
    await rm(FOLDER, { recursive: true, force: true });
    await mkdir(FOLDER, { recursive: true });
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`of every screen in the ${colorScheme} theme`, async () => {
      const { page } = await app.open(app.path(colorScheme, 'vault.totpvault'), { colorScheme });
      const files: string[] = [];
      await tourEveryScreen(page, async (screen) => {
        const number = String(TOUR_SCREENS.indexOf(screen) + 1).padStart(2, '0');
        const file = join(FOLDER, `${colorScheme}-${number}-${screen}.png`);
        await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
        files.push(file);
      });
      expect(files).toHaveLength(TOUR_SCREENS.length);

      for (const file of files) {
        const { size } = await stat(file);
        expect(size, file).toBeGreaterThan(SMALLEST_BYTES);
        const header = (await readFile(file)).subarray(0, 24);
        expect(header.subarray(0, 8).equals(PNG_SIGNATURE), `${file} is a PNG`).toBe(true);
        // The IHDR chunk: width and height, big-endian, at bytes 16–23.
        expect([header.readUInt32BE(16), header.readUInt32BE(20)], file).toEqual([1280, 800]);
      }
    });
  }
});
