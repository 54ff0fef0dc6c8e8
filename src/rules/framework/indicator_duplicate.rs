use crate::layout::Project;
use crate::rules::{indicator_label, Check, Context, Location, Rule, Severity, Sink};
use crate::text::{normalize_key, normalized_chars, t, Message};
use std::borrow::Cow;
use std::collections::hash_map::{Entry, HashMap};

pub static RULE: Rule = Rule {
    id: "indicator-duplicate",
    severity: Severity::Warning,
    title: t("同一项目内指标重复", "Indicator repeated in a project"),
    what: t("同一项目中两项三级指标名称相同。", "Two third-level indicators of one project have the same name."),
    why: t(
        "重复的指标不增加信息，常是复制后忘记修改；也会使指标数量虚高。",
        "A repeated indicator adds nothing, is usually a copy left unedited, and inflates the indicator count.",
    ),
    example: t("1、…验收合格率；…3、…验收合格率", "1、…验收合格率; …3、…验收合格率"),
    source: t("推定：没有文件明文规定。", "Inferred; no regulation states it."),
    check: Check::Project(check),
};

fn check(_: &Context, project: &Project, out: &mut Sink) {
    let indicators = &project.indicators.indicators;
    if indicators.len() < 2 {
        return;
    }
    // Names are compared by a hash of their key first: building every key
    // cost more than the rest of the rule, and only equal hashes need the keys.
    let hashes: Vec<Option<u64>> = indicators.iter().map(|i| key_hash(&i.name)).collect();
    // The earliest indicator with the same key, by a scan of the ones before
    // (a cell holds a handful) or, in a cell with many, through the first
    // index of each hash, so that a huge cell is not quadratic.
    let same_key = |i: usize, j: usize| {
        hashes[j] == hashes[i] && name_key(&indicators[j].name) == name_key(&indicators[i].name)
    };
    let mut first_of_hash: HashMap<u64, usize> = HashMap::new();
    for (i, indicator) in indicators.iter().enumerate() {
        let Some(hash) = hashes[i] else { continue };
        let earlier = if indicators.len() <= 32 {
            (0..i).find(|&j| same_key(i, j))
        } else {
            match first_of_hash.entry(hash) {
                Entry::Vacant(slot) => {
                    slot.insert(i);
                    None
                }
                // The first with this hash, unless two keys share it.
                Entry::Occupied(first) if same_key(i, *first.get()) => Some(*first.get()),
                Entry::Occupied(_) => (0..i).find(|&j| same_key(i, j)),
            }
        };
        if let Some(earlier) = earlier.map(|j| &indicators[j]) {
            let (label_zh, label_en) = indicator_label(indicator);
            let n = earlier.number.map_or_else(String::new, |n| n.to_string());
            out.report(
                Location::indicator(project, indicator),
                Message::new(
                    format!("{label_zh}与第 {n} 项指标名称相同"),
                    format!("{label_en} has the same name as indicator {n}"),
                ),
            );
        }
    }
}

/// The name for comparison: spaces and full-width forms do not count. Most
/// names have neither, and are compared as they are, without allocating.
fn name_key(name: &str) -> Cow<'_, str> {
    if is_plain(name) {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(normalize_key(name))
    }
}

/// Full-width forms start with 0xEF and the ideographic space with 0xE3 in
/// UTF-8: names without those bytes, spaces or capitals are already keys.
fn is_plain(name: &str) -> bool {
    !name
        .bytes()
        .any(|b| b == 0xEF || b == 0xE3 || b.is_ascii_whitespace() || b.is_ascii_uppercase())
}

/// A hash (FNV-1a) of the bytes of [`name_key`], without building it: a
/// plain name's own bytes, else the normalised characters' UTF-8. `None` when
/// the key is empty (an empty name is no duplicate).
fn key_hash(name: &str) -> Option<u64> {
    let fold = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    let start = 0xcbf2_9ce4_8422_2325_u64;
    let (hash, empty) = if is_plain(name) {
        (name.bytes().fold(start, fold), name.is_empty())
    } else {
        let mut buffer = [0; 4];
        let mut empty = true;
        let hash = normalized_chars(name).fold(start, |h, c| {
            empty = false;
            c.encode_utf8(&mut buffer).bytes().fold(h, fold)
        });
        (hash, empty)
    };
    (!empty).then_some(hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_hash_alike() {
        for (a, b) in [
            ("Ａ b", "ab"),
            ("AB", "ab"),
            ("满意度（%）", "满意度(%)"),
            ("　", ""),
        ] {
            assert_eq!(name_key(a), name_key(b), "{a:?} {b:?}");
            assert_eq!(key_hash(a), key_hash(b), "{a:?} {b:?}");
        }
        assert_eq!(key_hash(""), None);
    }

    /// A cell with many indicators goes through the hash map; it must find
    /// what the scan of every earlier indicator finds.
    #[test]
    fn many_indicators_as_few() {
        let names = [
            "人数",
            "人 数",
            "培训次数",
            "Ａ率",
            "a率",
            "满意度（%）",
            "满意度(%)",
        ];
        let cell: Vec<String> = (0..60)
            .map(|n| {
                let name = names[(n * 7 + n / 5) % names.len()];
                format!(
                    "{}、1-产出指标, 11-数量指标, {name}；实施周期指标值:1人, 年度指标值:1人",
                    n + 1
                )
            })
            .collect();
        let text = format!(
            "项目名称\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n工作经费\t6\t6\t\t\t完成3项\t{}",
            cell.join("; ")
        );
        let report = crate::check_text(&text, &crate::Config::default());
        let found: Vec<(Option<u32>, String)> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == RULE.id)
            .map(|d| (d.indicator, d.message.zh.clone()))
            .collect();
        let indicators = &report
            .sheet
            .projects()
            .next()
            .unwrap()
            .indicators
            .indicators;
        assert_eq!(indicators.len(), 60);
        let expected: Vec<(Option<u32>, String)> = indicators
            .iter()
            .enumerate()
            .filter_map(|(i, indicator)| {
                let key = name_key(&indicator.name);
                let earlier = indicators[..i].iter().find(|e| name_key(&e.name) == key);
                let earlier = earlier.filter(|_| !key.is_empty())?;
                let (n, first) = (indicator.number?, earlier.number?);
                let label = format!("第 {n} 项指标「{}」", indicator.name);
                Some((Some(n), format!("{label}与第 {first} 项指标名称相同")))
            })
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(found, expected);
    }
}
