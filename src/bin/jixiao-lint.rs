//! `jixiao-lint`: the checker on the command line, for batch work and as the
//! reference the web page must agree with.
//!
//! ```text
//! jixiao-lint check [--format human|json|csv|markdown|summary] [--lang zh|en] [--config FILE] FILE…   (- reads stdin)
//! jixiao-lint check --annotate [--format tsv|csv|xlsx] [--output OUT] FILE
//!
//! The profile (house rules) is `--config FILE`, else `./jixiao.toml` when
//! there is one, else the defaults; `--no-config` ignores `./jixiao.toml`.
//! jixiao-lint rules [--format text|markdown] [--lang zh|en]
//! jixiao-lint explain RULE [--lang zh|en]
//! ```
//! Exit status: 0 clean (warnings allowed), 1 an error-severity finding, 2 an
//! input that could not be read or a usage error.

use jixiao_lint::input::{read_file, Source};
use jixiao_lint::rules::{self, Rule};
use jixiao_lint::text::Lang;
use jixiao_lint::{check_text, export, Config, Report};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
用法 Usage:
  jixiao-lint check [--format human|json|csv|markdown|summary] [--lang zh|en] FILE…   检查表格（- 表示标准输入）
  jixiao-lint check --annotate [--format tsv|csv] FILE        原表加“问题”列 the table with a 问题 column
  jixiao-lint check --annotate --format xlsx --output OUT.xlsx FILE   标注的工作簿 the annotated workbook
  选项 Options: --config FILE 规则配置 profile (默认 default: ./jixiao.toml), --no-config, --output FILE
  jixiao-lint rules [--format text|markdown] [--lang zh|en]       列出全部规则
  jixiao-lint explain RULE [--lang zh|en]                        说明一条规则
退出码 Exit status: 0 无错误 no errors, 1 有错误 errors found, 2 无法读取 unreadable input or usage error";

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
    text: String,
    source: Source,
    report: Report,
}

fn read_input(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(path)
    }
}

/// Reads a file, turning a panic of a reader (calamine on some corrupt .xls
/// files) into "unreadable" rather than ending the batch.
fn read_guarded(bytes: &[u8], lang: Lang) -> Result<jixiao_lint::input::Decoded, String> {
    match std::panic::catch_unwind(|| read_file(bytes)) {
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
    let checked: Vec<Checked> = options
        .rest
        .iter()
        .map(|path| {
            let outcome = read_input(path)
                .map_err(|e| format!("无法读取 cannot read: {e}"))
                .and_then(|bytes| read_guarded(&bytes, options.lang))
                .map(|decoded| {
                    let report = check_text(&decoded.text, &config);
                    Input {
                        text: decoded.text,
                        source: decoded.source,
                        report,
                    }
                });
            Checked {
                path: path.clone(),
                outcome,
            }
        })
        .collect();
    let lang = options.lang;
    if options.annotate && options.format == "xlsx" {
        return write_workbook(options, &checked, lang);
    }
    if options.format == "xlsx" {
        return Err("xlsx 只用于 --annotate / xlsx is written with --annotate".to_owned());
    }
    let mut written: Vec<u8> = Vec::new();
    let mut console = std::io::stdout().lock();
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
            if let Some(Ok(input)) = checked.first().map(|c| &c.outcome) {
                write!(
                    stdout,
                    "{}",
                    export::annotated_table(&input.text, &input.report, lang, delimiter)
                )
            } else {
                Ok(())
            }
        }
        (true, other) => {
            return Err(format!(
                "--annotate 的格式为 tsv、csv 或 xlsx / --annotate writes tsv, csv or xlsx, not {other}"
            ))
        }
        (false, "" | "human") => print_human(&checked, lang, stdout),
        (false, "json") => print_json(&checked, stdout),
        // One line per file: the counts alone, for a batch over many tables.
        (false, "summary") => readable.iter().try_for_each(|(path, report)| {
            write!(stdout, "{path}: {}", report.summary.counts().get(lang))?;
            match export::profile_line(report, lang) {
                Some(profile) if lang == Lang::Zh => writeln!(stdout, "（{profile}）"),
                Some(profile) => writeln!(stdout, " ({profile})"),
                None => writeln!(stdout),
            }
        }),
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
    .map_err(|e| e.to_string())?;
    if let Some(path) = &options.output {
        std::fs::write(path, &written).map_err(|e| format!("无法写入 cannot write {path}: {e}"))?;
    }
    for c in &checked {
        if let Err(message) = &c.outcome {
            if !matches!(options.format.as_str(), "" | "human" | "json") {
                eprintln!("{}: {message}", c.path);
            }
        }
    }
    let unreadable = checked.iter().any(|c| c.outcome.is_err());
    let errors = readable.iter().any(|(_, r)| r.has_errors());
    Ok(if unreadable { 2 } else { u8::from(errors) })
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

/// `check --annotate --format xlsx --output OUT.xlsx FILE`.
fn write_workbook(options: &Options, checked: &[Checked], lang: Lang) -> Result<u8, String> {
    let Some(path) = &options.output else {
        return Err("工作簿需要 --output 文件名 / a workbook needs --output FILE.xlsx".to_owned());
    };
    let input = match checked.first().map(|c| &c.outcome) {
        Some(Ok(input)) => input,
        Some(Err(message)) => {
            eprintln!("{}: {message}", checked[0].path);
            return Ok(2);
        }
        None => return Ok(2),
    };
    let bytes = jixiao_lint::xlsx::annotated_workbook(&input.text, &input.report, lang)
        .map_err(|m| m.get(lang).to_owned())?;
    std::fs::write(path, bytes).map_err(|e| format!("无法写入 cannot write {path}: {e}"))?;
    Ok(u8::from(input.report.has_errors()))
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
                d.cell,
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

fn print_json(checked: &[Checked], out: &mut dyn Write) -> std::io::Result<()> {
    let files: Vec<serde_json::Value> = checked
        .iter()
        .map(|Checked { path, outcome }| match outcome {
            Ok(input) => {
                let mut file = serde_json::to_value(export::FileReport::new(path, &input.report))
                    .unwrap_or_default();
                file["source"] = serde_json::to_value(&input.source).unwrap_or_default();
                file
            }
            Err(message) => serde_json::json!({ "path": path, "error": message }),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "files": files }))
        .map_err(std::io::Error::other)?;
    writeln!(out)
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
