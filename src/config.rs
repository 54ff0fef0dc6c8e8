//! The profile: the house rules a 财政局 applies, over the defaults. Which
//! rules run and at which severity, and the thresholds that no regulation
//! fixes, in one place. The defaults are the catalog as published; a profile
//! is read from `jixiao.toml` (see `profile`, with the `profiles` feature) and
//! written back by [`Config::to_toml`]. Every report states a profile that
//! differs from the defaults ([`Config::changes`]).

use crate::layout::{Column, ColumnMapping};
use crate::rules::Severity;
use crate::text::Message;
use rust_decimal::Decimal;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// `satisfaction-low` reports satisfaction targets under this percentage.
    /// No regulation fixes a number; 85 % is a common practice.
    pub satisfaction_floor: Decimal,
    /// `amount-invalid` reports amounts with more decimals than this. Default
    /// none: to the fen, whatever the unit (six decimals in 万元, two in 元),
    /// as published tables write exact amounts such as 438.768 万元.
    pub amount_decimals: Option<u32>,
    /// `amount-row-sum`, `amount-unit-subtotal` and `amount-grand-total`
    /// accept a gap up to this much (in 万元). Default 0: sums must agree.
    pub amount_tolerance: Decimal,
    /// `cost-missing` asks a project of at least this much (万元) for a cost
    /// in money, not only a rate. A convention; default 100 万元.
    pub cost_sizeable: Decimal,
    /// `goal-truncated` also reports a goal this many characters long or
    /// longer: a budget system's field limit, where it was cut. Default none.
    pub goal_max_chars: Option<usize>,
    /// Rules turned off or given another severity, by id, in the catalog's order.
    pub rules: Vec<(String, RuleSetting)>,
    /// Headers the reader does not know, mapped by hand (the page's column
    /// mapping step), in the order they were made.
    pub columns: Vec<ColumnMapping>,
}

/// What a profile does with one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSetting {
    /// The rule does not run.
    Off,
    /// Its findings are reported at this severity.
    Severity(Severity),
}

impl RuleSetting {
    /// As written in jixiao.toml: `off`, `error`, `warning`, `info`.
    pub fn id(self) -> &'static str {
        match self {
            RuleSetting::Off => "off",
            RuleSetting::Severity(s) => s.id(),
        }
    }

    pub fn from_id(id: &str) -> Option<RuleSetting> {
        Some(match id {
            "off" => RuleSetting::Off,
            "error" => RuleSetting::Severity(Severity::Error),
            "warning" => RuleSetting::Severity(Severity::Warning),
            "info" => RuleSetting::Severity(Severity::Info),
            _ => return None,
        })
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            satisfaction_floor: Decimal::from(85),
            amount_decimals: None,
            amount_tolerance: Decimal::ZERO,
            cost_sizeable: Decimal::ONE_HUNDRED,
            goal_max_chars: None,
            rules: Vec::new(),
            columns: Vec::new(),
        }
    }
}

/// A threshold of the profile: its key in jixiao.toml and what it means.
pub struct Threshold {
    pub key: &'static str,
    pub label: crate::text::Text,
    /// What the value is (`%`, 位小数, 万元, 字).
    pub unit: crate::text::Text,
    /// What an empty value means, for a threshold that may have none.
    pub none: crate::text::Text,
}

/// Every threshold a profile can set, in the order of the settings panel.
pub const THRESHOLDS: [Threshold; 5] = [
    Threshold {
        key: "satisfaction-floor",
        label: crate::text::t(
            "满意度下限（satisfaction-low）",
            "Satisfaction floor (satisfaction-low)",
        ),
        unit: crate::text::t("%", "%"),
        none: crate::text::t("无", "none"),
    },
    Threshold {
        key: "amount-decimals",
        label: crate::text::t(
            "金额最多小数位（amount-invalid；默认精确到分：万元 6 位，元 2 位）",
            "Most decimals of an amount (amount-invalid; default to the fen: 6 in 万元, 2 in 元)",
        ),
        unit: crate::text::t("位", "decimals"),
        none: crate::text::t("精确到分", "to the fen"),
    },
    Threshold {
        key: "amount-tolerance",
        label: crate::text::t(
            "合计允许的差额（amount-row-sum、amount-unit-subtotal、amount-grand-total）",
            "Gap a sum may have (amount-row-sum, amount-unit-subtotal, amount-grand-total)",
        ),
        unit: crate::text::t("万元", "万元"),
        none: crate::text::t("无", "none"),
    },
    Threshold {
        key: "cost-sizeable",
        label: crate::text::t(
            "项目金额达到此数时，成本指标须有金额（cost-missing）",
            "A project this large needs a cost in money (cost-missing)",
        ),
        unit: crate::text::t("万元", "万元"),
        none: crate::text::t("无", "none"),
    },
    Threshold {
        key: "goal-max-chars",
        label: crate::text::t(
            "绩效目标字数上限，达到即视为截断（goal-truncated）",
            "Goal length at which it counts as cut off (goal-truncated)",
        ),
        unit: crate::text::t("字", "characters"),
        none: crate::text::t("无", "none"),
    },
];

impl Config {
    /// The value of threshold `key` as jixiao.toml writes it (`""`: none).
    pub fn threshold(&self, key: &str) -> String {
        match key {
            "satisfaction-floor" => self.satisfaction_floor.normalize().to_string(),
            "amount-decimals" => self
                .amount_decimals
                .map(|n| n.to_string())
                .unwrap_or_default(),
            "amount-tolerance" => self.amount_tolerance.normalize().to_string(),
            "cost-sizeable" => self.cost_sizeable.normalize().to_string(),
            "goal-max-chars" => self
                .goal_max_chars
                .map(|n| n.to_string())
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    /// Sets threshold `key` from its text (`""` puts back the default), or
    /// says what a valid value is.
    pub fn set_threshold(&mut self, key: &str, value: &str) -> Result<(), Message> {
        let value = value.trim();
        let default = Config::default();
        let bad = |what: &str, what_en: &str| {
            Err(Message::new(
                format!("{key} 的值「{value}」无效：应为{what}"),
                format!("{key}: \"{value}\" is not valid; it must be {what_en}"),
            ))
        };
        let decimal = || value.parse::<Decimal>().ok();
        match key {
            "satisfaction-floor" if value.is_empty() => {
                self.satisfaction_floor = default.satisfaction_floor
            }
            "satisfaction-floor" => match decimal() {
                Some(n) if n >= Decimal::ZERO && n <= Decimal::ONE_HUNDRED => {
                    self.satisfaction_floor = n
                }
                _ => {
                    return bad(
                        "0 到 100 之间的数（百分比）",
                        "a number from 0 to 100 (per cent)",
                    )
                }
            },
            "amount-decimals" if value.is_empty() => self.amount_decimals = None,
            "amount-decimals" => match value.parse::<u32>() {
                Ok(n) if n <= 6 => self.amount_decimals = Some(n),
                _ => return bad("0 到 6 的整数", "a whole number from 0 to 6"),
            },
            "amount-tolerance" if value.is_empty() => {
                self.amount_tolerance = default.amount_tolerance
            }
            "amount-tolerance" => match decimal() {
                Some(n) if n >= Decimal::ZERO && n <= Decimal::from(1_000_000) => {
                    self.amount_tolerance = n
                }
                _ => {
                    return bad(
                        "不小于 0 的金额（万元，如 0.01）",
                        "an amount of 0 or more (万元, such as 0.01)",
                    )
                }
            },
            "cost-sizeable" if value.is_empty() => self.cost_sizeable = default.cost_sizeable,
            "cost-sizeable" => match decimal() {
                Some(n) if n >= Decimal::ZERO && n <= Decimal::from(1_000_000_000) => {
                    self.cost_sizeable = n
                }
                _ => {
                    return bad(
                        "不小于 0 的金额（万元，如 100）",
                        "an amount of 0 or more (万元, such as 100)",
                    )
                }
            },
            "goal-max-chars" if value.is_empty() => self.goal_max_chars = None,
            "goal-max-chars" => match value.parse::<usize>() {
                Ok(n) if (1..=1_000_000).contains(&n) => self.goal_max_chars = Some(n),
                _ => return bad("正整数（字数）", "a positive whole number (characters)"),
            },
            _ => {
                return Err(Message::new(
                    format!("没有这个阈值：{key}（可用：{}）", threshold_keys()),
                    format!("No such threshold: {key} (there are: {})", threshold_keys()),
                ))
            }
        }
        Ok(())
    }

    /// Adds a column mapping: the header's cells and, for each, the id of
    /// the column it is (`level1`, `value` …; empty: not needed), both as
    /// the page sends them, tab-separated. It replaces a mapping of the
    /// same header.
    pub fn add_columns(&mut self, header: &str, ids: &str) -> Result<(), Message> {
        let header: Vec<String> = header.split('\t').map(str::to_owned).collect();
        let columns = ids
            .split('\t')
            .map(|id| match id.trim() {
                "" => Ok(None),
                id => Column::from_id(id).map(Some).ok_or_else(|| {
                    Message::new(
                        format!("没有这一列：{id}（可用：{}）", column_ids()),
                        format!("No such column: {id} (there are: {})", column_ids()),
                    )
                }),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let mapping = ColumnMapping::new(header, columns)?;
        self.columns.retain(|m| m.header != mapping.header);
        self.columns.push(mapping);
        Ok(())
    }

    /// Removes the column mapping at `index` (a no-op past the end).
    pub fn remove_columns(&mut self, index: usize) {
        if index < self.columns.len() {
            self.columns.remove(index);
        }
    }

    /// What the profile does with rule `id`, if anything.
    pub fn setting(&self, id: &str) -> Option<RuleSetting> {
        self.rules
            .iter()
            .rev()
            .find(|(rule, _)| rule == id)
            .map(|(_, s)| *s)
    }

    /// Sets what the profile does with rule `id`; `None` (or the rule's own
    /// severity) puts back its default. The id must be in the catalog.
    pub fn set_rule(&mut self, id: &str, setting: Option<RuleSetting>) -> Result<(), Message> {
        let Some(rule) = crate::rules::rule(id) else {
            return Err(Message::new(
                format!("没有这条规则：{id}（jixiao-lint rules 列出全部规则）"),
                format!("No such rule: {id} (jixiao-lint rules lists them all)"),
            ));
        };
        self.rules.retain(|(r, _)| r != id);
        match setting {
            None => {}
            Some(RuleSetting::Severity(s)) if s == rule.severity => {}
            Some(setting) => {
                // In the catalog's order, whatever the order they were set in.
                let rank = |id: &str| crate::rules::REGISTRY.iter().position(|r| r.id == id);
                let at = self.rules.partition_point(|(r, _)| rank(r) < rank(rule.id));
                self.rules.insert(at, (rule.id.to_owned(), setting));
            }
        }
        Ok(())
    }

    /// Whether rule `id` runs.
    pub fn runs(&self, id: &str) -> bool {
        self.setting(id) != Some(RuleSetting::Off)
    }

    /// True for the defaults (nothing for a report to state).
    pub fn is_default(&self) -> bool {
        *self == Config::default()
    }

    /// Whether two amounts agree, within the tolerance. A gap that cannot be
    /// computed (beyond Decimal's range) does not agree.
    pub fn amounts_agree(&self, stated: Decimal, computed: Decimal) -> bool {
        stated == computed
            || stated
                .checked_sub(computed)
                .is_some_and(|gap| gap.abs() <= self.amount_tolerance)
    }

    /// What the profile changes from the defaults, one line each, for every
    /// report: `满意度下限（satisfaction-low）：90 %（默认 85 %）`, `value-vague：关闭`.
    pub fn changes(&self) -> Vec<Message> {
        let default = Config::default();
        let mut changes = Vec::new();
        for t in &THRESHOLDS {
            let (now, was) = (self.threshold(t.key), default.threshold(t.key));
            if now != was {
                let show = |v: &str, none: &str, unit: &str| {
                    if v.is_empty() {
                        none.to_owned()
                    } else {
                        format!("{v} {unit}")
                    }
                };
                changes.push(Message::new(
                    format!(
                        "{}：{}（默认 {}）",
                        t.label.zh,
                        show(&now, t.none.zh, t.unit.zh),
                        show(&was, t.none.zh, t.unit.zh)
                    ),
                    format!(
                        "{}: {} (default {})",
                        t.label.en,
                        show(&now, t.none.en, t.unit.en),
                        show(&was, t.none.en, t.unit.en)
                    ),
                ));
            }
        }
        for (id, setting) in &self.rules {
            let default = crate::rules::rule(id).map(|r| r.severity);
            changes.push(match (setting, default) {
                (RuleSetting::Off, _) => Message::new(format!("{id}：关闭"), format!("{id}: off")),
                (RuleSetting::Severity(s), Some(d)) => Message::new(
                    format!("{id}：{}（默认 {}）", s.label().zh, d.label().zh),
                    format!("{id}: {} (default {})", s.label().en, d.label().en),
                ),
                (RuleSetting::Severity(s), None) => Message::new(
                    format!("{id}：{}", s.label().zh),
                    format!("{id}: {}", s.label().en),
                ),
            });
        }
        for mapping in &self.columns {
            changes.push(Message::new(
                format!("列映射：{}", mapping.describe(crate::text::Lang::Zh)),
                format!(
                    "column mapping: {}",
                    mapping.describe(crate::text::Lang::En)
                ),
            ));
        }
        changes
    }

    /// The profile as jixiao.toml: only what differs from the defaults, so
    /// that the file says what the house rules are.
    pub fn to_toml(&self) -> String {
        let default = Config::default();
        let mut text = String::from(
            "# jixiao-lint 规则配置 house rules (jixiao.toml)\n\
             # [rules]：规则 id = \"off\" | \"error\" | \"warning\" | \"info\"\n\
             # [thresholds]：satisfaction-floor, amount-decimals, amount-tolerance, cost-sizeable, goal-max-chars\n\
             # [[columns]]：header = 表头各格, read-as = 各列是什么（level1, level2, level3, value, period-value …；\"\" 不用）\n",
        );
        if !self.rules.is_empty() {
            text.push_str("\n[rules]\n");
            for (id, setting) in &self.rules {
                text.push_str(&format!("{id} = \"{}\"\n", setting.id()));
            }
        }
        let changed: Vec<_> = THRESHOLDS
            .iter()
            .filter(|t| self.threshold(t.key) != default.threshold(t.key))
            .collect();
        if !changed.is_empty() {
            text.push_str("\n[thresholds]\n");
            for t in changed {
                let value = self.threshold(t.key);
                // Decimals as strings keep them exact; whole numbers as integers.
                let written = match t.key {
                    "amount-decimals" | "goal-max-chars" => value,
                    _ => format!("\"{value}\""),
                };
                text.push_str(&format!("{} = {written}\n", t.key));
            }
        }
        for mapping in &self.columns {
            let quoted = |cells: Vec<&str>| {
                cells
                    .iter()
                    .map(|c| toml_string(c))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let header = quoted(mapping.header.iter().map(String::as_str).collect());
            let ids = quoted(
                mapping
                    .columns
                    .iter()
                    .map(|c| c.and_then(Column::id).unwrap_or(""))
                    .collect(),
            );
            text.push_str(&format!(
                "\n[[columns]]\nheader = [{header}]\nread-as = [{ids}]\n"
            ));
        }
        text
    }
}

/// A TOML basic string (no TOML writer in the page's first load).
fn toml_string(text: &str) -> String {
    let mut quoted = String::from('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            c if c.is_control() => quoted.push_str(&format!("\\u{:04X}", c as u32)),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

fn column_ids() -> String {
    crate::layout::MAPPABLE.map(|(_, id)| id).join(", ")
}

fn threshold_keys() -> String {
    THRESHOLDS.map(|t| t.key).join(", ")
}
