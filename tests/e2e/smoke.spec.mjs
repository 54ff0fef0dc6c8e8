// Smoke test: the built page starts (the wasm app mounts and renders) and asks
// nothing of any other origin, at the root and under a sub-path.
import { test, expect } from '@playwright/test';
import { rootURL, subPathURL } from './servers.mjs';

// Records every request the page makes and every uncaught error it throws.
function watch(page) {
  const seen = { requests: [], errors: [] };
  page.on('request', (request) => seen.requests.push(request.url()));
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  return seen;
}

// data: and blob: URLs never leave the browser; everything else must be ours.
function foreign(urls, origin) {
  return urls.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
}

for (const [where, url] of [['at the root', rootURL], ['under a sub-path', subPathURL]]) {
  test(`the page starts ${where} and stays on its own origin`, async ({ page }) => {
    const seen = watch(page);
    const failed = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });

    await page.goto(url);
    // The heading is rendered by the wasm app, so seeing it means the app mounted.
    await expect(page.getByRole('heading', { level: 1, name: '绩效目标表检查' })).toBeVisible();
    await expect(page.locator('textarea[data-action="input"]')).toBeVisible();
    await expect(page.locator('button[data-action="sample"]')).toBeVisible();
    await expect(page).toHaveTitle('绩效目标表检查 · jixiao-lint');

    expect(foreign(seen.requests, new URL(url).origin)).toEqual([]);
    expect(failed).toEqual([]);
    expect(seen.errors).toEqual([]);
    // Sanity check that the watch works: the page did fetch its own wasm.
    expect(seen.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
  });
}
