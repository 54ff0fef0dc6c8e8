// Opening a file: dropped anywhere on the page or chosen with the file picker. UTF-8
// is read by the page itself; GB18030 and UTF-16 by its file worker, and the summary
// says which encoding was used (spreadsheet.spec.mjs covers workbooks).
import fs from 'node:fs';
import path from 'node:path';
import {
  test, expect, seed, seedBytes, fixtures, open, summary, expectSeedReport, dropFile,
} from './support.mjs';

test('dropping the seed file on the page loads it', async ({ page }) => {
  await open(page);
  const cancelled = await dropFile(page, 'seed.txt', seedBytes);
  // Without preventDefault on dragover the browser never delivers drop, and without it
  // on drop the browser navigates away to the file.
  expect(cancelled, 'dragover and drop must be cancelled by the page').toMatchObject({ dragover: true, drop: true });
  await expectSeedReport(page);
});

test('a file dropped on top of a pasted table replaces it', async ({ page }) => {
  await open(page);
  await page.locator('textarea[data-action="input"]').fill('hello world');
  await expect(page.locator('[data-state="unreadable"]')).toBeVisible();
  await dropFile(page, 'seed.tsv', seedBytes, 'text/tab-separated-values');
  await expectSeedReport(page);
  await expect(page.locator('[data-state="unreadable"]')).toHaveCount(0);
});

test('the file picker loads the chosen file', async ({ page }) => {
  await open(page);
  await page.locator('input[type=file][data-action="file"]').setInputFiles({
    name: 'seed.txt',
    mimeType: 'text/plain',
    buffer: seedBytes,
  });
  await expectSeedReport(page);
});

// Excel's "Unicode text" export is UTF-16 with a byte-order mark; older WPS and Excel
// "text" exports on Chinese Windows are GBK. Both read as the seed, never as mojibake.
const foreignEncodings = [
  ['UTF-16 (Excel "Unicode text")', 'seed-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]), /UTF-16LE/],
  ['GBK (WPS / Excel on Chinese Windows)', 'seed-gbk.txt', fs.readFileSync(path.join(fixtures, 'seed.gbk.txt')), /GB18030/],
];

for (const [encoding, name, bytes, mentions] of foreignEncodings) {
  test(`a ${encoding} file reads as the seed and says which encoding it was`, async ({ page }) => {
    if (name === 'seed-gbk.txt') {
      // The fixture really is the seed in GBK (Node's TextDecoder knows GBK).
      expect(new TextDecoder('gbk').decode(bytes)).toBe(seed);
    }
    await open(page);
    await dropFile(page, name, bytes);
    await expectSeedReport(page);
    await expect(summary(page, 'source')).toContainText(mentions);
    await expect(page.locator('[data-state="unreadable"], [data-state="notice"]')).toHaveCount(0);
  });
}
