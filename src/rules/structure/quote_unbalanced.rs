use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "quote-unbalanced",
    severity: Severity::Warning,
    title: t("引号不成对", "Unbalanced quote"),
    what: t(
        "某个单元格以英文双引号 \" 开头却没有闭合，按表格引号规则会吞掉后面的所有行；此时改为按原样读取引号。",
        "A cell opens an ASCII double quote \" that never closes, which under spreadsheet quoting would swallow every row after it; the text is then read with quotes taken literally.",
    ),
    why: t(
        "从 Excel/WPS 复制的文本引号总是成对的；不成对通常说明文本被手工编辑过，个别单元格的内容可能与原表不同。",
        "Text copied from Excel/WPS always has balanced quotes; an unbalanced one means the text was edited by hand and a cell may differ from the original.",
    ),
    example: t("单元格内容为 \"数字政府建设（缺少右引号）。", "A cell reading \"数字政府建设 with no closing quote."),
    source: t("约定：RFC 4180 与 Excel 的引号规则。", "Convention: RFC 4180 and Excel quoting."),
    check: Check::Sheet(check),
};

fn check(cx: &Context, out: &mut Sink) {
    if let Some(row) = cx.sheet.unbalanced_quote_row {
        out.report(
            Location::row(row),
            Message::new(
                "此行附近有未闭合的英文双引号，已按原样读取引号；请核对该行及其后各行的单元格是否完整。",
                "An ASCII double quote near this row never closes; quotes were read literally. Check that this row and the rows after it are complete.",
            ),
        );
    }
}
