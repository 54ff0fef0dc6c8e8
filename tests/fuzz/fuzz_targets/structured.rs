//! A structured generator, not byte mutation: tables shaped like the seed whose
//! amounts, weights and indicator values sit near `Decimal`'s limits (and the
//! 15-digit bound on amounts), in every line-end style; and workbooks (xlsx,
//! ods) with long shared strings, repeated and huge merges, and repeated rows
//! and columns. Nothing may panic, and each input stays within the stated
//! bounds: a workbook is read or refused with a reason.
#![no_main]

use jixiao_lint::text::Lang;
use jixiao_lint::{check_file, check_text, export, input, Config};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use std::io::Write;

/// Numbers where arithmetic breaks: around 15 digits, 28 digits, Decimal::MAX.
const NUMBERS: &[&str] = &[
    "0",
    "6.00",
    "999999999999999.99",
    "1000000000000000",
    "79228162514264337593543950335",
    "79228162514264337593543950336",
    "99999999999999999999999999",
    "0.0000000000000000000000000001",
    "-5",
    "1.234",
    "12,345.678",
    "50000000000000000000000000000",
    "１２.5",
];
const UNITS: &[&str] = &[
    "", "万元", "元", "亿元", "千元", "元/套", "万元/月", "万元/年", "%", "个", "套", "人次", "天",
];
const OPERATORS: &[&str] = &["", "≥", "≤", ">", "<", "=", "不少于", "不超过"];
const LEVELS: &[(&str, &str)] = &[
    ("1-产出指标", "11-数量指标"),
    ("1-产出指标", "14-成本指标"),
    ("2-效益指标", "22-社会效益"),
    ("3-满意度指标", "31-服务对象满意度"),
];
const NAMES: &[&str] = &["采购数量", "成本控制", "工程结算金额", "满意度(%)", "权重", "经费", "套"];

#[derive(Arbitrary, Debug)]
struct Value {
    operator: u8,
    number: u8,
    unit: u8,
}

impl Value {
    fn text(&self) -> String {
        format!(
            "{}{}{}",
            OPERATORS[self.operator as usize % OPERATORS.len()],
            NUMBERS[self.number as usize % NUMBERS.len()],
            UNITS[self.unit as usize % UNITS.len()]
        )
    }
}

#[derive(Arbitrary, Debug)]
struct IndicatorSpec {
    levels: u8,
    name: u8,
    period: Value,
    annual: Value,
    number: u16,
}

#[derive(Arbitrary, Debug)]
struct ProjectSpec {
    unit_row: bool,
    amounts: [u8; 4],
    amount_units: [u8; 4],
    indicators: Vec<IndicatorSpec>,
}

#[derive(Arbitrary, Debug)]
enum LineEnd {
    Lf,
    CrLf,
    Cr,
}

#[derive(Arbitrary, Debug)]
struct TableSpec {
    projects: Vec<ProjectSpec>,
    line_end: LineEnd,
    csv: bool,
    stray_cr: bool,
}

#[derive(Arbitrary, Debug)]
struct WorkbookSpec {
    /// Repetitions of a short text in the one shared string.
    shared_repeat: u16,
    /// Cells (row, column) that use the shared string.
    cells: Vec<(u16, u8)>,
    /// Merge regions (top, left, rows, columns), perhaps repeated.
    merges: Vec<(u16, u8, u32, u16)>,
    merge_copies: u8,
    /// ods: rows and columns repeated.
    ods_rows: u32,
    ods_columns: u32,
    ods: bool,
}

#[derive(Arbitrary, Debug)]
enum Input {
    Table(TableSpec),
    Workbook(WorkbookSpec),
}

fn table(spec: &TableSpec) -> String {
    let mut rows = vec![
        "项目支出绩效目标表".to_owned(),
        "单位：万元".to_owned(),
        "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标".to_owned(),
        format!("合计\t{}\t{}\t\t\t\t", NUMBERS[2], NUMBERS[2]),
    ];
    for (p, project) in spec.projects.iter().take(40).enumerate() {
        let amount = |i: usize| {
            format!(
                "{}{}",
                NUMBERS[project.amounts[i] as usize % NUMBERS.len()],
                ["", "万元", "元"][project.amount_units[i] as usize % 3]
            )
        };
        if project.unit_row {
            rows.push(format!("单位{p}\t{}\t{}\t{}\t{}\t\t", amount(0), amount(1), amount(2), amount(3)));
        }
        let cell: String = project
            .indicators
            .iter()
            .take(30)
            .map(|i| {
                let (l1, l2) = LEVELS[i.levels as usize % LEVELS.len()];
                format!(
                    "{}、{l1}, {l2}, {}；实施周期指标值:{}, 年度指标值:{}; ; ",
                    i.number,
                    NAMES[i.name as usize % NAMES.len()],
                    i.period.text(),
                    i.annual.text()
                )
            })
            .collect();
        let goal = if spec.stray_cr { "完成\r250项" } else { "完成250项。" };
        rows.push(format!(
            "项目{p}\t{}\t{}\t{}\t{}\t{goal}\t{cell}",
            amount(0),
            amount(1),
            amount(2),
            amount(3)
        ));
    }
    let rows: Vec<String> = if spec.csv {
        rows.iter()
            .map(|r| {
                r.split('\t')
                    .map(|c| format!("\"{}\"", c.replace('"', "\"\"")))
                    .collect::<Vec<_>>()
                    .join(",")
            })
            .collect()
    } else {
        rows
    };
    let end = match spec.line_end {
        LineEnd::Lf => "\n",
        LineEnd::CrLf => "\r\n",
        LineEnd::Cr => "\r",
    };
    rows.join(end)
}

fn column(mut index: u32) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

fn zip(files: &[(&str, String)]) -> Vec<u8> {
    let mut bytes = Vec::new();
    {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(&mut bytes));
        for (name, body) in files {
            let _ = writer.start_file(*name, zip::write::SimpleFileOptions::default());
            let _ = writer.write_all(body.as_bytes());
        }
        let _ = writer.finish();
    }
    bytes
}

fn workbook(spec: &WorkbookSpec) -> Vec<u8> {
    let shared = "长文本".repeat(spec.shared_repeat as usize);
    if spec.ods {
        let content = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="表"><table:table-row><table:table-cell office:value-type="string"><text:p>项目名称（资金使用单位）</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="{}"><table:table-cell table:number-columns-repeated="{}"/><table:table-cell office:value-type="string" table:number-columns-repeated="{}"><text:p>{shared}</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
            spec.ods_rows % 2_000_000,
            spec.ods_columns % 20_000,
            spec.ods_columns % 20_000,
        );
        return zip(&[
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet".to_owned()),
            ("content.xml", content),
        ]);
    }
    let cells: String = spec
        .cells
        .iter()
        .take(2_000)
        .map(|&(row, col)| {
            format!(
                r#"<row r="{r}"><c r="{}{r}" t="s"><v>0</v></c></row>"#,
                column(u32::from(col)),
                r = u32::from(row) + 1
            )
        })
        .collect();
    let one_merge = |&(top, left, rows, columns): &(u16, u8, u32, u16)| {
        let (top, left) = (u32::from(top) + 1, u32::from(left));
        format!(
            r#"<mergeCell ref="{}{top}:{}{}"/>"#,
            column(left),
            column(left + u32::from(columns) % 16_384),
            top + rows % 1_048_576
        )
    };
    let merges: String = spec.merges.iter().take(200).map(one_merge).collect::<String>().repeat(1 + spec.merge_copies as usize);
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData><mergeCells>{merges}</mergeCells></worksheet>"#
    );
    zip(&[
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_owned()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_owned()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_owned()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_owned()),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/sharedStrings.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>{shared}</t></si></sst>"#)),
    ])
}

fuzz_target!(|spec: Input| {
    let config = Config::default();
    match spec {
        Input::Table(spec) => {
            let text = table(&spec);
            let report = check_text(&text, &config);
            // Every row of the input is in the annotated table.
            let annotated = export::annotated_table(&text, &report, Lang::Zh, b'\t');
            let rows_in = input::read_text(&text).rows.last().map_or(0, |r| r.number);
            let rows_out = input::read_text(&annotated).rows.last().map_or(0, |r| r.number);
            assert!(rows_out >= rows_in, "{rows_out} < {rows_in}");
            let _ = export::findings_markdown(&report, Lang::En);
            let _ = export::indicator_table(&report, Lang::Zh);
            let _ = check_file(text.as_bytes(), &config);
        }
        Input::Workbook(spec) => {
            let bytes = workbook(&spec);
            if let Ok(decoded) = input::read_file(&bytes) {
                assert!(decoded.text.len() <= input::MAX_INPUT_BYTES);
                let _ = check_text(&decoded.text, &config);
            }
        }
    }
});
