// House rules (规则配置): the settings panel turns a rule off, changes a severity or a
// threshold, and the report follows, changing exactly the findings it should; the
// summary names the profile in force; it is kept after a reload, downloads as
// jixiao.toml (which the CLI reads to the same findings) and loads from one, a wrong
// file being refused with its line named.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { test, expect, seed, open, paste, summary, problem, pageProblems, keys, key, expectSeedReport } from './support.mjs';
import { buildCli } from './cli.mjs';

test.beforeAll(() => {
  test.setTimeout(15 * 60_000); // a first release build of the CLI takes minutes
  buildCli();
});

const panel = (page) => page.locator('section.settings');
const status = (page) => page.locator('[data-settings-status]');
const profileState = (page) => page.locator('[data-profile-state]');

async function seedWithPanel(page) {
  await open(page);
  await paste(page, seed);
  await expectSeedReport(page);
  await page.locator('[data-action="settings"]').click();
  await expect(page.locator('[data-rule-setting="value-vague"]')).toBeVisible();
  await expect(profileState(page)).toHaveAttribute('data-profile-state', 'default');
  return pageProblems(page);
}

test('turning a rule off removes exactly its findings, and the summary says so', async ({ page }) => {
  const before = await seedWithPanel(page);
  await expect(summary(page, 'profile')).toHaveCount(0);
  await page.locator('[data-rule-setting="value-vague"]').selectOption('off');
  await expect(page.locator('[data-problem][data-rule="value-vague"]')).toHaveCount(0);
  const after = await pageProblems(page);
  expect(keys(after)).toEqual(keys(before.filter((p) => p.rule !== 'value-vague')));
  await expect(summary(page, 'profile')).toHaveText('value-vague：关闭');
  await expect(profileState(page)).toHaveAttribute('data-profile-state', 'custom');
  await expect(profileState(page)).toContainText('value-vague：关闭');
  // Back to the defaults: the seed's report again.
  await page.locator('[data-action="profile-reset"]').click();
  await expectSeedReport(page);
  await expect(summary(page, 'profile')).toHaveCount(0);
  expect(keys(await pageProblems(page))).toEqual(keys(before));
});

test('a severity change moves its findings and the counts, nothing else', async ({ page }) => {
  const before = await seedWithPanel(page);
  await page.locator('[data-rule-setting="amount-unit-subtotal"]').selectOption('warning');
  await expect(summary(page, 'errors')).toHaveText('3');
  await expect(summary(page, 'warnings')).toHaveText('54');
  await expect(problem(page, 'amount-unit-subtotal', 'B11')).toHaveAttribute('data-severity', 'warning');
  const after = await pageProblems(page);
  expect(keys(after)).toEqual(keys(before));
  for (const p of after) {
    const was = before.find((b) => key(b) === key(p));
    expect(p.severity, key(p)).toBe(p.rule === 'amount-unit-subtotal' ? 'warning' : was.severity);
  }
  await expect(summary(page, 'profile')).toHaveText('amount-unit-subtotal：警告（默认 错误）');
});

test('a threshold adds exactly the findings under it; a wrong value says why', async ({ page }) => {
  const before = await seedWithPanel(page);
  const floor = page.locator('[data-threshold="satisfaction-floor"]');
  await floor.fill('95');
  await floor.blur();
  await expect(problem(page, 'satisfaction-low', 'G19')).toHaveCount(1);
  const after = await pageProblems(page);
  const added = keys(after).filter((k) => !keys(before).includes(k));
  expect(added).toEqual(['satisfaction-low G19 1', 'satisfaction-low G27 4']);
  expect(after).toHaveLength(before.length + 2);
  await expect(summary(page, 'profile')).toContainText('满意度下限（satisfaction-low）：95 %（默认 85 %）');
  // The suggestion for a bare 满意 follows the floor.
  await expect(problem(page, 'satisfaction-not-numeric', 'G30').locator('[data-suggestion]')).toHaveAttribute('data-suggestion', '≥95%');

  await floor.fill('120');
  await floor.blur();
  await expect(status(page)).toContainText('satisfaction-floor 的值「120」无效');
  await expect(problem(page, 'satisfaction-low', 'G19')).toHaveCount(1);
});

test('the profile is kept after a reload', async ({ page }) => {
  await seedWithPanel(page);
  await page.locator('[data-rule-setting="value-vague"]').selectOption('off');
  await expect(page.locator('[data-problem][data-rule="value-vague"]')).toHaveCount(0);
  await page.reload();
  await expect(summary(page, 'projects')).toHaveText('24');
  await expect(summary(page, 'profile')).toHaveText('value-vague：关闭');
  await expect(page.locator('[data-problem][data-rule="value-vague"]')).toHaveCount(0);
  await expect(profileState(page)).toHaveAttribute('data-profile-state', 'custom');
});

test('the profile downloads as jixiao.toml, which the CLI and the page read alike', async ({ page, browser }) => {
  await seedWithPanel(page);
  await page.locator('[data-rule-setting="value-vague"]').selectOption('off');
  await page.locator('[data-rule-setting="goal-unquantified"]').selectOption('warning');
  await expect(summary(page, 'profile')).toContainText('goal-unquantified');
  const shown = await pageProblems(page);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-action="profile-download"]').click(),
  ]);
  expect(file.suggestedFilename()).toBe('jixiao.toml');
  const toml = fs.readFileSync(await file.path(), 'utf8');
  // Only what differs from the defaults, in the catalog's order.
  expect(toml).toContain('[rules]\ngoal-unquantified = "warning"\nvalue-vague = "off"\n');

  // The CLI finds it as ./jixiao.toml and reports what the page reports.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-profile-'));
  fs.writeFileSync(path.join(dir, 'jixiao.toml'), toml);
  const binary = process.env.JIXIAO_LINT || path.resolve('..', '..', 'target', 'release', 'jixiao-lint');
  const run = spawnSync(binary, ['check', '--format', 'json', '-'], { cwd: dir, input: seed, maxBuffer: 64 << 20 });
  const cli = JSON.parse(run.stdout.toString('utf8')).files[0];
  expect(cli.profile.map((m) => m.message)).toEqual(['goal-unquantified：警告（默认 提示）', 'value-vague：关闭']);
  expect(keys(cli.diagnostics)).toEqual(keys(shown));
  expect(cli.diagnostics.map((d) => `${key(d)} ${d.severity}`).sort()).toEqual(shown.map((p) => `${key(p)} ${p.severity}`).sort());

  // Loaded in a fresh browser, it gives the same report.
  const other = await browser.newContext();
  const colleague = await other.newPage();
  await open(colleague);
  await paste(colleague, seed);
  await expectSeedReport(colleague);
  await colleague.locator('[data-action="settings"]').click();
  await colleague.locator('[data-action="profile-file"]').setInputFiles({ name: 'jixiao.toml', mimeType: 'text/plain', buffer: Buffer.from(toml) });
  await expect(colleague.locator('[data-settings-status]')).toContainText('已载入 jixiao.toml');
  await expect(summary(colleague, 'profile')).toContainText('value-vague：关闭');
  expect(keys(await pageProblems(colleague))).toEqual(keys(shown));
  await other.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a wrong profile file is refused, naming its line, and changes nothing', async ({ page }) => {
  const before = await seedWithPanel(page);
  const bad = '[rules]\nvalue-vague = "off"\n\nno-such-rule = "off"\n';
  await page.locator('[data-action="profile-file"]').setInputFiles({ name: 'jixiao.toml', mimeType: 'text/plain', buffer: Buffer.from(bad) });
  await expect(status(page)).toContainText('jixiao.toml 有误，未载入');
  await expect(status(page)).toContainText('第 4 行：没有这条规则：no-such-rule');
  await expect(profileState(page)).toHaveAttribute('data-profile-state', 'default');
  expect(keys(await pageProblems(page))).toEqual(keys(before));
});
