use crate::layout::Project;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{excerpt, t, Message};

pub static RULE: Rule = Rule {
    id: "goal-truncated",
    severity: Severity::Warning,
    title: t("绩效目标不完整", "Goal text cut off"),
    what: t(
        "绩效目标在句子中间结束：以顿号、逗号等停在半句，或者前文各句都以句号结束而最后一句没有结束标点。",
        "The goal stops mid-sentence: it ends on a 、 or a comma, or every earlier sentence ends with 。 but the last one has no closing punctuation.",
    ),
    why: t(
        "系统字段有长度限制，超长的目标被截断后会丢失内容，审核看到的不是完整目标。",
        "Budget-system fields have length limits; a goal cut at the limit loses its end, and reviewers do not see the whole target.",
    ),
    example: t("……推进政务服务的办理无纸化、数", "…推进政务服务的办理无纸化、数"),
    source: t("约定：从实际表格中观察到的截断现象。", "Convention: truncation observed in real tables."),
    check: Check::Project(check),
};

const CLOSING: &[char] = &[
    '。', '！', '？', '!', '?', '；', ';', '…', '.', '”', '’', '」', '』', '）', ')', '》', '】',
];
const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?', '；'];
const DANGLING: &[char] = &['、', '，', ',', '：', ':', '（', '(', '“', '《', '—', '-'];

fn check(cx: &Context, project: &Project, out: &mut Sink) {
    let text = super::goal_text(project);
    let Some(last) = text.chars().next_back() else {
        return;
    };
    let cut_after_sentences = !CLOSING.contains(&last) && text.contains(SENTENCE_END);
    let dangling = DANGLING.contains(&last) || cut_after_sentences;
    // A profile's field limit: a goal as long as the budget system allows was
    // most likely cut there, however it ends.
    if let Some(max) = cx.config.goal_max_chars.filter(|_| !dangling) {
        let chars = text.chars().count();
        if chars >= max {
            out.report(
                Location::goal(project),
                Message::new(
                    format!("绩效目标有 {chars} 字，达到规则配置的字数上限 {max}，可能在系统字段长度处被截断；请核对是否完整"),
                    format!("The goal is {chars} characters long, at the profile's limit of {max}: it may have been cut at the system's field length. Check that it is complete"),
                ),
            );
        }
        return;
    }
    if dangling {
        let tail: String = text
            .chars()
            .rev()
            .take(16)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let tail = if text.chars().count() > 16 {
            format!("…{tail}")
        } else {
            excerpt(&tail, 16)
        };
        out.report(
            Location::goal(project),
            Message::new(
                format!("绩效目标似乎在句中截断，结尾为「{tail}」；请补全"),
                format!(
                    "The goal seems cut off mid-sentence; it ends with \"{tail}\". Complete it"
                ),
            ),
        );
    }
}
