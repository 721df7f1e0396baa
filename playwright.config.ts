import { defineConfig } from '@playwright/test';

// OG_TEST_PORT runs a second suite beside one already on 4173 (a CI clone).
const port = Number(process.env.OG_TEST_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list']],
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // Snapshots are shared by the projects: the chart layout must give the
  // same accessibility tree as the list layout.
  snapshotPathTemplate: '{testDir}/{testFileDir}/{testFileName}-snapshots/{arg}{ext}',
  projects: [
    { name: 'all' },
    // The list and tree suites (keys, focus, ARIA) again in the chart
    // layout: only the root's class differs, so every key must do the same.
    { name: 'chart layout', testMatch: /(list|tree)\.spec\.ts$/, metadata: { layout: 'chart' } },
  ],
  webServer: {
    command: `node tests/e2e/server.mjs`,
    env: { PORT: String(port) },
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
  },
});
