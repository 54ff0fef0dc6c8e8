// Offline: government offices often sit on restricted networks. After one visit the
// service worker (www/sw.js) has cached the app shell, and the page opens and checks a
// table with the network off. Its cache is named after the build, so that a new
// release replaces the old one instead of piling up beside it.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, seed, open, paste, expectSeedReport, dropFile, fixtures, firstVisit } from './support.mjs';
import { subPathURL } from './servers.mjs';

// Goes offline, reloads, and checks that the page came from the worker and works.
async function reloadOffline(page, context) {
  await context.setOffline(true);
  // The network really is off: a request the worker does not answer from its cache fails.
  const probe = await page.evaluate(() => fetch(`./not-cached-${Date.now()}.txt`).then((r) => `status ${r.status}`, () => 'failed'));
  expect(probe).toBe('failed');
  const response = await page.reload();
  expect(response.fromServiceWorker(), 'the page came from the service worker').toBe(true);
  await paste(page, seed);
  await expectSeedReport(page);
  await expect(page.locator('svg[data-chart]').first()).toBeVisible();
  // The sample is cached with the page, so it loads offline as well.
  await page.locator('[data-action="clear"]').click();
  await page.locator('[data-action="sample"]').click();
  await expectSeedReport(page);
}

test('after one visit the page opens and checks a table with the network off', async ({ page, context }) => {
  await firstVisit(page, '/');
  await reloadOffline(page, context);
});

test('offline works under a sub-path too', async ({ page, context }) => {
  // The worker and its cache use relative URLs: a colleague's hosting under
  // /team/checker/ must get the same offline page, not the host's root.
  await firstVisit(page, subPathURL);
  expect(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL)).toBe(`${subPathURL}sw.js`);
  await reloadOffline(page, context);
});

test('the cache is named after this build and holds the whole app shell', async ({ page }) => {
  await firstVisit(page, '/');
  const { names, cached, assets } = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith('jixiao-'));
    const cache = await caches.open(names[0]);
    const cached = (await cache.keys()).map((request) => new URL(request.url).pathname);
    // What the page loaded: its script, wasm and stylesheet (hashed names).
    const assets = performance.getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.origin === location.origin && /\.(js|wasm|css)$/.test(url.pathname) && !url.pathname.endsWith('/sw.js'))
      .map((url) => url.pathname);
    return { names, cached, assets };
  });
  // One cache for one build; its name is the build's id that scripts/post-build.mjs
  // stamped into sw.js, a hash of every file, so that a release changing any file
  // (the worker's names carry no hash) gets a new cache.
  expect(names).toHaveLength(1);
  expect(assets.some((name) => name.endsWith('_bg.wasm')), 'the page loaded its wasm').toBe(true);
  const sw = await (await page.request.get('/sw.js')).text();
  const build = sw.match(/const BUILD = '([0-9a-f]{16})';/)[1];
  expect(names[0]).toBe(`jixiao-${build}`);
  expect(cached).toContain('/');
  for (const asset of assets) expect(cached, `${asset} is cached`).toContain(asset);
});

test('offline, a dropped workbook is still read (the file worker is cached too)', async ({ page, context }) => {
  await firstVisit(page, '/');
  await context.setOffline(true);
  await page.reload();
  const bytes = fs.readFileSync(path.join(fixtures, 'seed.xlsx'));
  await dropFile(page, 'seed.xlsx', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  await expectSeedReport(page);
});
