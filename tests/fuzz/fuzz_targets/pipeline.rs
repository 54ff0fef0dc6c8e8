//! Bytes → report → view, through every stage, every export and the trip of
//! the view's data to the page: nothing may panic, whatever arrives. Spreadsheet signatures are left out: they go to calamine,
//! whose own panics on corrupted .xls files are known (see issue 4's note) and
//! would stop the run before it reaches our code.
#![no_main]

use jixiao_lint::text::Lang;
use jixiao_lint::view::{self, Checked, First, PAGE};
use jixiao_lint::{check_file, check_text, export, input, share, Config};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let config = Config::default();
    let spreadsheet = data.starts_with(b"PK\x03\x04") || data.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    if !spreadsheet {
        let _ = check_file(data, &config);
    }
    let Ok(text) = std::str::from_utf8(data) else { return };
    let report = check_text(text, &config);
    let _ = export::findings_csv(&[("fuzz", &report)], Lang::Zh);
    let _ = export::findings_markdown(&report, Lang::En);
    let _ = export::annotated_table(text, &report, Lang::Zh, b'\t');
    let _ = export::indicator_table(&report, Lang::Zh);
    let _ = jixiao_lint::xlsx::annotated_workbook(text, &report, Lang::En);
    // The same text as a profile: read, or refused with its lines.
    if let Ok(profile) = jixiao_lint::profile::parse(text) {
        assert_eq!(jixiao_lint::profile::parse(&profile.to_toml()).ok(), Some(profile.clone()));
        let _ = check_text(text, &profile);
    }
    let _ = share::decode_profile(text);
    let _ = report.coverage();
    let _ = input::html::table_text(text);
    let _ = share::decode(text);
    if let Ok(fragment) = share::encode(text) {
        assert_eq!(share::decode(&fragment).ok().flatten().as_deref(), Some(text));
    }
    // What the page's worker does with it: every row and problem slice, the
    // first message, and its bytes read back as they were written.
    let checked = Checked::new(text.to_owned(), &config);
    let rows = checked.rows(0..usize::MAX);
    assert_eq!(rows.len(), checked.overview.row_count);
    for row in &rows {
        assert_eq!(checked.row_index(row.number).map(|i| rows[i].number), Some(row.number));
    }
    for (group, count) in checked.overview.groups.iter().map(|g| g.count).enumerate() {
        assert_eq!(checked.problems(group, 0..count + 1).len(), count);
    }
    let first = checked.first(PAGE, view::LARGE_INPUT);
    assert_eq!(view::from_bytes::<First>(&view::to_bytes(&first)).as_ref(), Some(&first));
});
