//! `jixiao-lint`: the checker on the command line, for batch work and as the
//! reference the web page must agree with.
//!
//! ```text
//! jixiao-lint check [--format human|json|csv|markdown|summary] [--lang zh|en] [--config FILE] FILE…   (- reads stdin)
//! jixiao-lint check --annotate [--format tsv|csv|xlsx] [--output OUT] FILE
//! jixiao-lint check --format xlsx --output OUT.xlsx FILE…   (the batch workbook)
//!
//! The profile (house rules) is `--config FILE`, else `./jixiao.toml` when
//! there is one, else the defaults; `--no-config` ignores `./jixiao.toml`.
//! jixiao-lint rules [--format text|markdown] [--lang zh|en]
//! jixiao-lint explain RULE [--lang zh|en]
//! jixiao-lint diff [--format human|json|markdown|csv] [--lang zh|en] OLD NEW
//! ```
//! A `.zip` among the files is checked member by member (`dept.zip/a.txt`).
//! Exit status: 0 clean (warnings allowed), 1 an error-severity finding, 2 an
//! input that could not be read or a usage error; for `diff`, 0 nothing
//! introduced, 1 a finding introduced, 2 unreadable input.

use jixiao_lint::batch::BatchRow;
use jixiao_lint::input::{archive, check_size, read_file_owned, Source, MAX_INPUT_BYTES};
use jixiao_lint::rules::{self, Rule};
use jixiao_lint::text::{Lang, Message};
use jixiao_lint::{check_shared, export, json, Config, Report, SharedText};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
用法 Usage:
  jixiao-lint check [--format human|json|csv|markdown|summary] [--lang zh|en] FILE…   检查表格（- 表示标准输入）
  jixiao-lint check --annotate [--format tsv|csv] FILE        原表加“问题”列 the table with a 问题 column
  jixiao-lint check --annotate --format xlsx --output OUT.xlsx FILE   标注的工作簿 the annotated workbook
  jixiao-lint check --format xlsx --output OUT.xlsx FILE…     汇总工作簿（每个文件一个问题表）the batch workbook
  选项 Options: --config FILE 规则配置 profile (默认 default: ./jixiao.toml), --no-config, --output FILE
  jixiao-lint rules [--format text|markdown] [--lang zh|en]       列出全部规则
  jixiao-lint explain RULE [--lang zh|en]                        说明一条规则
  jixiao-lint diff [--format human|json|markdown|csv] [--lang zh|en] OLD NEW   与上一版比较 compare a revision
FILE 可以是 .zip 压缩包 may be a .zip of tables（逐个检查 each member checked）
退出码 Exit status: 0 无错误 no errors, 1 有错误 errors found, 2 无法读取 unreadable input or usage error
  diff: 0 没有新问题 nothing introduced, 1 有新问题 a finding introduced, 2 无法读取 unreadable input";

struct Options {
    format: String,
    lang: Lang,
    annotate: bool,
    config: Option<String>,
    no_config: bool,
    output: Option<String>,
    rest: Vec<String>,
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        format: String::new(),
        lang: Lang::Zh,
        annotate: false,
        config: None,
        no_config: false,
        output: None,
        rest: Vec::new(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .cloned()
                .ok_or(format!("{name} 需要一个值 / {name} needs a value"))
        };
        match arg.as_str() {
            "--format" | "-f" => options.format = value("--format")?,
            "--annotate" => options.annotate = true,
            "--config" | "-c" => options.config = Some(value("--config")?),
            "--no-config" => options.no_config = true,
            "--output" | "-o" => options.output = Some(value("--output")?),
            "--lang" => {
                options.lang = match value("--lang")?.as_str() {
                    "zh" => Lang::Zh,
                    "en" => Lang::En,
                    other => return Err(format!("未知语言 unknown language: {other}")),
                }
            }
            flag if flag.starts_with("--") => {
                return Err(format!("未知选项 unknown option: {flag}"))
            }
            _ => options.rest.push(arg.clone()),
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let options = match parse_options(rest) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match command.as_str() {
        "check" => check(&options),
        "rules" => list_rules(&options),
        "explain" => explain(&options),
        "diff" => diff(&options),
        "--help" | "-h" | "help" => {
            println!("{USAGE}");
            Ok(0)
        }
        "--version" | "-V" => {
            println!("jixiao-lint {}", env!("CARGO_PKG_VERSION"));
            Ok(0)
        }
        other => Err(format!("未知命令 unknown command: {other}\n\n{USAGE}")),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

/// One input: how it was read and its report, or why it could not be read.
struct Checked {
    path: String,
    outcome: Result<Input, String>,
}

struct Input {
    /// Shared with the report's pieces of it.
    text: SharedText,
    source: Source,
    report: Report,
}

/// The bytes of a file or of standard input, refusing (before reading them
/// all) an input over the size limit.
fn read_input(path: &str, lang: Lang) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let limit = MAX_INPUT_BYTES as u64 + 1;
    let read = if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|file| {
            // Room for the whole file at once (the size the file system
            // states, within the limit): growing by doubling copied a 50 MB
            // table several times over.
            let size = file.metadata().map_or(0, |m| m.len().min(limit));
            bytes.reserve_exact(usize::try_from(size).unwrap_or(0));
            file.take(limit).read_to_end(&mut bytes)
        })
    };
    read.map_err(|e| format!("无法读取 cannot read: {e}"))?;
    check_size(bytes.len()).map_err(|e| e.message().get(lang).to_owned())?;
    Ok(bytes)
}

/// Checks a text, turning a panic of the checker (a bug, never expected)
/// into "unreadable" for this input rather than the end of the batch.
fn check_guarded(text: &SharedText, config: &Config, lang: Lang) -> Result<Report, String> {
    let check = || check_shared(text, config, &mut |_| {});
    std::panic::catch_unwind(check).map_err(|_| match lang {
        Lang::Zh => "无法检查：检查时出现内部错误，请报告这个文件。".to_owned(),
        Lang::En => {
            "Cannot check: the checker failed on this input; please report the file.".to_owned()
        }
    })
}

/// Reads a file, turning a panic of a reader (calamine on some corrupt .xls
/// files) into "unreadable" rather than ending the batch.
/// The bytes are given up: UTF-8 text becomes the text without a copy.
fn read_guarded(bytes: Vec<u8>, lang: Lang) -> Result<jixiao_lint::input::Decoded, String> {
    match std::panic::catch_unwind(move || read_file_owned(bytes)) {
        Ok(read) => read.map_err(|e| e.message().get(lang).to_owned()),
        Err(_) => Err(match lang {
            Lang::Zh => "无法读取：文件已损坏，读取时出现内部错误。".to_owned(),
            Lang::En => "Cannot read the file: it is damaged and the reader failed.".to_owned(),
        }),
    }
}

fn check(options: &Options) -> Result<u8, String> {
    if options.rest.is_empty() {
        return Err(format!("没有要检查的文件 / no file to check\n\n{USAGE}"));
    }
    if options.annotate && options.rest.len() != 1 {
        return Err("--annotate 只接受一个文件 / --annotate takes one file".to_owned());
    }
    let config = load_config(options)?;
    let lang = options.lang;
    let checked: Vec<Checked> = options
        .rest
        .iter()
        .flat_map(|path| {
            let bytes = match read_input(path, lang) {
                Ok(bytes) => bytes,
                Err(e) => {
                    return vec![Checked {
                        path: path.clone(),
                        outcome: Err(e),
                    }]
                }
            };
            let zip = path.to_lowercase().ends_with(".zip") || archive::is_archive(&bytes);
            if !zip {
                let outcome =
                    read_guarded(bytes, lang).and_then(|d| checked_input(d, &config, lang));
                return vec![Checked {
                    path: path.clone(),
                    outcome,
                }];
            }
            // A zip of tables: each member is one input, named inside it.
            match archive::read_archive(&bytes) {
                Err(error) => vec![Checked {
                    path: path.clone(),
                    outcome: Err(error.message().get(lang).to_owned()),
                }],
                Ok(members) => members
                    .into_iter()
                    .map(|member| Checked {
                        path: format!("{path}/{}", member.name),
                        outcome: member
                            .bytes
                            .map_err(|m| m.get(lang).to_owned())
                            .and_then(|bytes| {
                                if archive::is_archive(&bytes) {
                                    return Err(match lang {
                                        Lang::Zh => {
                                            "压缩包中的压缩包不展开，请解压后再检查。".to_owned()
                                        }
                                        Lang::En => {
                                            "A zip inside the zip is not opened; unpack it first."
                                                .to_owned()
                                        }
                                    });
                                }
                                read_guarded(bytes, lang)
                            })
                            .and_then(|d| checked_input(d, &config, lang)),
                    })
                    .collect(),
            }
        })
        .collect();
    // Never freed: the process ends once the reports are written, and the OS
    // takes the memory back at once, while freeing a large table's text and
    // report (millions of strings, one free each) took 7% of a check of the
    // 50 MB table. `main` returns right after this function.
    let checked = std::mem::ManuallyDrop::new(checked);
    if options.format == "xlsx" {
        return write_workbook(options, &checked, lang);
    }
    let mut written: Vec<u8> = Vec::new();
    // Buffered: stdout is line-buffered, and the human and JSON outputs are
    // hundreds of thousands of lines for a large table (a write call each).
    let mut console = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let stdout: &mut dyn Write = if options.output.is_some() {
        &mut written
    } else {
        &mut console
    };
    let readable: Vec<(&str, &Report)> = checked
        .iter()
        .filter_map(|c| {
            c.outcome
                .as_ref()
                .ok()
                .map(|input| (c.path.as_str(), &input.report))
        })
        .collect();
    match (options.annotate, options.format.as_str()) {
        (true, format @ ("" | "tsv" | "csv")) => {
            let delimiter = if format == "csv" { b',' } else { b'\t' };
            match checked.first().map(|c| &c.outcome) {
                Some(Ok(input)) => write!(
                    stdout,
                    "{}",
                    export::annotated_table(&input.text, &input.report, lang, delimiter)
                ),
                // Said on stderr below, as for every format but human and json.
                _ => Ok(()),
            }
        }
        (true, other) => {
            return Err(format!(
                "--annotate 的格式为 tsv、csv 或 xlsx / --annotate writes tsv, csv or xlsx, not {other}"
            ))
        }
        (false, "" | "human") => print_human(&checked, lang, stdout),
        (false, "json") => print_json(&checked, stdout),
        // One line per file: the counts alone, for a batch over many
        // tables (why a file could not be read goes to stderr); then the totals.
        (false, "summary") => print_summary(&checked, lang, stdout),
        (false, "csv") => write!(stdout, "{}", export::findings_csv(&readable, lang)),
        (false, "markdown") => readable.iter().try_for_each(|(path, report)| {
            let markdown = export::findings_markdown(report, lang);
            if readable.len() > 1 {
                writeln!(stdout, "<!-- {path} -->\n{markdown}")
            } else {
                write!(stdout, "{markdown}")
            }
        }),
        (false, other) => return Err(format!("未知格式 unknown format: {other}")),
    }
    .and_then(|()| stdout.flush())
    .map_err(|e| e.to_string())?;
    if let Some(path) = &options.output {
        std::fs::write(path, &written).map_err(|e| format!("无法写入 cannot write {path}: {e}"))?;
    }
    for c in checked.iter() {
        if let Err(message) = &c.outcome {
            if options.annotate || !matches!(options.format.as_str(), "" | "human" | "json") {
                eprintln!("{}: {message}", c.path);
            }
        }
    }
    Ok(exit_status(&checked))
}

/// 2 when a file could not be read, else 1 when a table has an error, else 0.
fn exit_status(checked: &[Checked]) -> u8 {
    let unreadable = checked.iter().any(|c| c.outcome.is_err());
    let errors = checked.iter().any(|c| {
        c.outcome
            .as_ref()
            .is_ok_and(|input| input.report.has_errors())
    });
    if unreadable {
        2
    } else {
        u8::from(errors)
    }
}

fn checked_input(
    decoded: jixiao_lint::input::Decoded,
    config: &Config,
    lang: Lang,
) -> Result<Input, String> {
    let text = SharedText::new(decoded.text);
    let report = check_guarded(&text, config, lang)?;
    Ok(Input {
        text,
        source: decoded.source,
        report,
    })
}

fn print_summary(checked: &[Checked], lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    for Checked { path, outcome } in checked {
        // Why a file could not be read is said on stderr, as for every
        // format but human and json.
        let Ok(input) = outcome else { continue };
        write!(out, "{path}: {}", input.report.summary.counts().get(lang))?;
        match export::profile_line(&input.report, lang) {
            Some(profile) if lang == Lang::Zh => writeln!(out, "（{profile}）")?,
            Some(profile) => writeln!(out, " ({profile})")?,
            None => writeln!(out)?,
        }
    }
    let files = checked.len();
    let unreadable = checked.iter().filter(|c| c.outcome.is_err()).count();
    let read = files - unreadable;
    let head = match lang {
        Lang::Zh => format!("合计 {files} 个文件（{read} 个已检查，{unreadable} 个无法读取）"),
        Lang::En => format!("total {files} files ({read} checked, {unreadable} unreadable)"),
    };
    let totals = jixiao_lint::batch::totals(&batch_rows(checked));
    writeln!(out, "{head}: {}", totals.counts().get(lang))
}

/// One batch row per file: its counts, or why it could not be read.
fn batch_rows(checked: &[Checked]) -> Vec<BatchRow> {
    checked
        .iter()
        .map(|c| match &c.outcome {
            Ok(input) => BatchRow::checked(&c.path, Some(input.source.describe()), &input.report),
            Err(message) => {
                BatchRow::unreadable(&c.path, Message::new(message.clone(), message.clone()))
            }
        })
        .collect()
}

/// The profile: `--config FILE`, else `./jixiao.toml` if there is one (as
/// other linters look for theirs), else the defaults. A profile with an
/// unknown rule or a bad value is a usage error naming its lines.
fn load_config(options: &Options) -> Result<Config, String> {
    let path = match &options.config {
        Some(path) => path.clone(),
        None if options.no_config => return Ok(Config::default()),
        None if std::path::Path::new("jixiao.toml").is_file() => "jixiao.toml".to_owned(),
        None => return Ok(Config::default()),
    };
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("无法读取规则配置 cannot read the profile {path}: {e}"))?;
    jixiao_lint::profile::parse(&text).map_err(|errors| {
        errors
            .iter()
            .map(|e| {
                let m = e.message.get(options.lang);
                match e.line {
                    Some(line) => format!("{path}:{line}: {m}"),
                    None => format!("{path}: {m}"),
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// `check --annotate --format xlsx --output OUT.xlsx FILE` (the annotated
/// workbook of one table) and `check --format xlsx --output OUT.xlsx FILE…`
/// (the batch workbook: a summary row per file, a findings sheet per table).
fn write_workbook(options: &Options, checked: &[Checked], lang: Lang) -> Result<u8, String> {
    let Some(path) = &options.output else {
        return Err("工作簿需要 --output 文件名 / a workbook needs --output FILE.xlsx".to_owned());
    };
    for c in checked {
        if let Err(message) = &c.outcome {
            eprintln!("{}: {message}", c.path);
        }
    }
    let bytes = if options.annotate {
        match checked.first().map(|c| &c.outcome) {
            Some(Ok(input)) => {
                jixiao_lint::xlsx::annotated_workbook(&input.text, &input.report, lang)
            }
            _ => return Ok(2),
        }
    } else {
        let rows = batch_rows(checked);
        let files: Vec<_> = rows
            .iter()
            .zip(checked)
            .map(|(row, c)| (row, c.outcome.as_ref().ok().map(|input| &input.report)))
            .collect();
        jixiao_lint::xlsx::batch_workbook(&files, lang)
    }
    .map_err(|m| m.get(lang).to_owned())?;
    std::fs::write(path, bytes).map_err(|e| format!("无法写入 cannot write {path}: {e}"))?;
    Ok(exit_status(checked))
}

fn print_human(checked: &[Checked], lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    for Checked { path, outcome } in checked {
        let report = match outcome {
            Ok(input) => {
                // Only worth saying when it was not plain UTF-8 text.
                if !matches!(
                    input.source,
                    Source::Text {
                        encoding: "UTF-8",
                        ..
                    }
                ) {
                    writeln!(out, "{path}: {}", input.source.describe().get(lang))?;
                }
                &input.report
            }
            Err(message) => {
                writeln!(out, "{path}: {message}")?;
                continue;
            }
        };
        for d in &report.diagnostics {
            let severity = d.severity.label().get(lang);
            write!(
                out,
                "{path}:{}: {severity}[{}] {}",
                d.cell(),
                d.rule,
                d.message.get(lang)
            )?;
            if let Some(project) = &d.project {
                write!(out, "  ({project})")?;
            }
            writeln!(out)?;
            if let Some(s) = &d.suggestion {
                let label = if lang == Lang::Zh {
                    "建议"
                } else {
                    "suggestion"
                };
                writeln!(
                    out,
                    "    {label}: {} → {}  ({})",
                    s.cell,
                    s.value,
                    s.why(lang)
                )?;
            }
        }
        if let Some(profile) = export::profile_line(report, lang) {
            writeln!(out, "{path}: {profile}")?;
        }
        writeln!(out, "{path}: {}", report.summary.counts().get(lang))?;
    }
    Ok(())
}

/// `{"files":[…]}`, each file's report written straight from its structs
/// (see `jixiao_lint::json`): the same bytes as building a `serde_json::Value`
/// first, without a tree as large as the output.
fn print_json(checked: &[Checked], out: &mut dyn Write) -> std::io::Result<()> {
    // A buffer of a concrete type, whose writes the JSON writer's many small
    // ones inline (through `dyn Write` each was a call); as large as the
    // console's, so that its chunks pass that one without a copy.
    let mut out = std::io::BufWriter::with_capacity(1 << 20, out);
    out.write_all(b"{\n  \"files\": ")?;
    if checked.is_empty() {
        out.write_all(b"[]")?;
    }
    for (i, Checked { path, outcome }) in checked.iter().enumerate() {
        out.write_all(if i == 0 { b"[\n    " } else { b",\n    " })?;
        match outcome {
            Ok(input) => {
                export::write_file_json(&mut out, path, &input.report, Some(&input.source), 2)?
            }
            Err(message) => json::write_pretty(
                &mut out,
                &serde_json::json!({ "path": path, "error": message }),
                2,
            )?,
        }
    }
    if !checked.is_empty() {
        out.write_all(b"\n  ]")?;
    }
    out.write_all(b"\n}\n")?;
    out.flush()
}

/// `diff OLD NEW`: what the revision fixed, introduced and left, and how the
/// table changed.
fn diff(options: &Options) -> Result<u8, String> {
    let [old_path, new_path] = options.rest.as_slice() else {
        return Err(format!(
            "diff 需要两个文件：上一版和本版 / diff takes two files: the earlier one and the revision\n\n{USAGE}"
        ));
    };
    let lang = options.lang;
    let config = Config::default();
    let read = |path: &str| {
        read_input(path, lang)
            .and_then(|bytes| read_guarded(bytes, lang))
            .and_then(|d| checked_input(d, &config, lang))
            .map_err(|m| format!("{path}: {m}"))
    };
    let (old, new) = match (read(old_path), read(new_path)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for error in [old.err(), new.err()].into_iter().flatten() {
                eprintln!("{error}");
            }
            return Ok(2);
        }
    };
    // Never freed, as in `check`: the process ends after the comparison.
    let (old, new) = (
        std::mem::ManuallyDrop::new(old),
        std::mem::ManuallyDrop::new(new),
    );
    let comparison = jixiao_lint::diff::compare(&old.report, &new.report);
    let mut stdout = std::io::stdout().lock();
    match options.format.as_str() {
        "" | "human" => print_diff(&comparison, old_path, new_path, lang, &mut stdout),
        "json" => {
            let document = jixiao_lint::diff::DiffReport {
                old: jixiao_lint::diff::Version::new(old_path, &old.report),
                new: jixiao_lint::diff::Version::new(new_path, &new.report),
                comparison: &comparison,
            };
            serde_json::to_writer_pretty(&mut stdout, &document)
                .map_err(std::io::Error::other)
                .and_then(|()| writeln!(stdout))
        }
        "markdown" => write!(
            stdout,
            "{}",
            jixiao_lint::diff::to_markdown(&comparison, old_path, new_path, lang)
        ),
        "csv" => write!(stdout, "{}", jixiao_lint::diff::to_csv(&comparison, lang)),
        other => return Err(format!("未知格式 unknown format: {other}")),
    }
    .map_err(|e| e.to_string())?;
    Ok(u8::from(!comparison.introduced.is_empty()))
}

fn print_diff(
    c: &jixiao_lint::diff::Comparison,
    old: &str,
    new: &str,
    lang: Lang,
    out: &mut impl Write,
) -> std::io::Result<()> {
    use jixiao_lint::diff::Status;
    writeln!(out, "{old} → {new}: {}", c.counts().get(lang))?;
    for status in [Status::Introduced, Status::Fixed, Status::Remaining] {
        let items = c.items(status);
        if items.is_empty() {
            continue;
        }
        writeln!(out, "\n{} ({}):", status.label().get(lang), items.len())?;
        for item in items {
            let place = match status {
                Status::Fixed => format!("{old}:{}", item.cell),
                Status::Introduced => format!("{new}:{}", item.cell),
                Status::Remaining => match item.old_cell.as_deref() {
                    Some(was) if was != item.cell => format!("{new}:{} ← {was}", item.cell),
                    _ => format!("{new}:{}", item.cell),
                },
            };
            write!(
                out,
                "  {place}: {}[{}] {}",
                item.severity.label().get(lang),
                item.rule,
                item.message(lang)
            )?;
            if let Some(project) = &item.project {
                write!(out, "  ({project})")?;
            }
            writeln!(out)?;
        }
    }
    if !c.changes.is_empty() {
        let title = match lang {
            Lang::Zh => "表格变化",
            Lang::En => "changes to the table",
        };
        writeln!(out, "\n{title} ({}):", c.changes.len())?;
        for change in &c.changes {
            let place = match (&change.cell, &change.old_cell) {
                (Some(cell), _) => format!("{new}:{cell}"),
                (None, Some(was)) => format!("{old}:{was}"),
                (None, None) => new.to_owned(),
            };
            writeln!(
                out,
                "  {place}: {}  ({})",
                change.describe(lang),
                change.subject(lang)
            )?;
        }
    }
    Ok(())
}

fn list_rules(options: &Options) -> Result<u8, String> {
    let text = match options.format.as_str() {
        "" | "text" => rules::REGISTRY
            .iter()
            .map(|r| {
                format!(
                    "{:<26} {:<8} {}\n",
                    r.id,
                    r.severity.id(),
                    r.title.get(options.lang)
                )
            })
            .collect(),
        "markdown" => rules::docs::markdown(options.lang),
        other => return Err(format!("未知格式 unknown format: {other}")),
    };
    print!("{text}");
    Ok(0)
}

fn explain(options: &Options) -> Result<u8, String> {
    let [id] = options.rest.as_slice() else {
        return Err(format!("请给出一个规则 id / give one rule id\n\n{USAGE}"));
    };
    let rule: &Rule = rules::rule(id).ok_or_else(|| {
        format!("没有这条规则 no such rule: {id}（jixiao-lint rules 列出全部规则）")
    })?;
    print!("{}", rules::docs::explain(rule, options.lang));
    Ok(0)
}
