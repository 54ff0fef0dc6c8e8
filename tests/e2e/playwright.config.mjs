// Browser tests for the built page. They drive Debian's Chromium: Playwright
// cannot download its own browsers on these machines.
import { defineConfig } from '@playwright/test';
import { port, rootURL, subPath, subPort, subPathURL } from './servers.mjs';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.mjs',
  outputDir: 'test-results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 1 : undefined,
  reporter: [['list']],
  use: {
    baseURL: rootURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox', // running as root
        '--disable-gpu',
        // Keep the browser from calling home: the only network here is loopback.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      // The page at the root, from a host that sends the headers of README § Hosting.
      command: `node serve.mjs --port ${port} --headers`,
      url: rootURL,
      reuseExistingServer: !process.env.CI,
      timeout: 10_000,
    },
    {
      // The same dist/ under a sub-path, as a colleague's plain static hosting
      // would serve it: no headers at all.
      command: `node serve.mjs --port ${subPort} --base ${subPath}`,
      url: subPathURL,
      reuseExistingServer: !process.env.CI,
      timeout: 10_000,
    },
  ],
});
