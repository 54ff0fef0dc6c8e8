// Opening a file: dropped anywhere on the page or chosen with the file picker. UTF-8
// only for now; any other encoding must get a message that says so, never a crash or
// a page of mojibake findings.
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
// "text" exports on Chinese Windows are GBK. Neither is read yet (a later issue).
const foreignEncodings = [
  ['UTF-16 (Excel "Unicode text")', 'seed-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seed, 'utf16le')]), /UTF-16/],
  ['GBK (WPS / Excel on Chinese Windows)', 'seed-gbk.txt', fs.readFileSync(path.join(fixtures, 'seed.gbk.txt')), /UTF-8/],
];

for (const [encoding, name, bytes, mentions] of foreignEncodings) {
  test(`a ${encoding} file gets a message saying it is not UTF-8`, async ({ page }) => {
    if (name === 'seed-gbk.txt') {
      // The fixture really is the seed in GBK (Node's TextDecoder knows GBK).
      expect(new TextDecoder('gbk').decode(bytes)).toBe(seed);
    }
    await open(page);
    await dropFile(page, name, bytes);
    // The contract names no hook for a file that cannot be decoded: the message may be
    // the unreadable state or a notice of its own (data-state="notice").
    const message = page.locator('[data-state="unreadable"], [data-state="notice"]');
    await expect(message).toBeVisible();
    await expect(message).toContainText('UTF-8');
    await expect(message).toContainText(mentions);
    // Nothing half-read is reported as if it were the table.
    await expect(page.locator('[data-problem]')).toHaveCount(0);
    await expect(summary(page, 'projects').filter({ hasText: /^\s*24\s*$/ })).toHaveCount(0);
  });
}
