use crate::layout::Column;
use crate::rules::{Check, Context, Location, Rule, Severity, Sink};
use crate::text::{t, Message};

pub static RULE: Rule = Rule {
    id: "header-missing",
    severity: Severity::Error,
    title: t("找不到表头", "No header row"),
    what: t(
        "没有一行符合已知的表头格式，也没有一行符合规则配置中按列指定的表头（[[columns]]）：需要“项目名称（资金使用单位）”列以及总计、财政拨款、财政专户拨款、其他资金、绩效目标、绩效指标中的至少两列；或者每行一项指标的一级指标、二级（或三级）指标和指标值列。页面上可点“指定各列”，指出表头行和每一列是什么；这一指定保存在规则配置中，表头相同的表以后自动按它读取。",
        "No row matches a known header layout, nor a header mapped by hand in the profile ([[columns]]): a 项目名称（资金使用单位） column and at least two of 总计, 财政拨款, 财政专户拨款, 其他资金, 绩效目标, 绩效指标; or, one indicator per row, columns for level 1, level 2 (or 3) and the target value. On the page, \"Map the columns\" lets you point at the header row and say what each column is; the mapping is kept in the profile, and tables with the same header are read with it from then on.",
    ),
    why: t(
        "没有表头就无法知道每一列的含义，其余检查都无法进行。",
        "Without a header the meaning of each column is unknown and no other check can run.",
    ),
    example: t(
        "粘贴时漏选了表头行，或粘贴的是其他表格。",
        "The header row was left out of the selection, or another table was pasted.",
    ),
    source: t("约定：广州市项目支出绩效目标表及各地申报表的表头。", "Convention: the headers of Guangzhou's project performance target tables and of the provinces' declaration forms."),
    check: Check::Sheet(check),
};

fn check(cx: &Context, out: &mut Sink) {
    let (None, Some(first)) = (cx.sheet.layout, cx.sheet.first_row) else {
        return;
    };
    let zh: Vec<&str> = Column::WIDE.iter().map(|c| c.title()).collect();
    let en: Vec<&str> = Column::WIDE.iter().map(|c| c.title_en()).collect();
    out.report(
        Location::row(first),
        Message::new(
            format!("找不到表头行。需要一行包含以下列名：{}；或者每行一项指标的表头：一级指标、二级指标、三级指标、指标值。请连同表头一起复制粘贴；表头不同的，请指定各列（页面上的“指定各列”，或规则配置的 [[columns]]）。", zh.join("、")),
            format!("No header row found. Expected a row with these columns: {}; or, one indicator per row: 一级指标, 二级指标, 三级指标, 指标值. Copy the header row together with the table; for another header, map its columns (\"Map the columns\" on the page, or [[columns]] in the profile).", en.join(", ")),
        ),
    );
}
