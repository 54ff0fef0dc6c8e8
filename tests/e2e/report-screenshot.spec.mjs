// A picture of the whole report for the seed, kept as a test artifact so a reviewer
// can see the page without building it: test-results/report.png, also attached to
// the test's result. (smoke.spec.mjs checks the origin and the sub-path; the guard in
// support.mjs checks the origin in every spec.)
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, seed, open, paste, expectSeedReport } from './support.mjs';

test.use({ viewport: { width: 1366, height: 900 } });

test('a screenshot of the full report for the seed', async ({ page }, testInfo) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await expect(page.locator('table[data-coverage]')).toBeVisible();
  await expect(page.locator('svg[data-chart="level1"]')).toBeVisible();
  // Fonts and the charts' layout settle before the picture is taken.
  await page.evaluate(() => document.fonts.ready);

  // Playwright empties test-results/ at the start of a run, so this is always this run's picture.
  const file = path.join(testInfo.project.outputDir, 'report.png');
  const png = await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach('report', { path: file, contentType: 'image/png' });

  // A real report is long and not blank: taller than the window, and many bytes.
  const height = png.readUInt32BE(20); // the PNG IHDR height
  expect(height).toBeGreaterThan(900);
  expect(fs.statSync(file).size).toBeGreaterThan(50_000);
});
