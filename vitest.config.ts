import { defineConfig } from 'vitest/config';

/** Unit test files that mock modules (vi.mock): they need a module graph of their own. */
const MOCKING = ['tests/unit/scripts/pagefind.test.ts'];

export default defineConfig({
  test: {
    projects: [
      // The other unit files share their worker's modules, so the library is parsed once per worker, not once per file.
      // npm test runs them beside the browser tests, which keep both cores busy, and some start processes
      // (add-source, the CLIs): a test that takes a second alone may take several there.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: MOCKING, isolate: false, testTimeout: 30_000, hookTimeout: 60_000 } },
      { test: { name: 'unit-mocking', include: MOCKING } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Builds the site once for all browser test files (or names E2E_SITE / dist/; nothing when SKIP_E2E=1).
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // Two workers: one file's browser work alone leaves about a fifth of the two cores idle, as Node
          // and Chromium wait for each other. Each worker keeps its modules from file to file, so its
          // files share one Chromium (support/browser.ts) and the pages parsed once (support/parsed-html.ts).
          maxWorkers: 2,
          isolate: false,
        },
      },
    ],
  },
});
