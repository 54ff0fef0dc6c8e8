use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "column-missing",
    severity: Severity::Error,
    title: t("缺少必需的列", "Required column missing"),
    what: t(
        "表头找到了，但缺少该格式必需的某一列（总计、财政拨款、财政专户拨款、其他资金、绩效目标或绩效指标）。",
        "The header was found but a column the layout requires (总计, 财政拨款, 财政专户拨款, 其他资金, 绩效目标 or 绩效指标) is absent.",
    ),
    why: t(
        "缺列时，依赖该列的检查（如金额合计、绩效指标）无法进行，表格本身也不完整。",
        "Checks that need the column (sums, indicators) cannot run, and the table itself is incomplete.",
    ),
    example: t("表头只有“项目名称、总计、绩效目标、绩效指标”，缺少“财政拨款”等资金来源列。", "A header with only 项目名称, 总计, 绩效目标, 绩效指标 and no funding columns."),
    source: t("约定：广州市项目支出绩效目标表的表头。", "Convention: the header of Guangzhou's project performance target tables."),
    check: Check::Sheet(check),
};

fn check(cx: &Context, out: &mut Sink) {
    let Some(header) = &cx.sheet.header else {
        return;
    };
    for column in header.missing() {
        out.report(
            Location::row(header.row),
            Message::new(
                format!("表头缺少“{}”列，相关检查已跳过。", column.title()),
                format!(
                    "The header has no \"{}\" ({}) column; the checks that need it were skipped.",
                    column.title(),
                    column.title_en()
                ),
            ),
        );
    }
}
