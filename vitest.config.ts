import { defineConfig } from 'vitest/config';

// Real Argon2id runs in several suites; give slow machines room without hiding hangs.
const TIMEOUTS = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    // The JSON report is what .ci/run counts; the default reporter is what people read.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/security/**/*.test.ts'],
          pool: 'forks',
          ...TIMEOUTS,
        },
      },
      {
        // Real Chromium against the real `totp-vault ui` host. One file at a time: each starts a browser,
        // and two at once on a 2-core machine would only make both slower.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
