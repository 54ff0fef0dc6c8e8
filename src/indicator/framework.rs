//! The indicator framework: 一级 / 二级 indicators and their numeric codes as
//! Guangzhou/Guangdong tables use them (财预〔2015〕88号 lineage), plus the cost
//! names of the 2021 central variant, accepted at either level.

use serde::Serialize;

/// The first-level indicator families.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// 1-产出指标
    Output,
    /// 2-效益指标
    Benefit,
    /// 3-满意度指标
    Satisfaction,
    /// 成本指标 as a first level (财预〔2021〕101号).
    Cost,
}

impl Family {
    pub const ALL: [Family; 4] = [
        Family::Output,
        Family::Benefit,
        Family::Satisfaction,
        Family::Cost,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Family::Output => "产出指标",
            Family::Benefit => "效益指标",
            Family::Satisfaction => "满意度指标",
            Family::Cost => "成本指标",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Family::Output => "Output",
            Family::Benefit => "Benefit",
            Family::Satisfaction => "Satisfaction",
            Family::Cost => "Cost",
        }
    }

    /// The numeric code in the Guangzhou framework (the 2021 cost level has none).
    pub fn code(self) -> Option<&'static str> {
        match self {
            Family::Output => Some("1"),
            Family::Benefit => Some("2"),
            Family::Satisfaction => Some("3"),
            Family::Cost => None,
        }
    }

    pub fn from_code(code: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.code() == Some(code))
    }

    pub fn from_name(name: &str) -> Option<Family> {
        with_key(name, |key| {
            Family::ALL
                .into_iter()
                .find(|f| key.iter().copied().eq(stem(f.name()).chars()))
        })
    }
}

/// A second-level indicator of the framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Level2 {
    pub code: Option<&'static str>,
    pub name: &'static str,
    pub name_en: &'static str,
    pub family: Family,
}

const fn l2(
    code: &'static str,
    name: &'static str,
    name_en: &'static str,
    family: Family,
) -> Level2 {
    Level2 {
        code: Some(code),
        name,
        name_en,
        family,
    }
}

/// Every known second-level indicator. Codes 1x/2x/3x belong to 1/2/3.
pub const LEVEL2: [Level2; 14] = [
    l2("11", "数量指标", "Quantity", Family::Output),
    l2("12", "质量指标", "Quality", Family::Output),
    l2("13", "时效指标", "Timeliness", Family::Output),
    l2("14", "成本指标", "Cost", Family::Output),
    l2("21", "经济效益指标", "Economic benefit", Family::Benefit),
    l2("22", "社会效益指标", "Social benefit", Family::Benefit),
    l2("23", "生态效益指标", "Ecological benefit", Family::Benefit),
    l2(
        "24",
        "可持续影响指标",
        "Sustainable impact",
        Family::Benefit,
    ),
    l2(
        "31",
        "服务对象满意度指标",
        "Beneficiary satisfaction",
        Family::Satisfaction,
    ),
    // The 2015 framework's name for 生态效益 in some provinces.
    Level2 {
        code: None,
        name: "环境效益指标",
        name_en: "Environmental benefit",
        family: Family::Benefit,
    },
    // The 2015 framework (财预〔2015〕88号) files satisfaction under 效益指标.
    Level2 {
        code: None,
        name: "社会公众或服务对象满意度指标",
        name_en: "Public or beneficiary satisfaction",
        family: Family::Satisfaction,
    },
    // The 2021 central variant: cost as a first level with three kinds, no codes.
    Level2 {
        code: None,
        name: "经济成本指标",
        name_en: "Economic cost",
        family: Family::Cost,
    },
    Level2 {
        code: None,
        name: "社会成本指标",
        name_en: "Social cost",
        family: Family::Cost,
    },
    Level2 {
        code: None,
        name: "生态环境成本指标",
        name_en: "Environmental cost",
        family: Family::Cost,
    },
];

impl Level2 {
    pub fn from_code(code: &str) -> Option<&'static Level2> {
        LEVEL2.iter().find(|l| l.code == Some(code))
    }

    pub fn from_name(name: &str) -> Option<&'static Level2> {
        with_key(name, |key| {
            LEVEL2
                .iter()
                .find(|l| key.iter().copied().eq(stem(l.name).chars()))
        })
    }

    /// Cost indicators: 14-成本指标 in the 2015 framework, or any 2021 cost kind.
    pub fn is_cost(&self) -> bool {
        self.family == Family::Cost || self.code == Some("14")
    }
}

/// [`name_key`] of a framework name, which is already normalised (Chinese,
/// no spaces): only the trailing 指标 goes, and nothing is allocated.
fn stem(name: &'static str) -> &'static str {
    match name.strip_suffix("指标") {
        Some(stem) if !stem.is_empty() => stem,
        _ => name,
    }
}

/// Compares framework names as budget software does: half-width, no spaces, and
/// without a trailing 指标 (`22-社会效益` is `22-社会效益指标`) or 值 (a 山东
/// county form's 产出值 / 数量值 are 产出指标 / 数量指标).
pub fn name_key(name: &str) -> String {
    let key = crate::text::normalize_key(name);
    match key.strip_suffix("指标").or_else(|| key.strip_suffix('值')) {
        Some(stem) if !stem.is_empty() => stem.to_owned(),
        _ => key,
    }
}

/// Calls `f` with the characters of [`name_key`]`(name)`, built on the stack:
/// the names looked up are short, and each indicator's levels are looked up
/// several times (two strings allocated each time cost more than the lookup).
/// A name too long for the buffer is keyed the allocating way.
fn with_key<R>(name: &str, f: impl FnOnce(&[char]) -> R) -> R {
    let mut buffer = ['\0'; 48];
    let mut len = 0;
    for c in crate::text::normalized_chars(name) {
        let Some(slot) = buffer.get_mut(len) else {
            return f(&name_key(name).chars().collect::<Vec<_>>());
        };
        *slot = c;
        len += 1;
    }
    let chars = &buffer[..len];
    // As name_key strips: 指标, else 值, unless nothing would be left.
    let strip = |suffix: &[char]| chars.strip_suffix(suffix).filter(|s| !s.is_empty());
    f(strip(&['指', '标'])
        .or_else(|| strip(&['值']))
        .unwrap_or(chars))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_on_the_stack_are_name_key() {
        for name in [
            "", "指标", "值", "指标值", "值指标", "社会效益指标", "社会效益", "产出值",
            " 数量 指标 ", "ＡＢ【c】", "效益指标指标",
            "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十指标",
        ] {
            let want: Vec<char> = name_key(name).chars().collect();
            assert_eq!(with_key(name, <[char]>::to_vec), want, "{name}");
        }
    }

    #[test]
    fn names_match_with_or_without_the_trailing_word() {
        assert_eq!(
            Level2::from_name("社会效益").map(|l| l.code),
            Some(Some("22"))
        );
        assert_eq!(
            Level2::from_name("服务对象满意度").map(|l| l.code),
            Some(Some("31"))
        );
        assert_eq!(
            Level2::from_name("数量 指标").map(|l| l.code),
            Some(Some("11"))
        );
        assert_eq!(Family::from_name("产出"), Some(Family::Output));
        assert_eq!(Family::from_name("成本指标"), Some(Family::Cost));
        assert!(Level2::from_name("经济成本指标").is_some_and(|l| l.is_cost()));
        assert_eq!(Level2::from_code("99"), None);
        for name in Family::ALL
            .map(Family::name)
            .into_iter()
            .chain(LEVEL2.map(|l| l.name))
        {
            assert_eq!(stem(name), name_key(name), "{name}");
        }
    }
}
