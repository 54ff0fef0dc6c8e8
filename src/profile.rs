//! Reading a profile (`jixiao.toml`, the house rules) into a [`Config`]:
//!
//! ```toml
//! [rules]
//! value-vague = "off"          # off | error | warning | info
//! satisfaction-low = "warning"
//!
//! [thresholds]
//! satisfaction-floor = 90      # %
//! amount-tolerance = "0.01"    # 万元
//! ```
//!
//! Nothing is silently ignored: an unknown section, rule id or threshold, or a
//! bad value, is an error that names its line. With the `profiles` feature (the
//! CLI and both of the page's workers; the page's first load never parses TOML).

use crate::config::{Config, RuleSetting};
use crate::text::Message;

/// One problem of a profile: its line (1-based) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProfileError {
    pub line: Option<usize>,
    pub message: Message,
}

impl ProfileError {
    /// `第 3 行：…` / `line 3: …`
    pub fn describe(&self) -> Message {
        match self.line {
            Some(line) => Message::new(
                format!("第 {line} 行：{}", self.message.zh),
                format!("line {line}: {}", self.message.en),
            ),
            None => self.message.clone(),
        }
    }
}

/// All the problems of a profile, one per line, for a message.
pub fn describe(errors: &[ProfileError]) -> Message {
    let (zh, en): (Vec<_>, Vec<_>) = errors
        .iter()
        .map(|e| {
            let m = e.describe();
            (m.zh, m.en)
        })
        .unzip();
    Message::new(zh.join("\n"), en.join("\n"))
}

/// Reads a profile. Empty text is the defaults.
pub fn parse(text: &str) -> Result<Config, Vec<ProfileError>> {
    let table: toml::Table = match text.parse() {
        Ok(table) => table,
        Err(error) => {
            let error: toml::de::Error = error;
            let line = error
                .span()
                .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
            let what = error.message().trim().to_owned();
            return Err(vec![ProfileError {
                line,
                message: Message::new(
                    format!("不是有效的 TOML：{what}"),
                    format!("not valid TOML: {what}"),
                ),
            }]);
        }
    };
    let mut config = Config::default();
    let mut errors = Vec::new();
    let mut fail = |section: Option<&str>, key: &str, message: Message| {
        errors.push(ProfileError {
            line: line_of(text, section, key),
            message,
        })
    };
    for (section, value) in &table {
        if section == "columns" {
            if let Err(message) = read_columns(&mut config, value) {
                fail(None, section, message);
            }
            continue;
        }
        let entries = match (section.as_str(), value) {
            ("rules" | "thresholds", toml::Value::Table(entries)) => entries,
            ("rules" | "thresholds", _) => {
                fail(
                    None,
                    section,
                    Message::new(
                        format!("{section} 应是一个表（[{section}]）"),
                        format!("{section} must be a table ([{section}])"),
                    ),
                );
                continue;
            }
            _ => {
                fail(
                    None,
                    section,
                    Message::new(
                        format!("未知的设置「{section}」：只有 [rules]、[thresholds] 和 [[columns]]"),
                        format!("unknown setting \"{section}\": there are only [rules], [thresholds] and [[columns]]"),
                    ),
                );
                continue;
            }
        };
        for (key, value) in entries {
            let at = Some(section.as_str());
            // The value as written, for messages.
            let shown = literal_of(text, at, key).unwrap_or_else(|| value.type_str().to_owned());
            if section == "rules" {
                let setting = value.as_str().and_then(RuleSetting::from_id);
                let result = match setting {
                    Some(setting) => config.set_rule(key, Some(setting)),
                    None => Err(Message::new(
                        format!("规则 {key} 的值应为 \"off\"、\"error\"、\"warning\" 或 \"info\"，而不是 {shown}"),
                        format!("rule {key} must be \"off\", \"error\", \"warning\" or \"info\", not {shown}"),
                    )),
                };
                if let Err(message) = result {
                    fail(at, key, message);
                }
                continue;
            }
            // Decimals are read from their text, never through a float.
            let literal = match value {
                toml::Value::String(s) => Some(s.clone()),
                toml::Value::Integer(n) => Some(n.to_string()),
                toml::Value::Float(_) => literal_of(text, at, key),
                _ => None,
            };
            let result = match literal {
                Some(literal) => config.set_threshold(key, &literal),
                None => Err(Message::new(
                    format!("{key} 的值应是一个数，而不是 {shown}"),
                    format!("{key} must be a number, not {shown}"),
                )),
            };
            if let Err(message) = result {
                fail(at, key, message);
            }
        }
    }
    if errors.is_empty() {
        Ok(config)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

/// The `[[columns]]` tables: each a header (`header = ["一级", …]`) and what
/// each of its cells is (`read-as = ["level1", …]`).
fn read_columns(config: &mut Config, value: &toml::Value) -> Result<(), Message> {
    let strings = |table: &toml::Table, key: &str| -> Option<Vec<String>> {
        table
            .get(key)?
            .as_array()?
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect()
    };
    let shape = || {
        Message::new(
            "[[columns]] 应写成 header = [\"表头各格\", …] 和 read-as = [\"level1\", …]",
            "[[columns]] must be header = [\"cells\", …] and read-as = [\"level1\", …]",
        )
    };
    for item in value.as_array().ok_or_else(shape)? {
        let table = item.as_table().ok_or_else(shape)?;
        if table.keys().any(|k| k != "header" && k != "read-as") {
            return Err(shape());
        }
        let (Some(header), Some(ids)) = (strings(table, "header"), strings(table, "read-as"))
        else {
            return Err(shape());
        };
        if header.len() != ids.len() {
            return Err(Message::new(
                format!(
                    "[[columns]] 的 header 有 {} 格，read-as 有 {} 项：应一一对应",
                    header.len(),
                    ids.len()
                ),
                format!(
                    "[[columns]] has {} header cells and {} read-as entries: they must pair up",
                    header.len(),
                    ids.len()
                ),
            ));
        }
        config.add_columns(&header.join("\t"), &ids.join("\t"))?;
    }
    Ok(())
}

/// The line (1-based) where `key` is set, in `[section]` or at the top
/// level (a `[key]` heading counts for a section).
fn line_of(text: &str, section: Option<&str>, key: &str) -> Option<usize> {
    let mut current: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(heading) = line.strip_prefix('[') {
            let name = heading
                .trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"');
            if section.is_none() && name == key {
                return Some(n + 1);
            }
            current = Some(name.to_owned());
            continue;
        }
        let Some((left, _)) = line.split_once('=') else {
            continue;
        };
        let left = left.trim().trim_matches('"');
        let dotted = section.map(|s| format!("{s}.{key}"));
        let here = current.as_deref() == section && left == key;
        let from_top = current.is_none() && Some(left) == dotted.as_deref();
        if here || from_top || (section.is_none() && current.is_none() && left == key) {
            return Some(n + 1);
        }
    }
    None
}

/// The text of a number as written after `key =` (a float's exact digits).
fn literal_of(text: &str, section: Option<&str>, key: &str) -> Option<String> {
    let line = text.lines().nth(line_of(text, section, key)? - 1)?;
    let (_, value) = line.split_once('=')?;
    let value = value.split('#').next()?.trim().replace('_', "");
    Some(value)
}
