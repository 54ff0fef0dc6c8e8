//! Every text of the page, Chinese first, English on the toggle. Rule texts
//! and messages come from the rule registry and the report instead.

use jixiao_lint::text::{t, Text};

pub const TITLE: Text = t("绩效目标表检查", "Performance target table checker");
pub const TAGLINE: Text = t(
    "检查项目支出绩效目标表：金额是否相符、指标是否齐全、目标是否可衡量。表格只在本浏览器中处理，不会上传。",
    "Checks project expenditure performance target tables: do the sums add up, are the indicators complete, are the targets measurable. The table stays in this browser; nothing is uploaded.",
);
pub const INPUT_LABEL: Text = t(
    "在此粘贴从 Excel / WPS 复制的表格（含表头），或把文件拖到页面上",
    "Paste the table copied from Excel / WPS here (with its header row), or drop a file on the page",
);
pub const SAMPLE: Text = t("载入示例", "Load the sample");
pub const CLEAR: Text = t("清空", "Clear");
pub const OPEN_FILE: Text = t("打开文件…", "Open a file…");
pub const LANG_TOGGLE: Text = t("English", "中文");
pub const EMPTY_STATE: Text = t(
    "还没有表格。粘贴从 Excel / WPS 复制的项目支出绩效目标表（连同“项目名称、总计、财政拨款……绩效目标、绩效指标”表头），或点“载入示例”看看检查结果。",
    "No table yet. Paste a performance target table copied from Excel / WPS (with its header: 项目名称, 总计, 财政拨款 … 绩效目标, 绩效指标), or load the sample to see a report.",
);
pub const UNREADABLE: Text = t("无法识别这张表格", "This table could not be recognised");
pub const MAP_COLUMNS: Text = t("指定各列…", "Map the columns…");
pub const MAP_INTRO: Text = t(
    "选择表头所在的行，再指出每一列是什么（至少一级指标、三级指标和指标值）。这一指定保存在规则配置中：表头相同的表以后自动按它读取，分享链接和下载的 jixiao.toml 也带着它。",
    "Pick the header row, then say what each column is (at least level 1, level 3 and the target value). The mapping is kept in the profile: tables with the same header are read with it from now on, and shared links and the downloaded jixiao.toml carry it.",
);
pub const MAP_HEADER_ROW: Text = t("表头行", "Header row");
pub const MAP_UNUSED: Text = t("（不用）", "(not needed)");
pub const MAP_APPLY: Text = t("按此读取", "Read with these columns");
pub const COLUMN_MAPPINGS: Text = t("列映射", "Column mappings");
pub const REMOVE: Text = t("删除", "Remove");
pub const DROP_HERE: Text = t("松开鼠标以载入文件", "Drop the file to load it");

pub const SUMMARY: Text = t("概况", "Summary");
pub const DEPARTMENT: Text = t("部门", "Department");
pub const AMOUNT_UNIT: Text = t("金额单位", "Amount unit");
pub const UNITS: Text = t("资金使用单位", "Spending units");
pub const PROJECTS: Text = t("项目", "Projects");
pub const INDICATORS: Text = t("绩效指标", "Indicators");
pub const ERRORS: Text = t("错误", "Errors");
pub const WARNINGS: Text = t("警告", "Warnings");
pub const INFOS: Text = t("提示", "Notes");
pub const NO_PROBLEMS: Text = t("没有发现问题。", "No problems found.");

pub const PROBLEMS: Text = t("发现的问题", "Problems found");
pub const FILTER_SEVERITY: Text = t("显示", "Show");
pub const FILTER_RULE: Text = t("规则", "Rule");
pub const ALL_RULES: Text = t("全部规则", "All rules");
pub const HELP: Text = t("说明", "Help");
pub const CLOSE: Text = t("关闭", "Close");
pub const HELP_WHAT: Text = t("检查内容", "What it checks");
pub const HELP_WHY: Text = t("为什么", "Why");
pub const HELP_EXAMPLE: Text = t("示例", "Example");
pub const HELP_SOURCE: Text = t("依据", "Source");
pub const HELP_FIX: Text = t("修改建议", "Suggested fix");
pub const SUGGESTION: Text = t("建议：", "Suggestion: ");
pub const GO_TO_CELL: Text = t("定位到单元格", "Go to the cell");

pub const TABLE: Text = t("表格", "The table");
pub const ROW: Text = t("行", "Row");
pub const KIND_TOTAL: Text = t("合计", "Total");
pub const KIND_UNIT: Text = t("单位", "Unit");
pub const KIND_UNRECOGNIZED: Text = t("无法识别", "Unrecognised");
pub const LEVEL1: Text = t("一级指标", "Level 1");
pub const LEVEL2: Text = t("二级指标", "Level 2");
pub const LEVEL3: Text = t("三级指标", "Indicator");
pub const PERIOD_VALUE: Text = t("实施周期指标值", "Period value");
pub const ANNUAL_VALUE: Text = t("年度指标值", "Annual value");
pub const EXPAND: Text = t("展开全文", "Show all");
pub const COLLAPSE: Text = t("收起", "Show less");

pub const BREAKDOWNS: Text = t("指标构成", "Indicator breakdowns");
pub const BY_LEVEL1: Text = t("按一级指标", "By first level");
pub const BY_LEVEL2: Text = t("按二级指标", "By second level");
pub const QUANTITATIVE: Text = t("定量", "Quantitative");
pub const QUALITATIVE: Text = t("定性", "Qualitative");
pub const QUANT_SHARE: Text = t("定量与定性目标", "Quantitative and qualitative targets");
pub const FUNDING: Text = t("各单位资金构成（万元）", "Funding by unit (万元)");
pub const NO_UNIT: Text = t("（未列单位）", "(no unit row)");
pub const COVERAGE: Text = t(
    "指标覆盖：每个项目有哪些类型的指标",
    "Coverage: which indicator types each project has",
);
pub const PRESENT: Text = t("有", "yes");
pub const ABSENT: Text = t("缺", "missing");
pub const FATAL: Text = t(
    "页面出现内部错误，请刷新页面后重试。",
    "The page hit an internal error. Reload the page and try again.",
);

pub const SHARE_AND_EXPORT: Text = t("分享与导出", "Share and export");
pub const SHARE: Text = t("分享链接", "Share link");
pub const SHARE_NOTE: Text = t(
    "表格压缩后放在链接的 # 之后，不会发送给任何服务器；打开链接即可看到同样的检查结果。",
    "The table is compressed into the link after the #, which is never sent to any server; opening the link shows the same report.",
);
pub const DOWNLOAD: Text = t("下载", "Download");
pub const COPY: Text = t("复制", "Copy");
pub const EXPORT_FINDINGS_CSV: Text = t(
    "问题清单（CSV，可用 Excel 打开）",
    "Findings (CSV for Excel)",
);
pub const EXPORT_FINDINGS_JSON: Text = t("问题清单（JSON）", "Findings (JSON)");
pub const EXPORT_FINDINGS_MARKDOWN: Text = t("问题清单（Markdown）", "Findings (Markdown)");
pub const EXPORT_ANNOTATED_TSV: Text = t(
    "原表加“问题”列（粘贴回 Excel）",
    "The table with a 问题 column (to paste into Excel)",
);
pub const EXPORT_ANNOTATED_CSV: Text = t(
    "原表加“问题”列（CSV）",
    "The table with a 问题 column (CSV)",
);
pub const EXPORT_ANNOTATED_XLSX: Text = t(
    "标注的工作簿（.xlsx：问题清单、标注的原表、指标明细）",
    "Annotated workbook (.xlsx: findings, the table marked up, indicators)",
);
pub const EXPORT_INDICATORS: Text = t(
    "指标明细表（每项指标一行，CSV）",
    "Indicator table (one row per indicator, CSV)",
);
pub const STORED_NOTE: Text = t(
    "输入只保存在本机浏览器中，以便刷新后继续；点“清空”即删除。",
    "The input is kept only in this browser so that a reload keeps it; Clear deletes it.",
);

pub const LINK_KEPT: Text = t(
    "正在查看分享链接中的表格；本机保存的表格没有被替换。",
    "You are looking at the table from a shared link; the table kept in this browser was not replaced.",
);
pub const OPEN_KEPT: Text = t(
    "改为打开本机保存的表格",
    "Open the table kept in this browser",
);
pub const WORKER_DIED: Text = t(
    "检查这张表时页面的后台组件出错，已停止检查（为免再次出错，不会自动重试）。表格仍在输入框中；请把它发给我们以便修正。",
    "The page's worker failed while checking this table, so the check was stopped (it is not retried, so that it cannot fail again). The table is still in the box; please send it to us so that we can fix this.",
);

pub const LOADING: Text = t("载入中…", "Loading…");
pub const CHECKING: Text = t("正在检查大表格", "Checking a large table");
pub const CANCEL: Text = t("取消", "Cancel");
pub const LARGE_NOTE: Text = t(
    "表格较大，已交由后台检查，不在此框中显示；下面的表格视图按需显示所在位置的行。粘贴或拖入新表格即可替换。",
    "The table is large: it is checked in the background and not shown in this box; the table view below draws the rows where you scroll. Paste or drop a new table to replace it.",
);

pub const SETTINGS: Text = t("规则配置", "House rules");
pub const SETTINGS_NOTE: Text = t(
    "按本局的惯例关闭规则、调整级别或阈值。配置保存在本浏览器中，随分享链接一起发送，也可下载为 jixiao.toml 供命令行使用（jixiao-lint check --config jixiao.toml）。",
    "Turn rules off, change their severity or thresholds to your bureau's conventions. The profile is kept in this browser, travels with the share link, and downloads as jixiao.toml for the command line (jixiao-lint check --config jixiao.toml).",
);
pub const SETTINGS_DEFAULT: Text = t("默认规则（未修改）", "The defaults (nothing changed)");
pub const SETTINGS_ACTIVE: Text = t("已启用规则配置：", "Profile in force: ");
pub const THRESHOLDS: Text = t("阈值", "Thresholds");
pub const RULES: Text = t("规则", "Rules");
pub const DEFAULT_VALUE: Text = t("默认", "default");
pub const OFF: Text = t("关闭", "off");
pub const PROFILE_DOWNLOAD: Text = t("下载 jixiao.toml", "Download jixiao.toml");
pub const PROFILE_LOAD: Text = t("载入配置文件…", "Load a profile…");
pub const PROFILE_RESET: Text = t("恢复默认", "Back to the defaults");
pub const PROFILE_SUMMARY: Text = t("规则配置", "Profile");
