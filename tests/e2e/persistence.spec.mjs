// The last input survives a reload (localStorage key jixiao-input), and 清空 forgets
// it: a reviewer who closes the tab by mistake finds the table again, and one who
// is done can leave nothing behind on a shared computer. Only the user's own
// action replaces it: a shared link is shown beside it, and a table too large to
// keep leaves it as it was.
import { test, expect, seed, open, paste, input, summary, problem, expectSeedReport, replaceOnce, shareFragment, dropFile } from './support.mjs';

const KEY = 'jixiao-input';

// The seed grown to about `bytes` by repeating its project rows.
function grown(bytes) {
  const rows = seed.split('\n').slice(11, 40).join('\n');
  return seed + `\n${rows}`.repeat(Math.ceil(bytes / rows.length));
}
const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

test('a reload keeps the pasted table and its report', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await expect.poll(() => stored(page)).toBe(seed);

  await page.reload();
  await expect(input(page)).toHaveValue(seed);
  await expectSeedReport(page);
});

test('an edit is kept too, not only the first paste', async ({ page }) => {
  const edited = replaceOnce(seed, '合计\t13,931.00', '合计\t13,930.00');
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await paste(page, edited);
  await expect(problem(page, 'amount-grand-total', 'B10')).toHaveCount(1);
  await expect.poll(() => stored(page)).toBe(edited);

  await page.reload();
  await expect(input(page)).toHaveValue(edited);
  await expect(problem(page, 'amount-grand-total', 'B10')).toHaveCount(1);
  await expect(summary(page, 'errors')).toHaveText('7');
});

test('清空 empties the page and removes the stored table, so a reload stays empty', async ({ page }) => {
  await open(page);
  await paste(page, seed);
  await expect.poll(() => stored(page)).toBe(seed);

  await page.locator('[data-action="clear"]').click();
  await expect(input(page)).toHaveValue('');
  // Removed, not left as an empty string: nothing of the table stays in the browser.
  await expect.poll(() => page.evaluate((key) => Object.keys(localStorage).includes(key), KEY)).toBe(false);

  await page.reload();
  await expect(input(page)).toHaveValue('');
  await expect(page.locator('[data-state="empty"]')).toBeVisible();
  await expect(page.locator('[data-problem]')).toHaveCount(0);
});

test('a shared link is shown, but the table kept from last time stays kept, and can be opened', async ({ page }) => {
  const other = replaceOnce(seed, '合计\t13,931.00', '合计\t13,930.00');
  await open(page);
  await paste(page, seed);
  await expect.poll(() => stored(page)).toBe(seed);

  await page.goto(`/#${shareFragment(other)}`);
  // A hash-only change does not reload the page; the link is read when the page starts.
  await page.reload();
  await expect(input(page)).toHaveValue(other);
  await expect(problem(page, 'amount-grand-total', 'B10')).toHaveCount(1);
  // The user's own table was not replaced, and the page says so.
  expect(await stored(page)).toBe(seed);
  const kept = page.locator('[data-state="link-kept"]');
  await expect(kept).toContainText('本机保存的表格没有被替换');
  await kept.locator('[data-action="open-kept"]').click();
  await expect(input(page)).toHaveValue(seed);
  await expectSeedReport(page);
  await expect(kept).toHaveCount(0);
  // The link left the address bar: a reload opens the user's table, not the link's.
  expect(new URL(page.url()).hash).toBe('');
  await page.reload();
  await expect(input(page)).toHaveValue(seed);
});

test('a table loaded after opening a link replaces the link, not silently the other way round', async ({ page }) => {
  const other = replaceOnce(seed, '合计\t13,931.00', '合计\t13,930.00');
  await open(page, `/#${shareFragment(other)}`);
  await expect(problem(page, 'amount-grand-total', 'B10')).toHaveCount(1);
  // Nothing was kept before: the link's table is shown and nothing is stored for it.
  await expect(page.locator('[data-state="link-kept"]')).toHaveCount(0);
  expect(await stored(page)).toBe(null);
  // The user edits it: now it is theirs, kept, and the link is gone from the address.
  await paste(page, seed);
  await expectSeedReport(page);
  await expect.poll(() => stored(page)).toBe(seed);
  expect(new URL(page.url()).hash).toBe('');
});

test('清空 removes the link from the address too, so a reload does not bring the table back', async ({ page }) => {
  await open(page, `/#${shareFragment(seed)}`);
  await expectSeedReport(page);
  await page.locator('[data-action="clear"]').click();
  await expect(input(page)).toHaveValue('');
  expect(new URL(page.url()).hash).toBe('');
  await page.reload();
  await expect(input(page)).toHaveValue('');
  await expect(page.locator('[data-state="empty"]')).toBeVisible();
  expect(await stored(page)).toBe(null);
});

test('a large table, even one whose check is cancelled, does not erase the kept table', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await paste(page, seed);
  await expect.poll(() => stored(page)).toBe(seed);
  // 2 MB: over the paste area's limit, so it is neither shown there nor kept.
  await dropFile(page, 'large.txt', Buffer.from(grown(2_000_000)));
  await expect(page.locator('[data-state="large"]')).toBeVisible({ timeout: 60_000 });
  expect(await stored(page)).toBe(seed);
  // A 30 MB file whose check is cancelled leaves it too.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'huge.txt'));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, grown(30_000_000));
  await page.locator('[data-action="cancel"]').click({ timeout: 60_000 });
  await expect(page.locator('[data-state="notice"]')).toContainText('检查已取消');
  expect(await stored(page)).toBe(seed);
  await page.reload();
  await expect(input(page)).toHaveValue(seed);
});

test('a 7 MB link does not delete the kept table', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await paste(page, seed);
  await expect.poll(() => stored(page)).toBe(seed);
  await page.goto(`/#${shareFragment(grown(7_000_000))}`);
  await page.reload();
  await expect(page.locator('[data-summary="projects"], [data-state="notice"]').first()).toBeVisible({ timeout: 60_000 });
  expect(await stored(page)).toBe(seed);
});
