//! Helpers shared by the integration tests: the seed table, edits of it, and
//! findings in a compact `(rule, cell, indicator)` form.
#![allow(dead_code)]

use jixiao_lint::{check_text, Config, Report};
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The real table from Guangzhou Panyu that the product must understand.
pub fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/seed.txt"
    ))
    .unwrap()
}

/// A fixture table as text (tests/fixtures/NAME).
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

pub fn report(text: &str) -> Report {
    check_text(text, &Config::default())
}

/// A finding as the tests state it: rule id, cell (`B11`), indicator number.
pub type Finding = (&'static str, String, Option<u32>);

pub fn findings(text: &str) -> Vec<Finding> {
    report(text)
        .diagnostics
        .into_iter()
        .map(|d| (d.rule, d.cell(), d.indicator))
        .collect()
}

/// Applies `(from, to)` replacements, each of which must match exactly once so
/// that a test never edits something other than what it says.
pub fn edit(text: &str, replacements: &[(&str, &str)]) -> String {
    let mut text = text.to_owned();
    for (from, to) in replacements {
        let count = text.matches(from).count();
        assert_eq!(
            count, 1,
            "{from:?} should occur once in the table, occurs {count} times"
        );
        text = text.replacen(from, to, 1);
    }
    text
}

/// Findings of `variant` that the seed does not have, and the seed's findings
/// that `variant` lost, as multisets.
pub fn diff(base: &[Finding], variant: &[Finding]) -> (Vec<Finding>, Vec<Finding>) {
    let mut added = variant.to_vec();
    let mut removed = Vec::new();
    for finding in base {
        match added.iter().position(|f| f == finding) {
            Some(i) => {
                added.remove(i);
            }
            None => removed.push(finding.clone()),
        }
    }
    (added, removed)
}

/// `("rule", "B11", Some(3))` from `("rule", "B11", 3)`; 0 means no indicator.
pub fn f(rule: &'static str, cell: &str, indicator: u32) -> Finding {
    (rule, cell.to_owned(), (indicator > 0).then_some(indicator))
}

/// Runs the `jixiao-lint` binary with `args`, `stdin` on its standard input.
pub fn cli(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao-lint"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    // The CLI may stop reading an oversized stdin early: a broken pipe is fine.
    let _ = input.write_all(stdin);
    drop(input);
    child.wait_with_output().unwrap()
}
