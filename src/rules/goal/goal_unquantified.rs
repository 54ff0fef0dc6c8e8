use crate::layout::Project;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "goal-unquantified",
    severity: Severity::Info,
    title: t("绩效目标没有量化内容", "Goal states no quantity"),
    what: t(
        "绩效目标中没有任何数字或数量（如“250项”“两个”）。",
        "The goal contains no number or quantity (such as 250项 or 两个).",
    ),
    why: t(
        "绩效目标应尽量定量表述，便于事后评价是否实现；全是定性描述的目标难以衡量。",
        "Goals should be stated in numbers where possible so that achievement can be judged; a purely descriptive goal cannot be measured.",
    ),
    example: t("“提升我区的数字政府建设及政务服务的工作”", "提升我区的数字政府建设及政务服务的工作 (improve our district's digital government work)"),
    source: t(
        "各地预算绩效管理办法：绩效目标应从数量、质量、成本和时效等方面细化，尽量进行定量表述。",
        "Local budget performance rules: goals should be detailed by quantity, quality, cost and time and stated in numbers where possible.",
    ),
    check: Check::Project(check),
};

const MEASURE_WORDS: &[char] = &[
    '个', '项', '次', '名', '人', '台', '家', '所', '套', '条', '场', '批', '户', '座', '间', '处',
    '件', '份', '万', '亿', '千', '百', '年', '天', '小', '%',
];

fn check(_: &Context, project: &Project, out: &mut Sink) {
    let text = super::goal_text(project);
    if !text.is_empty() && !is_quantified(text) {
        out.report(
            Location::goal(project),
            Message::new(
                "绩效目标没有任何数字或数量，建议写明要达到的数量、质量或时限",
                "The goal states no number or quantity; say how much, how well or by when",
            ),
        );
    }
}

/// Arabic digits, or a Chinese numeral followed by a measure word (两个, 五项).
fn is_quantified(text: &str) -> bool {
    // Most goals hold a digit: found without decoding a character.
    if crate::text::next_digit(text.as_bytes()).is_some() {
        return true;
    }
    let mut after_numeral = false;
    text.chars().map(crate::text::to_half_width).any(|c| {
        let numeral_and_measure = after_numeral && MEASURE_WORDS.contains(&c);
        after_numeral = matches!(
            c,
            '一' | '二'
                | '两'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
        );
        c.is_ascii_digit() || numeral_and_measure
    })
}
