//! Whatever arrives, the checker answers and never panics (a panic in wasm
//! kills the page): random bytes, random edits of the seed, and hostile shapes.

mod common;
use common::{report, seed};
use jixiao_lint::{check_bytes, Config};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = check_bytes(&bytes, &Config::default());
        let _ = jixiao_lint::check_file(&bytes, &Config::default());
    }

    #[test]
    fn random_text_with_table_characters_never_panics(text in "[\t\n\r\",，;；:：、0-9.%\\-<>/p一二两人次个率满意实施周期指标值年度合计单位万元]{0,400}") {
        let _ = report(&text);
    }

    /// Deletes, duplicates or inserts a few slices of the seed at random places.
    #[test]
    fn random_edits_of_the_seed_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0u8..3, "[\t\n\"、;,:0-9]{0,3}"), 1..8)
    ) {
        let mut text: Vec<char> = seed().chars().collect();
        for (a, b, kind, insert) in edits {
            if text.is_empty() { break; }
            let (x, y) = (a.index(text.len()), b.index(text.len()));
            let (start, end) = (x.min(y), x.max(y).min(x.min(y) + 200));
            match kind {
                0 => { text.drain(start..end); }
                1 => { let slice: Vec<char> = text[start..end].to_vec(); text.splice(start..start, slice); }
                _ => { text.splice(start..start, insert.chars()); }
            }
        }
        let text: String = text.into_iter().collect();
        let _ = report(&text);
        prop_assert_eq!(unaccounted_rows(&text), Vec::<u32>::new());
    }
}

/// Rows after the header that are neither total, unit, project, repeated
/// header nor reported as unrecognised: must always be none.
fn unaccounted_rows(text: &str) -> Vec<u32> {
    let grid = jixiao_lint::input::read_text(text);
    let sheet = jixiao_lint::layout::read_sheet(&grid, &[]);
    let Some(header) = &sheet.header else {
        return Vec::new();
    };
    let mut accounted: Vec<u32> = sheet.total.iter().map(|l| l.row).collect();
    accounted.extend(sheet.unit_lines().map(|l| l.row));
    accounted.extend(sheet.projects().map(|p| p.line.row));
    accounted.extend(sheet.unrecognized.iter().map(|u| u.row));
    accounted.extend(&sheet.repeated_headers);
    grid.rows
        .iter()
        .map(|r| r.number)
        .filter(|n| *n > header.row && !accounted.contains(n))
        .collect()
}

#[test]
fn every_row_of_the_seed_is_accounted_for() {
    assert_eq!(unaccounted_rows(&seed()), Vec::<u32>::new());
    let rows = jixiao_lint::input::read_text(&seed()).rows.len();
    assert_eq!(
        rows,
        3 + 1 + 1 + 2 + 24,
        "preamble, header, total, units, projects"
    );
}

#[test]
fn hostile_shapes_get_an_answer() {
    let wide = "a\t".repeat(100_000);
    let long_line = "项目".repeat(500_000);
    let nested = format!("{}x{}", "<p>".repeat(10_000), "</p>".repeat(10_000));
    let unbalanced = format!(
        "项目名称\t总计\t绩效目标\t绩效指标\n\"{}",
        "行\t1\n".repeat(1000)
    );
    for text in [
        wide.as_str(),
        long_line.as_str(),
        nested.as_str(),
        unbalanced.as_str(),
        "\0\0\0",
        "\"",
        "\t\t\n\n\r\r",
        "",
    ] {
        let _ = report(text);
    }
    assert!(check_bytes(b"\xff\xfe\x00", &Config::default()).is_err());
    let unbalanced = report(&unbalanced);
    assert!(unbalanced
        .diagnostics
        .iter()
        .any(|d| d.rule == "quote-unbalanced"));
}

#[test]
fn unreadable_input_is_reported_not_dropped() {
    let no_header = report("随便一段文字\n另一行");
    assert_eq!(
        no_header
            .diagnostics
            .iter()
            .map(|d| (d.rule, d.row))
            .collect::<Vec<_>>(),
        vec![("header-missing", 1)]
    );
    let empty = report("\n\n  \n");
    assert!(empty.diagnostics.is_empty() && empty.layout.is_none());
}
