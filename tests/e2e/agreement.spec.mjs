// The page and the CLI run the same core: for the same text they must report the same
// findings — the same multiset of (rule, cell, indicator), the same summary and the
// same wording. This is how the reviewer checks the page: paste the seed and
// edits of it, and compare with `jixiao-lint check`.
import fs from 'node:fs';
import path from 'node:path';
import {
  test, expect, seed, seedBytes, fixtures, open, paste, summary, pageProblems, keys, key, dropFile, editCell, replaceOnce,
} from './support.mjs';
import { buildCli, check } from './cli.mjs';

test.beforeAll(() => {
  test.setTimeout(15 * 60_000); // a first release build of the CLI takes minutes
  buildCli();
});

// Each variant is one edit a 财政局 reviewer might make, and each changes the CLI's
// findings (see the comments) — otherwise agreeing on it would prove nothing new.
const pasted = [
  ['the seed', seed],
  // amount-grand-total and amount-row-sum at B10
  ['the 合计 one 万元 short', replaceOnce(seed, '合计\t13,931.00', '合计\t13,930.00')],
  // goal-missing at F12 instead of goal-unquantified
  ['a blank goal', editCell(seed, 12, 5, '')],
  // cost-exceeds-budget at G34 #3 goes away (both the period and the annual value)
  ['the 400万元 cost cut to 290万元', seed.replaceAll('400万元', '290万元')],
  // column-missing at row 9: a finding with no column, so its cell is "9"
  ['the 财政专户拨款 column unnamed', replaceOnce(seed, '\t财政专户拨款\t', '\t\t')],
  // code-unknown at G12 #1
  ['an unknown 二级 code', replaceOnce(seed, '2-效益指标, 22-社会效益, 政务服务水平', '2-效益指标, 25-社会效益, 政务服务水平')],
  // row-unrecognized at A20
  ['a lone name in a blank row', editCell(seed, 20, 0, '只有名称的一行')],
  // quote-unbalanced at row 12 (cell "12"): the quote is read as text instead of swallowing the rest
  ['an unbalanced quote', replaceOnce(seed, '\n工作经费\t', '\n"工作经费\t')],
  // two tables one after the other: the second header is a row like any other
  ['the table twice', `${seed}\n${seed}`],
  // no finding at all
  ['a clean table', fs.readFileSync(path.join(fixtures, 'clean.txt'), 'utf8')],
];

// Compares what the page shows for the current input with the CLI's JSON for it.
async function expectAgreement(page, cli, { messages = 'message' } = {}) {
  expect(cli.error, 'the CLI could read this input').toBeUndefined();
  // The summary first: once it matches, the page has rendered this input, not the last one.
  for (const field of ['units', 'projects', 'indicators', 'errors', 'warnings', 'infos']) {
    await expect(summary(page, field), `summary ${field}`).toHaveText(String(cli.summary[field]));
  }
  if (cli.summary.department) await expect(summary(page, 'department')).toHaveText(cli.summary.department);

  // Retried until it matches, so a report still rendering is not a failure; on a real
  // disagreement the diff names the findings only one side has.
  await expect.poll(async () => keys(await pageProblems(page)), { message: '(rule, cell, indicator) page vs CLI' })
    .toEqual(keys(cli.diagnostics));

  // Each finding's text holds the CLI's message for it (in the page's language).
  const squash = (text) => text.replace(/\s+/g, ' ').trim();
  const shown = await pageProblems(page);
  const unmatched = cli.diagnostics
    .filter((d) => !shown.some((p) => key(p) === key(d) && squash(p.text).includes(squash(d[messages]))))
    .map((d) => `${key(d)}: ${d[messages]}`);
  expect(unmatched, `findings whose page text lacks the CLI's ${messages}`).toEqual([]);

  // And each finding's severity.
  const severities = (list) => list.map((d) => `${key(d)} ${d.severity}`).sort();
  expect(severities(shown)).toEqual(severities(cli.diagnostics));
}

// Every real form of other provinces (tests/forms.rs states their findings).
const formsDir = path.join(fixtures, 'forms');
for (const file of fs.readdirSync(formsDir).filter((f) => f.endsWith('.txt')).sort()) {
  pasted.push([`the form ${file}`, fs.readFileSync(path.join(formsDir, file), 'utf8')]);
}

for (const [name, text] of pasted) {
  test(`pasted: ${name} — the page reports what the CLI reports`, async ({ page }) => {
    const cli = check(text);
    await open(page);
    await paste(page, text);
    await expectAgreement(page, cli);
  });
}

test('pasted: the seed in English — every message is the CLI\'s message_en', async ({ page }) => {
  await open(page);
  await page.locator('[data-action="lang"]').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await paste(page, seed);
  await expectAgreement(page, check(seed), { messages: 'message_en' });
});

// A dropped file reaches the core as bytes, which the paste area never sees: a BOM and
// CRLF line ends (what Excel writes) must not change anything.
const dropped = [
  ['the seed', seedBytes],
  ['the seed with a BOM and CRLF line ends', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(seed.replaceAll('\n', '\r\n'))])],
  ['the seed comma-separated, every cell quoted', Buffer.from(seed.split('\n').map((line) => line.split('\t').map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n'))],
];

for (const [name, bytes] of dropped) {
  test(`dropped: ${name} — the page reports what the CLI reports`, async ({ page }) => {
    const cli = check(bytes);
    await open(page);
    await dropFile(page, 'table.txt', bytes);
    await expectAgreement(page, cli);
  });
}
