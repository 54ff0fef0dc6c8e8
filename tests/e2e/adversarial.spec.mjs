// The adversarial set: inputs built to break a checker — one million columns, a
// 100 MB single line, unbalanced quotes, deeply nested markup, NUL bytes, invalid
// UTF-8. Each gets a report or a clear message, never a panic, an out-of-memory or a
// dead worker, and the page goes on working. The inputs are made inside the page
// (a File or a clipboard event), as a user's drop or paste would bring them.
// support.mjs fails every test on a page error, a panic or #fatal.
import { test, expect, seed, seedBytes, open, expectSeedReport, paste, dropFile } from './support.mjs';

// The message the page gives when its worker could not answer (it died).
const WORKER_FAILED = /后台组件/;

// Drops a file built in the page by `make` (a function body returning a BlobPart).
async function dropBuilt(page, name, make) {
  await page.evaluate(
    ({ name, make }) => {
      const part = new Function(make)();
      const data = new DataTransfer();
      data.items.add(new File([part], name));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    { name, make },
  );
}

// Pastes clipboard data built in the page by `make` (returns {plain, html}).
async function pasteBuilt(page, make) {
  await page.evaluate((make) => {
    const { plain, html } = new Function(make)();
    const data = new DataTransfer();
    data.setData('text/plain', plain);
    if (html) data.setData('text/html', html);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, make);
}

const unreadable = (page) => page.locator('[data-state="unreadable"]');
const reportOrMessage = (page) => page.locator('[data-summary="projects"], [data-state="unreadable"]').first();

async function expectStillWorking(page) {
  await expect(page.locator('[data-state="notice"]').filter({ hasText: WORKER_FAILED })).toHaveCount(0);
  await paste(page, seed);
  await expectSeedReport(page);
}

test('one million columns: the header is not found, and the page says which one it needs', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await dropBuilt(page, 'columns.txt', "return 'x\\t'.repeat(1000000) + 'x';");
  await expect(unreadable(page)).toBeVisible({ timeout: 60_000 });
  await expect(unreadable(page)).toContainText('项目名称');
  await expectStillWorking(page);
});

test('a 100 MB single line: read, not understood, said so', async ({ page }) => {
  test.setTimeout(180_000);
  await open(page);
  await dropBuilt(page, 'line.txt', "return 'x'.repeat(100000000);");
  await expect(unreadable(page)).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('[data-state="large"]')).toContainText('100.0 MB');
  await expectStillWorking(page);
});

test('an unbalanced quote: the rows after it are not swallowed, and the quote is reported', async ({ page }) => {
  await open(page);
  await paste(page, seed.replace('工作经费', '"工作经费'));
  await expect(page.locator('[data-problem][data-rule="quote-unbalanced"]')).toHaveCount(1);
  await expect(page.locator('[data-summary="projects"]')).toHaveText('24');
  await expectStillWorking(page);
});

test('deeply nested markup on the clipboard: 100 000 nested tables and a span bomb', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await pasteBuilt(
    page,
    "return { plain: 'x', html: '<table><tr><td>'.repeat(100000) + 'x' + '</td></tr></table>'.repeat(100000) };",
  );
  await expect(reportOrMessage(page)).toBeVisible({ timeout: 60_000 });
  // Spans that would fill more than 4 million cells: refused with a message.
  await pasteBuilt(
    page,
    "return { plain: 'y', html: '<table>' + '<tr><td rowspan=1000 colspan=1000>x</td></tr>'.repeat(5000) + '</table>' };",
  );
  await expect(page.locator('[data-state="notice"]')).toContainText('合并单元格展开后超过', { timeout: 60_000 });
  await expectStillWorking(page);
});

test('NUL bytes: a file of them, and the seed with NULs inside its cells', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  await dropBuilt(page, 'nul.txt', "return '\\u0000'.repeat(2000000);");
  await expect(reportOrMessage(page)).toBeVisible({ timeout: 60_000 });
  await paste(page, seed.replaceAll('万元', '万\u0000元'));
  await expect(page.locator('[data-summary="projects"]')).toHaveText('24');
  await expectStillWorking(page);
});

test('invalid UTF-8: random bytes and a seed with a broken byte are read or refused with a reason', async ({ page }) => {
  test.setTimeout(120_000);
  await open(page);
  // Bytes that are no text in any encoding the page reads as such.
  await dropBuilt(
    page,
    'random.txt',
    'const b = new Uint8Array(3000000); let x = 7; for (let i = 0; i < b.length; i++) { x = (x * 1103515245 + 12345) >>> 0; b[i] = x >>> 24; } return b;',
  );
  await expect(reportOrMessage(page).or(page.locator('[data-state="notice"]'))).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-state="notice"]').filter({ hasText: WORKER_FAILED })).toHaveCount(0);
  // The seed with one byte that can be neither UTF-8 nor GB18030: refused, with the
  // encodings it tried.
  await dropFile(page, 'broken.txt', Buffer.concat([seedBytes, Buffer.from([0xff])]));
  await expect(page.locator('[data-state="notice"]')).toContainText('broken.txt：无法读取');
  await expect(page.locator('[data-state="notice"]')).toContainText('GB18030');
  // Text that is GB18030 but no table: the page says how it read it, next to why
  // nothing was understood (an encoding guessed wrong shows here).
  await dropFile(page, 'hello.txt', Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0xca, 0xc0, 0xbd, 0xe7])); // 你好世界 in GBK
  await expect(unreadable(page)).toBeVisible();
  await expect(unreadable(page).locator('[data-summary="source"]')).toContainText('GB18030');
  await expectStillWorking(page);
});
