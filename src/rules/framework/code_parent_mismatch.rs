use crate::indicator::framework::{Family, Level2};
use crate::indicator::Indicator;
use crate::layout::Project;
use crate::rules::{indicator_label, Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "code-parent-mismatch",
    severity: Severity::Error,
    title: t("二级指标不属于其一级指标", "Second level under the wrong first level"),
    what: t(
        "二级指标编码的首位应与一级指标编码相同（11–14 属于 1-产出，21–24 属于 2-效益，31 属于 3-满意度）。",
        "A second-level code starts with its first-level digit (11–14 under 1-output, 21–24 under 2-benefit, 31 under 3-satisfaction).",
    ),
    why: t(
        "归错一级的指标会让产出、效益、满意度的统计失真，也常是复制粘贴留下的错误。",
        "A misplaced indicator distorts the output/benefit/satisfaction counts and is usually a copy-paste slip.",
    ),
    example: t("1、1-产出指标, 22-社会效益, 政务服务水平……", "1、1-产出指标, 22-社会效益, 政务服务水平…"),
    source: t("推定：由指标体系的编码结构得出。", "Inferred from the structure of the framework's codes."),
    check: Check::Indicator(check),
};

fn check(_: &Context, project: &Project, indicator: &Indicator, out: &mut Sink) {
    let parent = indicator.level1().code.and_then(Family::from_code);
    let child = indicator.level2().code.and_then(Level2::from_code);
    let (Some(parent), Some(child)) = (parent, child) else {
        return;
    };
    if child.family != parent {
        let (label_zh, label_en) = indicator_label(indicator);
        let (l1, l2) = (indicator.level1().label(), indicator.level2().label());
        out.report(
            Location::indicator(project, indicator),
            Message::new(
                format!(
                    "{label_zh}：二级指标「{l2}」不属于一级指标「{l1}」，应属于 {}-{}",
                    child.family.code().unwrap_or("?"),
                    child.family.name()
                ),
                format!(
                    "{label_en}: second level \"{l2}\" does not belong to \"{l1}\" but to {} ({})",
                    child.family.code().unwrap_or("?"),
                    child.family.name_en()
                ),
            ),
        );
    }
}
