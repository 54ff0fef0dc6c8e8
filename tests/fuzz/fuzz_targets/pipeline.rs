//! Bytes → report, through every stage and every export: nothing may panic,
//! whatever arrives. Spreadsheet signatures are left out: they go to calamine,
//! whose own panics on corrupted .xls files are known (see issue 4's note) and
//! would stop the run before it reaches our code.
#![no_main]

use jixiao_lint::text::Lang;
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
    let _ = report.coverage();
    let _ = input::html::table_text(text);
    let _ = share::decode(text);
    if let Ok(fragment) = share::encode(text) {
        assert_eq!(share::decode(&fragment).ok().flatten().as_deref(), Some(text));
    }
});
