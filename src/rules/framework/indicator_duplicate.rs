use crate::layout::Project;
use crate::rules::{indicator_label, Check, Context, Location, Rule, Severity, Sink};
use crate::text::{normalize_key, normalized_chars, t, Message};
use std::borrow::Cow;

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
    for (i, indicator) in indicators.iter().enumerate() {
        let Some(hash) = hashes[i] else { continue };
        let earlier = indicators[..i].iter().zip(&hashes).find(|(earlier, h)| {
            **h == Some(hash) && name_key(&earlier.name) == name_key(&indicator.name)
        });
        if let Some((earlier, _)) = earlier {
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
}
