// The native checker, for specs that compare the page with it: the page and the CLI
// run the same core, so for the same text they must report the same findings and the
// same help. JIXIAO_LINT=/path/to/jixiao-lint uses that binary instead of building one.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = process.env.JIXIAO_LINT || path.join(repo, 'target', 'release', 'jixiao-lint');

// Builds target/release/jixiao-lint from the current sources. A stale binary would
// compare the page with yesterday's rules, so build even when the file exists; cargo
// makes that a no-op when nothing changed. Call it from a beforeAll with a long timeout:
// a first release build takes minutes on two cores.
export function buildCli() {
  if (process.env.JIXIAO_LINT) return;
  const result = spawnSync('cargo', ['build', '--quiet', '--release', '--bin', 'jixiao-lint'], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`cargo build --release --bin jixiao-lint failed (${result.status ?? result.error}):\n${result.stderr}`);
  }
}

function run(args, input) {
  const result = spawnSync(binary, args, { input, maxBuffer: 256 << 20 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') };
}

// `jixiao-lint check --format json -` on text or bytes: the file entry of its JSON
// ({ layout, summary, diagnostics } or { error } when the input could not be read).
export function check(input) {
  const { status, stdout, stderr } = run(['check', '--format', 'json', '-'], input);
  // 0: no error-severity finding, 1: some, 2: unreadable input. Anything else is a crash.
  if (![0, 1, 2].includes(status)) throw new Error(`jixiao-lint check exited ${status}:\n${stderr}`);
  return JSON.parse(stdout).files[0];
}

// `jixiao-lint explain RULE --lang zh|en`, split into its parts:
// { title, sections: [[heading, body], …] } with headings such as 检查内容 / What it checks.
export function explain(rule, lang) {
  const { status, stdout, stderr } = run(['explain', rule, '--lang', lang]);
  if (status !== 0) throw new Error(`jixiao-lint explain ${rule} exited ${status}:\n${stderr}`);
  const [head, ...blocks] = stdout.trim().split(/\n\s*\n/);
  // "amount-unit-subtotal (错误): 单位小计与所列项目合计不符"
  const title = head.slice(head.indexOf(': ') + 2).trim();
  const sections = blocks.map((block) => {
    const [heading, ...body] = block.split('\n');
    return [heading.replace(/[:：]\s*$/, '').trim(), body.map((line) => line.trim()).join('\n')];
  });
  return { title, sections };
}
