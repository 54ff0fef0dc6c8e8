// A table copied from a web page or WPS arrives as HTML as well as plain text.
// When a cell holds a line break, the plain text breaks its row in two; the
// HTML keeps it. The page must read the HTML then, and report what the CLI
// reports for the same table — and nothing of the HTML may become markup.
import { test, expect, seed, open, summary, pageProblems, keys, input } from './support.mjs';
import { buildCli, check } from './cli.mjs';

test.beforeAll(() => {
  test.setTimeout(15 * 60_000);
  buildCli();
});

const goal = '通过出国（境）对政务服务、电子政务的考察，提升我区的数字政府建设及政务服务的工作';
const [first, second] = ['通过出国（境）对政务服务、电子政务的考察，', '提升我区的数字政府建设及政务服务的工作'];

// The seed with a line break inside one goal, as a spreadsheet would quote it.
const quoted = seed.replace(`\t${goal}\t`, `\t"${first}\n${second}"\t`);
// What a browser puts on the clipboard as plain text: the break unquoted.
const lossy = seed.replace(`\t${goal}\t`, `\t${first}\n${second}\t`);

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const html = '<html><head><style>td{mso-number-format:"@"}</style></head><body><table>' +
  seed.split('\n').map((line) => '<tr>' + line.split('\t').map((cell) =>
    `<td>${cell === goal ? `${escape(first)}<br>${escape(second)}` : escape(cell)}</td>`).join('') + '</tr>').join('\n') +
  '<tr><td><img src=x onerror="window.__pwned=1"></td></tr></table></body></html>';

async function pasteClipboard(page, focusTextarea) {
  if (focusTextarea) await input(page).focus();
  await page.evaluate(({ text, markup, focused }) => {
    if (!focused) document.activeElement?.blur();
    const data = new DataTransfer();
    data.setData('text/plain', text);
    data.setData('text/html', markup);
    const target = focused ? document.activeElement : document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, { text: lossy, markup: html, focused: focusTextarea });
}

for (const [where, focused] of [['with nothing focused', false], ['into the paste area', true]]) {
  test(`HTML on the clipboard is read with its line breaks, ${where}`, async ({ page }) => {
    const cli = check(quoted);
    // The plain text alone would lose a row: the CLI sees the difference.
    expect(keys(check(lossy).diagnostics)).not.toEqual(keys(cli.diagnostics));
    await open(page);
    await pasteClipboard(page, focused);
    await expect(summary(page, 'projects')).toHaveText('24');
    await expect(page.locator('[data-problem]')).toHaveCount(cli.diagnostics.length);
    expect(keys(await pageProblems(page))).toEqual(keys(cli.diagnostics));
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
  });
}
