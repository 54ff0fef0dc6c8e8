// 分享链接: the table travels in the URL fragment (#t=…, never sent to the host), so a
// colleague who opens the link sees the same report with no server of ours. A link
// cut short in a chat app, altered by hand or crafted to exhaust memory gives a
// message, and the page goes on working.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import {
  test, expect, seed, open, paste, input, summary, pageProblems, keys, expectSeedReport, editCell, shareFragment, watch,
} from './support.mjs';
import { rootURL } from './servers.mjs';

const shareButton = (page) => page.locator('[data-action="share"]');
const shareLink = (page) => page.locator('input[data-share-link]');
const exportStatus = (page) => page.locator('[data-export-status]');
const notice = (page) => page.locator('[data-state="notice"]');

// The table a fragment carries, decoded in node as a second, independent reader.
const unpack = (fragment) => zlib.inflateRawSync(Buffer.from(fragment.replace(/^#?t=/, ''), 'base64url')).toString('utf8');

test.describe('with the clipboard', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('sharing the seed makes a link that shows the same report in a fresh browser', async ({ page, browser }) => {
    await open(page);
    await paste(page, seed);
    await expectSeedReport(page);
    const before = keys(await pageProblems(page));
    await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
    const entries = await page.evaluate(() => history.length);

    await shareButton(page).click();
    await expect(shareLink(page)).toHaveValue(/#t=/);
    const link = await shareLink(page).inputValue();
    const url = new URL(link);
    // The table is in the fragment only: the query and path are the page's own.
    expect(`${url.origin}${url.pathname}${url.search}`).toBe(rootURL);
    expect(url.hash.length, 'a link for the seed fits the 32 000-character limit').toBeLessThanOrEqual(32_001);
    expect(unpack(url.hash), 'the fragment carries exactly the pasted text').toBe(seed);
    // replaceState: the address bar is the link, and the back button does not step through tables.
    expect(page.url()).toBe(link);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    // Copied for pasting into a chat, with a word that it was.
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await expect(exportStatus(page)).toContainText('已复制');

    // A colleague's browser: nothing stored, nothing shared with this context.
    const other = await browser.newContext();
    const colleague = await other.newPage();
    const verify = watch(colleague);
    await colleague.goto(link);
    await expect(input(colleague)).toHaveValue(seed);
    await expectSeedReport(colleague);
    await expect.poll(async () => keys(await pageProblems(colleague)), { message: '(rule, cell, indicator) after the link' })
      .toEqual(before);
    await expect(notice(colleague)).toHaveCount(0);
    await verify();
    await other.close();
  });
});

test('a table too large for a link says so and points to the export instead', async ({ page }) => {
  // 60 000 random hex digits in one goal cell: they compress to about 30 000 bytes,
  // 40 000 base64 characters, beyond the 32 000 a link may carry. The table stays
  // readable, so the share button is there.
  const big = editCell(seed, 12, 5, `通过出国交流。${crypto.randomBytes(30_000).toString('hex')}`);
  expect(shareFragment(big).length).toBeGreaterThan(32_000);
  await open(page);
  await paste(page, big);
  await expect(summary(page, 'projects')).toHaveText('24');

  await shareButton(page).click();
  await expect(exportStatus(page)).toContainText('表格太大');
  await expect(exportStatus(page)).toContainText('32000');
  await expect(exportStatus(page)).toContainText('导出');
  await expect(shareLink(page)).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('');
});

// Fragments that start like a link of ours but cannot be one.
const half = shareFragment(seed).slice(0, Math.floor(shareFragment(seed).length / 2));
const damaged = [
  ['garbage after t=', 't=!!!this-is-not-base64!!!'],
  ['half of a real link', half],
  ['a real link with its last character dropped', shareFragment(seed).slice(0, -1)],
  ['nothing after t=', 't='],
  // Valid base64 and valid deflate, but the bytes are not UTF-8 text.
  ['a deflated non-UTF-8 blob', shareFragment(Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xa0, 0xa1]))],
  // The zlib format (with header and checksum) instead of raw deflate.
  ['a zlib stream instead of raw deflate', `t=${zlib.deflateSync(Buffer.from(seed)).toString('base64url')}`],
];

for (const [name, fragment] of damaged) {
  test(`a damaged link (${name}) gives a message and the page keeps working`, async ({ page }) => {
    await open(page, `/#${fragment}`);
    await expect(notice(page)).toBeVisible();
    await expect(notice(page)).toContainText('分享链接');
    await expect(input(page)).toHaveValue('');
    // The same message in English, from the toggle.
    await page.locator('[data-action="lang"]').click();
    await expect(notice(page)).toContainText(/link/i);
    await expect(notice(page)).not.toContainText('分享链接');
    await page.locator('[data-action="lang"]').click();
    // Still a working page: the sample loads and the message gives way to the report.
    await page.locator('[data-action="sample"]').click();
    await expectSeedReport(page);
    await expect(notice(page)).toHaveCount(0);
  });
}

test('a deflate bomb (64 MB of zeros in a small link) is refused quickly', async ({ page }) => {
  const fragment = `t=${zlib.deflateRawSync(Buffer.alloc(64 << 20), { level: 9 }).toString('base64url')}`;
  expect(fragment.length).toBeLessThan(120_000);
  const started = Date.now();
  await open(page, `/#${fragment}`);
  await expect(notice(page)).toBeVisible();
  // Bounded decoding stops at the 8 MB limit; unbounded it would build 64 MB of text
  // and a 64-million-character table, which takes far longer than this.
  expect(Date.now() - started, 'milliseconds until the refusal showed').toBeLessThan(10_000);
  await expect(notice(page)).toContainText('分享链接');
  await expect(notice(page)).toContainText('8 MB');
  await expect(input(page)).toHaveValue('');
  await page.locator('[data-action="sample"]').click();
  await expectSeedReport(page);
});

test('a fragment that is not a link of ours is left alone', async ({ page }) => {
  await open(page, '/#section-2');
  await expect(page.locator('[data-state="empty"]')).toBeVisible();
  await expect(notice(page)).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe('#section-2');

  // With a table kept from last time, the same address opens that table.
  await paste(page, seed);
  await expectSeedReport(page);
  await page.reload();
  await expect(input(page)).toHaveValue(seed);
  await expectSeedReport(page);
  await expect(notice(page)).toHaveCount(0);
});
