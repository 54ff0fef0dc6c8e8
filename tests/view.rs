//! The view stage: what the page shows of a checked table, in slices.

mod common;

use common::{fixture, seed};
use jixiao_lint::rules::Severity;
use jixiao_lint::view::{
    from_bytes, to_bytes, CellContent, Checked, ColumnRole, Overview, Problem, RowKind, TableRow,
    COVERAGE_SHOWN, PAGE, VIRTUAL_ENTRIES,
};
use jixiao_lint::Config;

fn checked(text: &str) -> Checked {
    Checked::new(text.to_owned(), &Config::default())
}

#[test]
fn overview_of_the_seed_states_the_summary_and_problem_groups() {
    let c = checked(&seed());
    let o = &c.overview;
    assert_eq!((o.units, o.projects, o.indicators), (2, 24, 99));
    assert_eq!((o.errors, o.warnings, o.infos), (5, 52, 23));
    assert_eq!(o.unreadable, None);
    let level1: Vec<(&str, usize)> = o.level1.iter().map(|b| (b.key.as_str(), b.count)).collect();
    assert_eq!(
        level1,
        [("产出指标", 67), ("效益指标", 14), ("满意度指标", 18)]
    );
    // Groups: errors first, then warnings, then infos; all findings counted once.
    let severities: Vec<Severity> = o.groups.iter().map(|g| g.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort();
    assert_eq!(severities, sorted);
    assert_eq!(o.groups.iter().map(|g| g.count).sum::<usize>(), 80);
    let subtotal = o
        .groups
        .iter()
        .position(|g| g.rule == "amount-unit-subtotal")
        .unwrap();
    let problems = c.problems(subtotal, 0..10);
    let cells: Vec<&str> = problems.iter().map(|p| p.cell.as_str()).collect();
    assert_eq!(cells, ["B11", "C11"]);
    assert!(
        problems[0].message.zh.contains("515.00"),
        "{}",
        problems[0].message.zh
    );
}

#[test]
fn problem_slices_add_up_to_the_report_in_group_order() {
    let c = checked(&seed());
    let mut seen = 0;
    for (g, group) in c.overview.groups.iter().enumerate() {
        // Asked in two halves, past the end too: the same problems, once each.
        let half = group.count / 2;
        let mut found = c.problems(g, 0..half);
        found.extend(c.problems(g, half..group.count + 5));
        assert_eq!(found.len(), group.count);
        assert!(found
            .iter()
            .all(|p| p.rule == group.rule && p.severity == group.severity));
        seen += found.len();
    }
    assert_eq!(seen, c.report.diagnostics.len());
    assert!(c.problems(999, 0..1).is_empty());
    #[allow(clippy::reversed_empty_ranges)]
    let backwards = 7..3;
    assert!(c.problems(0, backwards).is_empty());
}

#[test]
fn rows_in_input_order_with_every_cell_finding_at_its_cell() {
    let c = checked(&seed());
    let rows = c.rows(0..usize::MAX);
    let numbers: Vec<u32> = rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers.len(), c.overview.row_count);
    assert!(numbers.windows(2).all(|w| w[0] < w[1]));
    for (index, number) in numbers.iter().enumerate() {
        assert_eq!(c.row_index(*number), Some(index));
    }
    assert_eq!(
        c.row_index(9),
        None,
        "the header row is not a row of the view"
    );
    assert_eq!(c.row_index(10_000), None);
    let kinds = |k: RowKind| rows.iter().filter(|r| r.kind == k).count();
    assert_eq!((kinds(RowKind::Unit), kinds(RowKind::Project)), (2, 24));
    assert_eq!(c.overview.head.header_row, Some(9));
    // Each column's role, and the amount columns no row fills (the page draws
    // them narrow): the seed has no 财政专户拨款 and no 其他资金.
    let columns: Vec<(&str, ColumnRole, bool)> = c
        .overview
        .head
        .columns
        .iter()
        .map(|col| (col.letter.as_str(), col.role, col.empty))
        .collect();
    use ColumnRole::{Amount, Goal, Indicators, Text};
    assert_eq!(
        columns,
        [
            ("A", Text, false),
            ("B", Amount, false),
            ("C", Amount, false),
            ("D", Amount, true),
            ("E", Amount, true),
            ("F", Goal, false),
            ("G", Indicators, false),
        ]
    );
    // Every finding about a cell of a shown row is on that cell, once.
    for d in &c.report.diagnostics {
        let Some(row) = rows.iter().find(|r| r.number == d.row) else {
            continue;
        };
        if d.column_index.is_none() {
            continue;
        }
        let on_cell: usize = row
            .cells
            .iter()
            .filter(|cell| cell.id == d.cell())
            .map(|cell| {
                cell.findings
                    .iter()
                    .filter(|f| f.rule == d.rule && f.message == *d.message)
                    .count()
            })
            .sum();
        assert_eq!(on_cell, 1, "{} at {}", d.rule, d.cell());
    }
    // The subtotal cell is an error; the cost indicator above its budget a warning.
    let cell = |id: &str| {
        rows.iter()
            .flat_map(|r| &r.cells)
            .find(|c| c.id == id)
            .unwrap()
    };
    assert_eq!(cell("B11").severity, Some(Severity::Error));
    let CellContent::Indicators(indicators) = &cell("G34").content else {
        panic!("G34 holds indicators")
    };
    let third = indicators.iter().find(|i| i.number == Some(3)).unwrap();
    assert_eq!(third.severity, Some(Severity::Warning));
    assert!(third.annual.contains("400"), "{}", third.annual);
}

#[test]
fn a_slice_of_rows_is_the_same_as_in_the_whole() {
    let c = checked(&seed());
    let all = c.rows(0..usize::MAX);
    assert_eq!(c.rows(5..9), all[5..9].to_vec());
    assert!(c.rows(500..600).is_empty());
}

#[test]
fn long_layouts_show_their_rows_as_pasted() {
    let c = checked(&fixture("long-hubei.txt"));
    let o = &c.overview;
    assert_eq!(o.head.header_row, None);
    assert!(o.head.columns.iter().all(|col| col.title.is_none()));
    let rows = c.rows(0..usize::MAX);
    assert!(rows
        .iter()
        .all(|r| r.kind == RowKind::Row && r.cells.len() == o.head.columns.len()));
    let flagged: usize = rows
        .iter()
        .flat_map(|r| &r.cells)
        .map(|c| c.findings.len())
        .sum();
    let with_column = c
        .report
        .diagnostics
        .iter()
        .filter(|d| d.column_index.is_some())
        .count();
    assert_eq!(flagged, with_column);
}

#[test]
fn an_unreadable_table_says_why() {
    let c = checked("这不是一张表\n只有两行");
    assert_eq!(c.overview.layout, None);
    let why = c.overview.unreadable.as_ref().expect("a reason");
    assert!(why.zh.contains("表头"), "{}", why.zh);
    assert!(c.rows(0..10).is_empty());
}

/// The seed's units and projects `copies` times over, the unit names varied.
fn seed_times(copies: usize) -> String {
    let seed = seed();
    let (head, body) = seed.split_at(seed.find("\n广州市").unwrap());
    let mut text = head.to_owned();
    for copy in 0..copies {
        text.push_str(&body.replace("广州市", &format!("广州市{copy}")));
    }
    text
}

#[test]
fn the_first_answer_holds_what_the_problem_list_opens_with() {
    // A list drawn whole (the seed: 80 problems in 19 groups): every group's first page.
    let c = checked(&seed());
    let first = c.first(PAGE, usize::MAX);
    assert_eq!(first.problems.len(), c.overview.groups.len());
    for (g, page) in first.problems.iter().enumerate() {
        assert_eq!(page, &c.problems(g, 0..PAGE));
    }
    // A list drawn in slices: the groups that start within its first PAGE
    // entries (a heading and its problems each), and no more.
    let c = checked(&seed_times(40));
    let entries: Vec<usize> = c.overview.groups.iter().map(|g| g.count + 1).collect();
    assert!(entries.iter().sum::<usize>() > VIRTUAL_ENTRIES);
    let starts: Vec<usize> = entries
        .iter()
        .scan(0, |start, n| {
            let at = *start;
            *start += n;
            Some(at)
        })
        .collect();
    let opening = starts.iter().filter(|&&at| at < PAGE).count();
    assert!(opening < c.overview.groups.len(), "{starts:?}");
    let first = c.first(PAGE, usize::MAX);
    assert_eq!(first.problems.len(), opening);
    for (g, page) in first.problems.iter().enumerate() {
        assert_eq!(page, &c.problems(g, 0..PAGE));
    }
}

#[test]
fn charts_of_a_large_table_stay_small() {
    let c = checked(&seed_times(40));
    assert!(
        c.overview.projects > COVERAGE_SHOWN,
        "{}",
        c.overview.projects
    );
    assert_eq!(c.overview.coverage.len(), COVERAGE_SHOWN);
    // The projects lacking a required family come first.
    assert!(c
        .overview
        .coverage
        .iter()
        .all(|row| row.present.iter().any(|(k, p)| k.is_family() && !p)));
    assert_eq!(c.overview.funding.len(), jixiao_lint::view::FUNDING_SHOWN);
    assert!(c.overview.funding_units > c.overview.funding.len());
    assert_eq!(c.overview.row_count, c.rows(0..usize::MAX).len());
}

#[test]
fn overview_rows_and_problems_survive_the_trip_to_the_page() {
    let c = checked(&seed());
    let back: Option<Overview> = from_bytes(&to_bytes(&c.overview));
    assert_eq!(back.as_ref(), Some(&c.overview));
    let rows = c.rows(0..usize::MAX);
    let back: Option<Vec<TableRow>> = from_bytes(&to_bytes(&rows));
    assert_eq!(back.as_ref(), Some(&rows));
    let problems = c.problems(0, 0..100);
    let back: Option<Vec<Problem>> = from_bytes(&to_bytes(&problems));
    assert_eq!(back.as_ref(), Some(&problems));
    // Bytes of another shape are refused, not misread.
    assert_eq!(from_bytes::<Vec<TableRow>>(&to_bytes(&problems)), None);
    assert_eq!(from_bytes::<Overview>(&[0xff; 3]), None);
}
