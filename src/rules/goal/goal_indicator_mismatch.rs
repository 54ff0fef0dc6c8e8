use crate::indicator::Value;
use crate::layout::Project;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};
use rust_decimal::Decimal;

pub static RULE: Rule = Rule {
    id: "goal-indicator-mismatch",
    severity: Severity::Info,
    title: t("绩效目标中的数量没有对应指标", "A quantity of the goal has no indicator"),
    what: t(
        "绩效目标写明的数量（如“250项”“280人次”“5个大厅”“95%”），在该项目的任何指标值或指标名称中都找不到同一个数；反过来，目标写了数量，却没有主要产出（第一项以个数计的数量指标）的那个数。金额、年份和时长不计。",
        "A quantity the goal promises (250项, 280人次, 5个大厅, 95%) appears as the same number in none of the project's indicator values or names; and the reverse, a goal that states quantities but not the number of the main output (the first quantity indicator that counts something). Amounts, years and durations are not counted.",
    ),
    why: t(
        "绩效指标是对绩效目标的细化和量化：目标承诺的产出没有指标去衡量，到评价时就无从判断是否完成；审核时看指标与目标是否相关、是否对应。",
        "Indicators break the goal down into measures: an output the goal promises with no indicator to measure it cannot be judged at evaluation; review asks whether indicators and goal correspond.",
    ),
    example: t(
        "目标“拟完成250项政务服务事项的梳理”，而数量指标写的是“梳理事项 ≥200项”。",
        "The goal says 250 items will be sorted out, while the quantity indicator says ≥200.",
    ),
    source: t(
        "《中央部门预算绩效目标管理办法》（财预〔2015〕88号）：绩效指标是绩效目标的细化和量化；审核绩效目标的相关性。按数字对应为约定。",
        "财预〔2015〕88号: indicators detail and quantify the goal; review checks relevance. Matching by the number is a convention.",
    ),
    check: Check::Project(check),
};

/// Measure words after a number that make it a quantity to deliver, longest
/// first. Money (元), years, durations and document numbers (号) are not.
const UNITS: &[&str] = &[
    "万人次",
    "平方米",
    "平方公里",
    "万人",
    "人次",
    "公里",
    "千米",
    "平方",
    "%",
    "㎡",
    "项",
    "个",
    "名",
    "人",
    "户",
    "次",
    "场",
    "家",
    "所",
    "座",
    "套",
    "台",
    "件",
    "辆",
    "册",
    "本",
    "份",
    "篇",
    "批",
    "条",
    "处",
    "栋",
    "间",
    "张",
    "株",
    "棵",
    "头",
    "吨",
    "亩",
    "米",
    "村",
    "宗",
    "节",
];

fn check(_: &Context, project: &Project, out: &mut Sink) {
    let indicators = &project.indicators.indicators;
    let goal = super::goal_text(project);
    if indicators.is_empty() || goal.is_empty() {
        return;
    }
    let carried = |n: Decimal, digits: &str| {
        indicators.iter().any(|i| {
            let has = |v: &Value| v.number == Some(n) || v.upper() == Some(n);
            has(&i.period) || has(&i.annual) || i.name.contains(digits)
        })
    };
    let promised = quantities(goal);
    report_main_output(project, &promised, out);
    let mut missing: Vec<&str> = Vec::new();
    for (quantity, digits, number) in promised {
        if !carried(number, digits) && !missing.contains(&quantity) {
            missing.push(quantity);
        }
    }
    if missing.is_empty() {
        return;
    }
    let listed = missing
        .iter()
        .map(|q| format!("「{q}」"))
        .collect::<String>();
    let listed_en = missing
        .iter()
        .map(|q| format!("\"{q}\""))
        .collect::<Vec<_>>()
        .join(", ");
    out.report(
        Location::goal(project),
        Message::new(
            format!("绩效目标中的{listed}在指标中找不到对应的数值；请设置衡量它的指标，或使目标与指标一致"),
            format!("the goal's {listed_en} appears in no indicator; add an indicator that measures it, or make goal and indicators agree"),
        ),
    );
}

/// The reverse: a goal that promises counts (a satisfaction rate alone is
/// none), none of them the main output (the first 数量指标 that counts
/// something), says nothing of what the money mainly buys.
fn report_main_output(project: &Project, promised: &[(&str, &str, Decimal)], out: &mut Sink) {
    if !promised.iter().any(|(q, _, _)| !q.ends_with('%')) {
        return;
    }
    let main = project.indicators.indicators.iter().find_map(|i| {
        let quantity = i.level2_known().and_then(|l| l.code) == Some("11");
        let value = if i.annual.has_number() {
            &i.annual
        } else {
            &i.period
        };
        let counted = value.unit().is_some_and(|u| UNITS.contains(&u) && u != "%");
        (quantity && counted).then_some((i, value, value.upper().or(value.number)?))
    });
    let Some((indicator, value, number)) = main else {
        return;
    };
    if promised.iter().any(|(_, _, n)| *n == number) {
        return;
    }
    let (label_zh, label_en) = crate::rules::indicator_label(indicator);
    let raw = &value.raw;
    out.report(
        Location::indicator(project, indicator),
        Message::new(
            format!("主要产出{label_zh}「{raw}」在绩效目标中没有体现：目标写了别的数量，却没有写这一项；请在目标中写明"),
            format!("the main output, {label_en} \"{raw}\", is not in the goal, which states other quantities; state it in the goal"),
        ),
    );
}

/// The goal's quantities: (as written with its unit, the digits, the number).
/// `800多名` counts as 800; `第3批`, `[2013]91号` and `5G` do not count.
fn quantities(goal: &str) -> Vec<(&str, &str, Decimal)> {
    let bytes = goal.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(skip) = crate::text::next_digit(&bytes[at..]) {
        at += skip;
        let start = at;
        while at < bytes.len()
            && (bytes[at].is_ascii_digit() || bytes[at] == b'.' || bytes[at] == b',')
        {
            at += 1;
        }
        let digits = goal[start..at].trim_end_matches(['.', ',']);
        let end_digits = start + digits.len();
        // An ordinal (第3批) or part of a code (A3, 5G after letters) is no quantity.
        let before = goal[..start].chars().next_back();
        if before.is_some_and(|c| c == '第' || c.is_ascii_alphabetic()) {
            continue;
        }
        let rest = goal[end_digits..].trim_start_matches([' ', '\u{3000}']);
        let rest = rest
            .strip_prefix("多")
            .or_else(|| rest.strip_prefix("余"))
            .unwrap_or(rest);
        // The first byte compared before the rest: a goal has many digits.
        let first = rest.as_bytes().first();
        let Some(unit) = UNITS
            .iter()
            .find(|u| u.as_bytes().first() == first && rest.starts_with(**u))
        else {
            continue;
        };
        let Ok(number) = digits.replace(',', "").parse::<Decimal>() else {
            continue;
        };
        let end = goal.len() - rest.len() + unit.len();
        found.push((&goal[start..end], digits, number));
        at = end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::quantities;

    #[test]
    fn quantities_of_a_goal() {
        let goal = "拟完成250项事项，保障800多名人员就餐，新建 5 个大厅（100平方米左右），第3批，番府办[2013]91号，5G，投入40万元，2025年，满意度达95%。";
        let got: Vec<&str> = quantities(goal).into_iter().map(|q| q.0).collect();
        assert_eq!(got, ["250项", "800多名", "5 个", "100平方米", "95%"]);
    }
}
