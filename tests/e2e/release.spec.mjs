// A new release reaches users who have the old one cached: a copy of the build is
// served, visited (the service worker caches it), then changed in the page's worker
// alone — whose file names carry no hash — and stamped with its new build id as
// scripts/post-build.mjs would. The very next load must run the new worker (not the
// cached one beside the page), and once the new service worker is active no file of
// the old release is left in the cache.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test, expect, seed, paste, expectSeedReport, firstVisit } from './support.mjs';
import { releasePort, releaseURL } from './servers.mjs';
import { buildId } from '../../scripts/build-id.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', '..', 'dist');
const LOADER = 'jixiao-check-worker_loader.js';
const MARK = 'self.releaseMark = "next";';

let root;
let server;

test.beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-release-'));
  fs.cpSync(dist, root, { recursive: true });
  server = spawn(process.execPath, [path.join(here, 'serve.mjs'), '--root', root, '--port', String(releasePort)], { stdio: 'ignore' });
  await expect.poll(() => fetch(releaseURL).then((r) => r.status, () => 0), { message: 'the release server is up' }).toBe(200);
});

test.afterAll(() => {
  server?.kill();
  fs.rmSync(root, { recursive: true, force: true });
});

// The page's check worker, started with the page.
async function pageWorkerMark(page) {
  const worker = page.workers().find((w) => w.url().endsWith(LOADER));
  return worker ? worker.evaluate(() => self.releaseMark ?? 'old') : 'not started';
}

test('a release that changes only the worker is picked up on the next load, and its cache replaces the old one', async ({ page }) => {
  await firstVisit(page, releaseURL);
  await expect.poll(() => pageWorkerMark(page)).toBe('old');
  const sw = (name) => fs.readFileSync(path.join(root, 'sw.js'), 'utf8').match(/const BUILD = '([0-9a-f]{16})';/)[1];
  const before = sw();
  expect(await page.evaluate(() => caches.keys())).toEqual([`jixiao-${before}`]);

  // The release: the worker's loader changes; nothing else in the build does.
  fs.appendFileSync(path.join(root, LOADER), `\n${MARK}\n`);
  const after = buildId(root);
  expect(after, 'a changed worker gives a new build id').not.toBe(before);
  const swPath = path.join(root, 'sw.js');
  fs.writeFileSync(swPath, fs.readFileSync(swPath, 'utf8').replace(before, after));

  // The next load is still controlled by the old service worker; it must not pair
  // the page with the worker it cached.
  await page.reload();
  await expect.poll(() => pageWorkerMark(page), { message: 'the next load runs the new worker' }).toBe('next');
  await paste(page, seed);
  await expectSeedReport(page);

  // The new service worker takes over and keeps the new release only.
  await expect.poll(() => page.evaluate(() => caches.keys()), { message: 'only the new cache is left' })
    .toEqual([`jixiao-${after}`]);
  const cachedLoader = await page.evaluate(async (name) => {
    const cache = await caches.open((await caches.keys())[0]);
    const hit = await cache.match(`./${name}`);
    return hit ? hit.text() : null;
  }, LOADER);
  expect(cachedLoader).toContain(MARK);
});
