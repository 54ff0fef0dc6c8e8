// Print: the report goes to the department on paper or as a PDF. The print stylesheet
// keeps what a reader of the report needs (the summary, the charts, the findings) and
// drops the controls (the paste area, the exports, the filters), which mean nothing on paper.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, seed, open, paste, summary, expectSeedReport } from './support.mjs';

async function seedReport(page) {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
}

test('in print the controls are hidden and the summary, charts and findings stay', async ({ page }) => {
  await seedReport(page);
  // On screen all of it is there, so that hiding it below is the print stylesheet's doing.
  for (const selector of ['.intake', '.exports', '.filters']) await expect(page.locator(selector)).toBeVisible();

  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.intake', '.exports', '.filters']) await expect(page.locator(selector), selector).toBeHidden();
  await expect(page.locator('[data-action="share"]')).toBeHidden();
  await expect(page.locator('textarea[data-action="input"]')).toBeHidden();

  await expect(summary(page, 'errors')).toBeVisible();
  await expect(summary(page, 'errors')).toHaveText('5');
  const charts = page.locator('svg[data-chart]');
  expect(await charts.count()).toBeGreaterThan(0);
  for (const chart of await charts.all()) await expect(chart).toBeVisible();
  const problems = page.locator('[data-problem]');
  await expect(problems).toHaveCount(80);
  for (const item of await problems.all()) await expect(item).toBeVisible();

  // And back on screen, the controls return.
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.intake')).toBeVisible();
});

test('the report prints to an A4 PDF of several pages', async ({ page }, testInfo) => {
  await seedReport(page);
  // test-results/report.pdf, beside the per-test folders, so that it is easy to find.
  const file = path.join(testInfo.project.outputDir, 'report.pdf');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const pdf = await page.pdf({ path: file, format: 'A4', printBackground: true });
  await testInfo.attach('report.pdf', { path: file, contentType: 'application/pdf' });

  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length, 'bytes of PDF').toBeGreaterThan(20 * 1024);
  const text = pdf.toString('latin1');
  // A4 is 595 × 842 points (Chromium writes 595.91998 × 842.88).
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(+m[1]), Math.round(+m[2])]);
  expect(boxes.length, 'pages').toBeGreaterThan(1);
  for (const box of boxes) expect(box).toEqual([596, 843]);
});
