//! The same table written differently must give exactly the same findings:
//! CRLF, a byte-order mark, every cell quoted, trailing empty cells, no
//! thousands separators, full-width colons, comma-separated, a line break
//! inside a quoted cell.

mod common;
use common::{findings, seed};
use jixiao_lint::{check_bytes, Config};
use rust_decimal::Decimal;

fn quote(cell: &str) -> String {
    format!("\"{}\"", cell.replace('"', "\"\""))
}

fn map_cells(text: &str, delimiter: &str, f: impl Fn(&str) -> String) -> String {
    text.split('\n')
        .map(|line| line.split('\t').map(&f).collect::<Vec<_>>().join(delimiter))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `13,931.00` → `13931.00`: drops commas between digits.
fn without_thousands_separators(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .enumerate()
        .filter(|(i, c)| {
            !(**c == ','
                && *i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit))
        })
        .map(|(_, c)| *c)
        .collect()
}

#[test]
fn re_encodings_of_the_seed_give_the_same_findings() {
    let seed = seed();
    let expected = findings(&seed);
    let variants: Vec<(&str, String)> = vec![
        ("CRLF line ends", seed.replace('\n', "\r\n")),
        ("byte-order mark", format!("\u{FEFF}{seed}")),
        ("every cell quoted", map_cells(&seed, "\t", quote)),
        ("trailing empty cells", seed.lines().map(|l| format!("{l}\t\t\t")).collect::<Vec<_>>().join("\n")),
        ("no thousands separators", without_thousands_separators(&seed)),
        ("full-width colons", seed.replace("指标值:", "指标值：")),
        (
            "comma-separated",
            map_cells(&seed, ",", |c| if c.contains([',', '"']) { quote(c) } else { c.to_owned() }),
        ),
        (
            "a line break inside a quoted cell",
            seed.replace(
                "\t通过出国（境）对政务服务、电子政务的考察，提升我区的数字政府建设及政务服务的工作\t",
                "\t\"通过出国（境）对政务服务、电子政务的考察，\n提升我区的数字政府建设及政务服务的工作\"\t",
            ),
        ),
    ];
    for (name, text) in variants {
        assert_ne!(text, seed, "{name}: the variant must differ");
        assert_eq!(findings(&text), expected, "{name}");
    }
}

#[test]
fn bytes_with_a_bom_and_crlf_read_like_the_text() {
    let seed = seed();
    let bytes = [
        b"\xEF\xBB\xBF".as_slice(),
        seed.replace('\n', "\r\n").as_bytes(),
    ]
    .concat();
    let report = check_bytes(&bytes, &Config::default()).unwrap();
    let from_bytes: Vec<_> = report
        .diagnostics
        .into_iter()
        .map(|d| (d.rule, d.cell(), d.indicator))
        .collect();
    assert_eq!(from_bytes, findings(&seed));
}

#[test]
fn amounts_in_yuan_are_reported_in_wan_yuan() {
    // The same table in 元: every amount ×10000. Findings and figures stay in 万元.
    let seed = seed();
    let in_yuan = seed
        .replace("单位：万元", "单位：元")
        .split('\n')
        .map(|line| {
            line.split('\t')
                .enumerate()
                .map(|(i, cell)| {
                    let amount = (1..=4)
                        .contains(&i)
                        .then(|| cell.replace(',', "").parse::<Decimal>().ok())
                        .flatten();
                    match amount {
                        Some(value) => (value * Decimal::from(10_000)).round_dp(2).to_string(),
                        None => cell.to_owned(),
                    }
                })
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(in_yuan.contains("131000000"));
    let report = common::report(&in_yuan);
    assert_eq!(
        report.summary.amount_unit,
        jixiao_lint::money::AmountUnit::Yuan
    );
    assert_eq!(findings(&in_yuan), findings(&seed));
    let gap = report
        .diagnostics
        .iter()
        .find(|d| d.cell() == "B11")
        .unwrap();
    assert!(
        gap.message
            .zh
            .contains("13,100.00 ≠ 所列项目合计 12,585.00"),
        "{}",
        gap.message.zh
    );
}

#[test]
fn the_seed_in_gb18030_and_utf16_gives_the_same_findings() {
    let seed = seed();
    let (gb18030, _, _) = encoding_rs::GB18030.encode(&seed);
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(seed.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(seed.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for (name, bytes, encoding) in [
        ("GB18030", gb18030.to_vec(), "GB18030"),
        ("UTF-16LE", utf16le, "UTF-16LE"),
        ("UTF-16BE", utf16be, "UTF-16BE"),
    ] {
        let (source, report) = jixiao_lint::check_file(&bytes, &Config::default()).unwrap();
        assert!(
            matches!(source, jixiao_lint::input::Source::Text { encoding: e, .. } if e == encoding),
            "{name}: {source:?}"
        );
        let found: Vec<_> = report
            .diagnostics
            .into_iter()
            .map(|d| (d.rule, d.cell(), d.indicator))
            .collect();
        assert_eq!(found, findings(&seed), "{name}");
    }
}

/// The table as a web page or WPS puts it on the clipboard: HTML cells,
/// entities, a merged title cell, `<br>` inside a cell.
fn as_clipboard_html(text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let rows: String = text
        .lines()
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() == 1 && !line.is_empty() {
                return format!(
                    "<tr><td colspan=\"7\" class=xl65>{}</td></tr>\n",
                    escape(line)
                );
            }
            let cells: String = cells
                .iter()
                .map(|c| format!("<td>{}</td>", escape(c)))
                .collect();
            format!("<tr height=19>\n  {cells}</tr>\n")
        })
        .collect();
    format!("<html><head><meta charset=utf-8><style>.xl65{{mso-number-format:\"@\";}}</style></head><body>\n<table border=0>\n{rows}</table></body></html>")
}

#[test]
fn a_table_pasted_as_html_gives_the_same_findings() {
    let seed = seed();
    let text = jixiao_lint::input::html::table_text(&as_clipboard_html(&seed))
        .unwrap()
        .expect("a merged title cell makes the HTML worth reading");
    assert_eq!(findings(&text), findings(&seed));
}

#[test]
fn merged_cells_of_a_long_table_in_html_are_filled() {
    // The Hubei-style table as a web page shows it: 单位名称, 项目名称, 预算数 and
    // 年度目标 merged over their project's rows, 一级指标 over its group.
    let html = "<table>\
        <tr><td>单位名称</td><td>项目名称</td><td>预算数</td><td>年度目标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>\
        <tr><td rowspan=3>县农业农村局</td><td rowspan=3>高标准农田建设</td><td rowspan=3>500.00</td><td rowspan=3>新建高标准农田5000亩。</td>\
            <td rowspan=2>产出指标</td><td>数量指标</td><td>新建高标准农田面积</td><td>≥5000亩</td></tr>\
        <tr><td>质量指标</td><td>工程验收合格率</td><td>100%</td></tr>\
        <tr><td>效益指标</td><td>经济效益指标</td><td>粮食产能提高</td><td>明显提升</td></tr>\
        </table>";
    let text = jixiao_lint::input::html::table_text(html).unwrap().unwrap();
    let report = common::report(&text);
    assert_eq!(report.layout, Some("long"));
    let project = report.sheet.projects().next().unwrap();
    assert_eq!(project.indicators.indicators.len(), 3);
    assert_eq!(project.indicators.indicators[1].level1().name, "产出指标");
    assert_eq!(
        findings(&text),
        vec![
            common::f("satisfaction-missing", "E2", 0),
            common::f("cost-missing", "E2", 0),
            common::f("value-vague", "H4", 3)
        ]
    );
}
